// `nianbao check` on Word drafts (.docx) through the installed binary (dist/node/cli/main.js, which
// `npm run build:node` builds and `npm test` builds before jest runs): a document `nianbao docx` wrote
// reads back with exactly the report's values and profile, in the human output and in --json; a draft
// written by another word processor (LibreOffice, no content controls) through its tables; a damaged
// or a legacy file is refused with exit 2 in the user's words, never as an internal error.
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { reportDocument } from '../../src/docx';
import { loadFixture } from '../rules/support';

const BIN = path.resolve(__dirname, '../../dist/node/cli/main.js');
const FIXTURES = path.join(__dirname, '../fixtures');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function nianbao(...args: string[]): Promise<Ran> {
  const env = { ...process.env };
  delete env.NIANBAO_LANG;
  delete env.NIANBAO_DEBUG;
  return promisify(execFile)('node', [BIN, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: Ran) => e,
  );
}

interface JsonEntry {
  file: string;
  profile?: Record<string, unknown>;
  values?: Record<string, unknown>;
  findings?: { rule: string; severity: string }[];
  notFound?: string[];
  error?: string;
}
const entries = (run: Ran): JsonEntry[] => (JSON.parse(run.stdout) as { files: JsonEntry[] }).files;

let dir: string;
let draft: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-check-docx-'));
  draft = path.join(dir, '河东区年报.docx');
  const made = await reportDocument(loadFixture('seed-004.json'), new Date('2023-01-11T02:00:00Z'));
  await fs.writeFile(draft, made.bytes);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the installed binary reads Word drafts', () => {
  it('is built (npm run build:node)', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('a document nianbao docx wrote: its profile and figures, no finding on the values', async () => {
    const human = await nianbao('check', draft);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('河东区年报.docx  河东区行政审批服务局 · 2022 年度 · 2021 年版格式');
    expect(human.stdout).not.toContain('读取说明');
    expect(human.stderr).toBe('');

    const json = await nianbao('check', '--json', draft);
    expect(json.code).toBe(0);
    const [entry] = entries(json);
    expect(entry.file).toBe(draft);
    expect(entry.profile).toMatchObject({ agency: '河东区行政审批服务局', year: 2022, format: '2021' });
    expect(entry.values).toEqual(loadFixture('seed-004.json').values);
    expect(entry.notFound).toEqual([]);
    expect(entry.findings?.filter((f) => !f.rule.startsWith('TEXT-'))).toEqual([]);
  });

  it('the same document as LibreOffice saved it again: read through its tables alone, the same values', async () => {
    const json = await nianbao('check', '--json', path.join(FIXTURES, 'docx', 'seed-004.libreoffice.docx'));
    expect(json.code).toBe(0);
    expect(entries(json)[0].values).toEqual(loadFixture('seed-004.json').values);
  });

  it('a damaged, a truncated and a legacy file: exit 2, each in the user’s words', async () => {
    const bytes = await fs.readFile(draft);
    const truncated = path.join(dir, 'truncated.docx');
    await fs.writeFile(truncated, bytes.subarray(0, bytes.length - 100));
    const legacy = path.join(dir, 'old.docx');
    await fs.writeFile(legacy, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    const text = path.join(dir, 'text.docx');
    await fs.writeFile(text, '本年度收到申请3件。');

    const run = await nianbao('check', '--json', truncated, legacy, text);
    expect(run.code).toBe(2);
    const errors = entries(run).map((e) => e.error ?? '');
    expect(errors[0]).toContain('已损坏，无法作为 .docx 读取：找不到 zip 目录');
    expect(errors[1]).toContain('它是旧版 .doc 文档，或设置了打开密码');
    expect(errors[2]).toContain('不是有效的 Word 文档（.docx）');
    for (const error of errors) expect(error).not.toContain('内部错误');

    const english = await nianbao('check', truncated, '--lang', 'en-US');
    expect(english.code).toBe(2);
    expect(english.stdout).toContain('is damaged and cannot be read as .docx');
  });
});
