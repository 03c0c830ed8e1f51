// Lint: the Office add-in rules (eslint-plugin-office-addins, with prettier) plus the architecture's
// arrows (../shared/design/ARCHITECTURE.md) as zones: a file's folder tells what it may import.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import boundaries from 'eslint-plugin-boundaries';
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));

// The zones, one per folder under src/, lowest first. `may`: the zones it imports besides itself.
// `packages`: the npm packages it imports (none unless listed: the core is pure, so a new
// dependency is a decision made here). `node`: it may import Node built-ins and use Buffer/process.
// `office`: it may use the Office globals. The planned folders (i18n, outline, import, merge, word,
// docx) are listed so that their arrows hold the day they appear; a folder under src/ that is in no
// zone is itself an error (boundaries/no-unknown-files), so nothing escapes by being new.
const BELOW_LAYOUT = ['format', 'report', 'rules', 'i18n'];
const CORE = [...BELOW_LAYOUT, 'layout', 'outline', 'import', 'merge'];
const ADAPTERS = ['xlsx', 'excel', 'word', 'docx'];
const REACT = ['react', 'react-dom', '@fluentui/*'];
const ZONES = [
  // The pure core: format ← report ← rules ← i18n ← layout/outline, with import/merge above layout.
  { type: 'format', may: [] },
  // jsonc-parser: the strict JSON interchange reader with positions (src/report/json.ts).
  { type: 'report', may: ['format'], packages: ['jsonc-parser'] },
  { type: 'rules', may: ['format', 'report'] },
  { type: 'i18n', may: ['format', 'report', 'rules'] },
  { type: 'layout', may: BELOW_LAYOUT },
  { type: 'outline', may: BELOW_LAYOUT },
  { type: 'import', may: [...BELOW_LAYOUT, 'layout'], packages: ['htmlparser2'] },
  { type: 'merge', may: [...BELOW_LAYOUT, 'layout'] },
  // Adapters: the core and their own library; never each other, the task pane or the CLI.
  { type: 'xlsx', may: CORE, packages: ['exceljs', 'jszip', 'saxes'] },
  { type: 'excel', may: CORE, office: true },
  { type: 'word', may: CORE, office: true },
  { type: 'docx', may: CORE, packages: ['docx', 'jszip', 'saxes'] },
  // Top: the command line (Node, the file adapters) and the task pane (React), whose components get
  // their actions as props; only its composition root (below) wires adapters and touches Office.
  { type: 'cli', may: [...CORE, 'xlsx', 'docx'], node: true },
  { type: 'taskpane', may: CORE, packages: REACT },
  // Others: ribbon commands, the benchmark, and the dev scripts (Node, anything).
  { type: 'commands', may: [...CORE, 'excel', 'word'], office: true },
  { type: 'bench', may: [...CORE, 'xlsx', 'docx'], node: true },
  { type: 'dev', may: ['*'], packages: ['**'], node: true },
];
// Tests, under test/ or beside the code, are exempt: they may reach into any zone and use Node.
const TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx'];
const COMPOSITION_ROOT = { file: 'src/taskpane/index.tsx', zone: 'taskpane', may: ADAPTERS };

const officeGlobals = ['Excel', 'Word', 'Office', 'OfficeExtension'].map((name) => ({
  name,
  message: `${name} is used only in src/excel, src/word, src/commands and ${COMPOSITION_ROOT.file}.`,
}));
const nodeGlobals = [
  { name: 'Buffer', message: 'Buffer is Node only and this code also runs in the task pane: use Uint8Array.' },
  ...['process', 'global', '__dirname', '__filename', 'require'].map((name) => ({
    name,
    message: `${name} is Node only and this code also runs in the task pane.`,
  })),
];

// Which globals each zone may use; the composition root is the one file with a kind of its own.
const globalsKinds = [
  ...ZONES.map((zone) => ({ files: `src/${zone.type}/**`, node: !!zone.node, office: !!zone.office })),
  { files: COMPOSITION_ROOT.file, node: false, office: true },
];
// One block per kind (may it use Node? Office?): a later block's options for a rule replace an
// earlier block's, so each file meets exactly one.
const restrictedGlobals = [
  { node: false, office: false, restricted: [...officeGlobals, ...nodeGlobals] },
  { node: false, office: true, restricted: nodeGlobals },
  { node: true, office: false, restricted: officeGlobals },
].map(({ node, office, restricted }) => {
  const files = globalsKinds.filter((kind) => kind.node === node && kind.office === office).map((kind) => kind.files);
  return {
    files,
    ignores: [...TESTS, ...(files.includes(COMPOSITION_ROOT.file) ? [] : [COMPOSITION_ROOT.file])],
    rules: { 'no-restricted-globals': ['error', ...restricted] },
  };
});

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'reports/**', '.stryker-tmp/**'] },
  ...officeAddins.configs.react,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      'react/react-in-jsx-scope': 'off',
    },
  },
  {
    // The zones' imports.
    files: ['src/**'],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': ROOT,
      'boundaries/elements': ZONES.map((zone) => ({
        type: zone.type,
        pattern: `src/${zone.type}`,
        partialMatch: false,
      })),
      'boundaries/files': [{ category: 'composition-root', pattern: COMPOSITION_ROOT.file }],
      // import, export … from, import() and require(): every way a module reaches another.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      // …and TypeScript's own forms: `import x = require('…')` and the type `import('…').T`.
      'boundaries/additional-dependency-nodes': [
        { selector: 'TSExternalModuleReference > Literal', kind: 'value', name: 'import-equals' },
        { selector: 'TSImportType > TSLiteralType > Literal', kind: 'type', name: 'import-type' },
      ],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          // Check npm packages and Node built-ins too, and local paths that resolve to no zone
          // (such as '../excel' while src/excel has no index.ts).
          checkAllOrigins: true,
          checkUnknownLocals: true,
          checkInternals: true,
          message:
            'src/{{from.element.type}} may not import {{dependency.source}}: see the zones in eslint.config.mjs.',
          policies: [
            ...ZONES.map((zone) => ({
              from: { element: { type: zone.type } },
              allow: { to: { element: { types: { anyOf: [zone.type, ...zone.may] } } } },
            })),
            ...ZONES.filter((zone) => zone.packages).map((zone) => ({
              from: { element: { type: zone.type } },
              allow: { to: { module: { origin: 'external', source: zone.packages } } },
            })),
            {
              from: { element: { types: { anyOf: ZONES.filter((zone) => zone.node).map((zone) => zone.type) } } },
              allow: { to: { module: { origin: 'core' } } },
            },
            {
              from: { element: { type: COMPOSITION_ROOT.zone }, file: { categories: 'composition-root' } },
              allow: { to: { element: { types: { anyOf: COMPOSITION_ROOT.may } } } },
            },
            {
              // Nothing imports the composition root: a component that did would reach Office through it.
              from: { element: { type: COMPOSITION_ROOT.zone } },
              disallow: { to: { file: { categories: 'composition-root' } } },
            },
          ],
        },
      ],
      'boundaries/no-unknown-files': 'error',
    },
  },
  ...restrictedGlobals,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
