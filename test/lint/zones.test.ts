// The architecture zones of eslint.config.mjs hold: each wrong arrow, written as a file placed in
// its zone, is reported by the rule that guards it, and the arrows the architecture allows are not.
import { execFileSync } from 'child_process';
import * as path from 'path';

type ZoneRule = 'boundaries/dependencies' | 'boundaries/no-unknown-files' | 'no-restricted-globals';
interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  fatal: boolean;
}
interface Snippet {
  /** Where the snippet is linted as if it were, relative to the project root. */
  file: string;
  code: string;
}

const ROOT = path.resolve(__dirname, '../..');

/** [what the code does wrong, file, code, the rule that must report it] */
const violations: Array<[string, string, string, ZoneRule]> = [
  // The core never imports an adapter, a library of an adapter, Node or the Node globals.
  [
    'core imports an adapter folder',
    'src/report/wrong.ts',
    "export { readWorkbookReports } from '../xlsx';\n",
    'boundaries/dependencies',
  ],
  [
    'core imports an adapter module',
    'src/rules/wrong.ts',
    "import { chunkAreas } from '../excel/insert-template';\n",
    'boundaries/dependencies',
  ],
  [
    'core imports an adapter type',
    'src/layout/wrong.ts',
    "import type { StyleGroup } from '../excel/sheet-plan';\n",
    'boundaries/dependencies',
  ],
  [
    'core imports a type by import()',
    'src/layout/wrong.ts',
    "export type Entry = import('../xlsx/read').WorkbookEntry;\n",
    'boundaries/dependencies',
  ],
  ['core re-exports an adapter', 'src/format/wrong.ts', "export * from '../excel/a1';\n", 'boundaries/dependencies'],
  ['core imports exceljs', 'src/report/wrong.ts', "import ExcelJS from 'exceljs';\n", 'boundaries/dependencies'],
  [
    'core imports jszip (type only)',
    'src/layout/wrong.ts',
    "import type JSZip from 'jszip';\n",
    'boundaries/dependencies',
  ],
  ['core imports fs', 'src/rules/wrong.ts', "import { readFileSync } from 'fs';\n", 'boundaries/dependencies'],
  ['core imports node:path', 'src/report/wrong.ts', "import { join } from 'node:path';\n", 'boundaries/dependencies'],
  ['core requires fs', 'src/report/wrong.ts', "const fs = require('fs');\n", 'boundaries/dependencies'],
  ['core uses Buffer', 'src/format/wrong.ts', "export const bytes = Buffer.from('年报');\n", 'no-restricted-globals'],
  ['core takes a Buffer (type)', 'src/report/wrong.ts', 'export type Bytes = Buffer;\n', 'no-restricted-globals'],
  ['core reads process', 'src/rules/wrong.ts', 'export const locale = process.env.LANG;\n', 'no-restricted-globals'],
  ['core uses Excel', 'src/layout/wrong.ts', 'export type Range = Excel.Range;\n', 'no-restricted-globals'],
  [
    'core imports a test helper',
    'src/report/wrong.ts',
    "import { cell } from '../../test/rules/support';\n",
    'boundaries/dependencies',
  ],
  // Inside the core, arrows point down only: format ← report ← rules ← i18n ← layout.
  [
    'format imports report',
    'src/format/wrong.ts',
    "import { readYear } from '../report';\n",
    'boundaries/dependencies',
  ],
  ['report imports rules', 'src/report/wrong.ts', "import { validate } from '../rules';\n", 'boundaries/dependencies'],
  [
    'rules imports layout',
    'src/rules/wrong.ts',
    "import { buildLayout } from '../layout';\n",
    'boundaries/dependencies',
  ],
  ['i18n imports layout', 'src/i18n/wrong.ts', "import { STATUS_TEXT } from '../layout';\n", 'boundaries/dependencies'],
  [
    'layout imports xlsx',
    'src/layout/wrong.ts',
    "import { renderLayout } from '../xlsx/write';\n",
    'boundaries/dependencies',
  ],
  [
    'layout imports an adapter folder',
    'src/layout/wrong.ts',
    "import { rowsAddress } from '../excel';\n",
    'boundaries/dependencies',
  ],
  // Task pane components import the core only and never touch Office.
  [
    'a component imports src/excel',
    'src/taskpane/components/Wrong.tsx',
    "import { chunkAreas } from '../../excel/insert-template';\n",
    'boundaries/dependencies',
  ],
  [
    'a component imports the xlsx adapter',
    'src/taskpane/App.tsx',
    "import { renderLayout } from '../xlsx/write';\n",
    'boundaries/dependencies',
  ],
  [
    'a component imports the composition root',
    'src/taskpane/components/Wrong.tsx',
    "import { root } from '..';\n",
    'boundaries/dependencies',
  ],
  [
    'a component calls Excel.run',
    'src/taskpane/components/Wrong.tsx',
    'export const run = Excel.run;\n',
    'no-restricted-globals',
  ],
  [
    'a component uses Office',
    'src/taskpane/App.tsx',
    'export const ready = Office.onReady;\n',
    'no-restricted-globals',
  ],
  [
    'the composition root uses Buffer',
    'src/taskpane/index.tsx',
    "export const bytes = Buffer.from('x');\n",
    'no-restricted-globals',
  ],
  // Adapters import the core only: not each other, the task pane or the CLI.
  [
    'xlsx imports excel',
    'src/xlsx/wrong.ts',
    "import { rowsAddress } from '../excel/a1';\n",
    'boundaries/dependencies',
  ],
  [
    'excel imports xlsx',
    'src/excel/wrong.ts',
    "import { readWorkbookReports } from '../xlsx/read';\n",
    'boundaries/dependencies',
  ],
  [
    'excel imports the cli',
    'src/excel/wrong.ts',
    "import { runCheck } from '../cli/check';\n",
    'boundaries/dependencies',
  ],
  [
    'xlsx imports the task pane',
    'src/xlsx/wrong.ts',
    "import { getStrings } from '../taskpane/strings';\n",
    'boundaries/dependencies',
  ],
  ['excel imports exceljs', 'src/excel/wrong.ts', "import ExcelJS from 'exceljs';\n", 'boundaries/dependencies'],
  ['xlsx imports Node', 'src/xlsx/wrong.ts', "import { inflateSync } from 'zlib';\n", 'boundaries/dependencies'],
  ['xlsx uses Buffer', 'src/xlsx/wrong.ts', "export const bytes = Buffer.from('x');\n", 'no-restricted-globals'],
  ['xlsx uses Excel', 'src/xlsx/wrong.ts', 'export const run = Excel.run;\n', 'no-restricted-globals'],
  // The command line runs in Node: the file adapters, never Office.
  ['cli imports excel', 'src/cli/wrong.ts', "import { rowsAddress } from '../excel/a1';\n", 'boundaries/dependencies'],
  [
    'cli imports the task pane',
    'src/cli/wrong.ts',
    "import { getStrings } from '../taskpane/strings';\n",
    'boundaries/dependencies',
  ],
  ['cli uses Office', 'src/cli/wrong.ts', 'export const ready = Office.onReady;\n', 'no-restricted-globals'],
  ['react outside the task pane', 'src/cli/wrong.ts', "import { useState } from 'react';\n", 'boundaries/dependencies'],
  // A folder that is in no zone escapes nothing.
  ['a file in a folder of no zone', 'src/misc/wrong.ts', 'export const answer = 42;\n', 'boundaries/no-unknown-files'],
];

/** [what the code does, file, code]: arrows the architecture allows, clean code that must lint clean. */
const allowed: Array<[string, string, string]> = [
  [
    'report imports format',
    'src/report/right.ts',
    "import { getFormat, type FormatVersion } from '../format';\n\nexport const cellsOf = (version: FormatVersion): number => getFormat(version).cells.length;\n",
  ],
  [
    'rules imports report and format, and its own files',
    'src/rules/right.ts',
    "import type { FormatVersion } from '../format';\nimport type { Report } from '../report';\nimport { validate } from '.';\n\nexport type Pair = [FormatVersion, Report];\nexport const used = validate;\n",
  ],
  [
    'layout imports rules and report',
    'src/layout/right.ts',
    "import { validate } from '../rules';\nimport { readYear } from '../report';\n\nexport const used = [validate, readYear];\n",
  ],
  [
    'xlsx imports exceljs, jszip and the layout',
    'src/xlsx/right.ts',
    "import ExcelJS from 'exceljs';\nimport JSZip from 'jszip';\nimport { cellA1 } from '../layout';\n\nexport const used = [ExcelJS, JSZip, cellA1];\n",
  ],
  [
    'excel calls Excel.run and imports the layout',
    'src/excel/right.ts',
    "import { cellA1 } from '../layout';\n\nexport const used = [Excel.run, cellA1];\n",
  ],
  [
    'cli imports Node, the xlsx adapter and reads process',
    'src/cli/right.ts',
    "import { readFileSync } from 'fs';\nimport { join } from 'node:path';\nimport { readWorkbookReports } from '../xlsx/read';\n\nexport const used = [readFileSync, join, readWorkbookReports, process.argv, Buffer.from('x')];\n",
  ],
  [
    'the composition root wires the excel adapter, React and Office',
    'src/taskpane/index.tsx',
    "import { createRoot } from 'react-dom/client';\nimport { chunkAreas } from '../excel/insert-template';\nimport { App } from './App';\n\nexport const used = [createRoot, chunkAreas, App, Office.onReady];\n",
  ],
  [
    'a component imports React, Fluent UI, its sibling components, the strings and the core',
    'src/taskpane/components/Right.tsx',
    "import * as React from 'react';\nimport { Button } from '@fluentui/react-components';\nimport { Header } from './Header';\nimport { strings } from '../../i18n';\nimport type { Report } from '../../report';\n\nexport const used = [React, Button, Header, strings];\nexport type Shown = Report;\n",
  ],
  [
    'bench imports the xlsx adapter and Node',
    'src/bench/right.ts',
    "import { performance } from 'node:perf_hooks';\nimport { readWorkbookReports } from '../xlsx/read';\n\nexport const used = [performance, readWorkbookReports];\n",
  ],
  [
    'a test beside the rules reaches into other zones and test helpers',
    'src/rules/right.test.ts',
    "import { buildLayout } from '../layout';\nimport { readWorkbookReports } from '../xlsx/read';\nimport { stub } from '../../test/support/office-addin-manifest-stub';\n\nexport const used = [buildLayout, readWorkbookReports, stub, process.env];\n",
  ],
  ['ribbon commands use Office', 'src/commands/right.ts', 'export const ready = Office.onReady;\n'],
  [
    'dev scripts use Node',
    'src/dev/right.mjs',
    "import { spawnSync } from 'node:child_process';\n\nexport const used = [spawnSync, process.argv];\n",
  ],
];

/** Every snippet through one ESLint instance, in a child process (see lint-text.mjs). */
function lintAll(snippets: readonly Snippet[]): LintMessage[][] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'lint-text.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(snippets),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output) as LintMessage[][];
}

let violationResults: LintMessage[][] = [];
let allowedResults: LintMessage[][] = [];

beforeAll(() => {
  const results = lintAll([
    ...violations.map(([, file, code]) => ({ file, code })),
    ...allowed.map(([, file, code]) => ({ file, code })),
  ]);
  violationResults = results.slice(0, violations.length);
  allowedResults = results.slice(violations.length);
}, 60000);

describe('a wrong arrow is reported', () => {
  it.each(violations.map(([what, file, code, rule], index) => [what, file, rule, code, index] as const))(
    '%s, in %s: %s',
    (_what, _file, rule, code, index) => {
      const messages = violationResults[index];
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      const reported = messages.filter((message) => message.ruleId === rule);
      expect(reported).not.toEqual([]);
      // The import statement or the global is on the snippet's first line: the report points at it.
      expect(reported.map((message) => message.line)).toContain(1);
      if (rule === 'boundaries/dependencies') {
        const source = /['"]([^'"]+)['"]/.exec(code)?.[1] ?? '';
        expect(reported.map((message) => message.message).join('\n')).toContain(`may not import ${source}`);
      }
    },
  );
});

describe('an arrow the architecture allows lints clean', () => {
  it.each(allowed.map((entry, index) => [...entry, index] as const))('%s (%s)', (_what, _file, _code, index) => {
    expect(allowedResults[index]).toEqual([]);
  });
});
