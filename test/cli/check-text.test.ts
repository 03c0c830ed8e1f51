// `nianbao check` on the text of published reports (.txt, .html, .htm) and Word drafts (.docx), as
// INTERFACES.md promises it: read through the importers, checked by the value rules and the text
// rules, what could not be read said as notes (not findings), --json with `values` holding what was
// read (cells not found absent, found blank null), --previous from any kind, and for many files
// progress on stderr and a summary at the end.
import { existsSync, promises as fs, readdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { encodeGbk } from '../fuzz/inputs';
import { sharedPath } from '../support/shared';

const SEEDS = {
  s000: sharedPath('reports', 'seeds', '000_9a315c6e15650b7f.txt'),
  s001: sharedPath('reports', 'seeds', '001_2151fe05aa8ee300.txt'),
  s002: sharedPath('reports', 'seeds', '002_3450487cb858bd82.txt'),
  s003: sharedPath('reports', 'seeds', '003_ad5a69c87eace8af.txt'),
  s004: sharedPath('reports', 'seeds', '004_45714cd7a3994f14.txt'),
};
const FIXTURES = path.join(__dirname, '../fixtures/import');

async function cli(argv: string[], tty = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), ...(tty ? { errIsTTY: true } : {}) };
  const code = await run(argv, io, {});
  return { code, out, err };
}

interface JsonEntry {
  file: string;
  profile?: Record<string, unknown>;
  values?: Record<string, unknown>;
  findings?: { rule: string; cells: string[]; expected?: number; actual?: number; message: string }[];
  summary?: { errors: number; warnings: number; infos: number };
  notFound?: string[];
  notes?: { code: string; message: string }[];
  error?: string;
}

async function json(...argv: string[]): Promise<{ code: number; files: JsonEntry[]; err: string }> {
  const { code, out, err } = await cli(['check', '--json', ...argv]);
  return { code, files: (JSON.parse(out) as { files: JsonEntry[] }).files, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-text-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

describe('nianbao check on the seeds (.txt)', () => {
  it('seed 004 (2022, consistent): exit 0, the profile from the title, the tables read', async () => {
    const { code, files } = await json(SEEDS.s004);
    expect(code).toBe(0);
    const [entry] = files;
    expect(entry.profile).toMatchObject({ agency: '河东区行政审批服务局', year: 2022, format: '2021' });
    // RULES.md: new 3 (自然人) → granted 2 + notHeld 1; s2.license.decisions 90025; fee 13.39.
    expect(entry.values).toMatchObject({
      's3.new.natural': 3,
      's3.granted.natural': 2,
      's3.unable.notHeld.natural': 1,
      's3.total.total': 3,
      's2.license.decisions': 90025,
      's2.fee.amount': 13.39,
    });
    expect(entry.findings).toEqual([]);
    expect(entry.notFound).toEqual([]);
    const human = await cli(['check', SEEDS.s004]);
    expect(human.out).toContain('河东区行政审批服务局 · 2022 年度 · 2021 年版格式');
    expect(human.out).toContain('未发现问题');
  });

  it('seed 002 has no part 六: TEXT-SECTIONS, an error, printed under 正文', async () => {
    const { code, out } = await cli(['check', SEEDS.s002]);
    expect(code).toBe(1);
    expect(out).toMatch(/ {2}正文\n {4}✖ 错误 TEXT-SECTIONS {2}正文缺少必备的部分：六、其他需要报告的事项。/);
  });

  it('seed 001 (2022) cites 国办公开办函〔2019〕60号: TEXT-CITATION, a warning, exit 0', async () => {
    const { code, files } = await json(SEEDS.s001);
    expect(code).toBe(0);
    expect(files[0].findings?.map((f) => f.rule)).toEqual(['TEXT-CITATION']);
    expect(files[0].findings?.[0].message).toContain('“国办公开办函〔2019〕60号”');
  });

  it('seed 003 (2020, blanks): CELL-BLANK on the cells found blank (null), none on the cells not found (absent)', async () => {
    const { code, files } = await json(SEEDS.s003);
    expect(code).toBe(1);
    const [entry] = files;
    const values = entry.values ?? {};
    expect(entry.profile).toMatchObject({ year: 2020, format: '2019' });
    // RULES.md: 2720 信访举报投诉类申请 and 422 重复申请 in s3 while 新收 is blank.
    expect(values['s3.rejected.petition.natural']).toBe(2720);
    expect(values['s3.new.natural']).toBeNull();
    const blanks = (entry.findings ?? []).filter((f) => f.rule === 'CELL-BLANK').map((f) => f.cells[0]);
    expect(blanks).toContain('s3.new.natural');
    for (const key of entry.notFound ?? []) {
      expect(key in values).toBe(false);
      expect(blanks).not.toContain(key);
    }
    // No identity is assessable.
    expect(entry.findings?.some((f) => /^S3-(BALANCE|OUTCOME-TOTAL)/.test(f.rule))).toBe(false);
  });

  it('says what it could not read as 读取说明 notes, in --json as notes with messages', async () => {
    const { files } = await json(SEEDS.s000);
    const [entry] = files;
    expect(entry.notes?.length).toBeGreaterThan(0);
    for (const note of entry.notes ?? []) {
      expect(typeof note.code).toBe('string');
      expect(note.message).toMatch(/[\u4e00-\u9fff]/);
      expect(note.message).not.toMatch(/undefined|\[object/);
    }
    expect(entry.findings?.map((f) => f.rule)).not.toContain('CELL-BLANK');
    const human = await cli(['check', SEEDS.s000]);
    expect(human.out).toMatch(/ {2}读取说明\n {4}ℹ /);
    const english = await cli(['check', '--lang', 'en-US', SEEDS.s000]);
    expect(english.out).toMatch(/ {2}Reading notes\n {4}ℹ /);
  });

  it('reads last year’s report from a text too (--previous): the cross-year rules run', async () => {
    // 002 (2021) had 4 行政规范性文件 in force; 004 (2022) has 0 with none repealed.
    const { code, files } = await json('--previous', SEEDS.s002, SEEDS.s004);
    expect(code).toBe(0);
    expect(files[0].findings?.map((f) => [f.rule, f.expected, f.actual])).toEqual([['S2-VALID-STOCK', 4, 0]]);
  });

  it('refuses a text of the wrong year as last year’s report', async () => {
    const { code, files } = await json('--previous', SEEDS.s003, SEEDS.s004);
    expect(code).toBe(2);
    expect(files[0].error).toContain('是 2020 年度的报告，而本报告是 2022 年度');
  });
});

describe('nianbao check on texts made for the test', () => {
  const seed004 = readFileSync(SEEDS.s004, 'utf8');

  it('a figure of the prose that contradicts the tables: TEXT-NUMBERS names the sentence and the cell', async () => {
    const file = await write(
      'numbers.txt',
      seed004.replace('全年收到 3 条依申请公开申请', '全年收到 5 条依申请公开申请'),
    );
    const { code, files } = await json(file);
    expect(code).toBe(1);
    const finding = files[0].findings?.find((f) => f.rule === 'TEXT-NUMBERS');
    expect(finding).toMatchObject({ cells: ['s3.new.total'], expected: 3, actual: 5 });
    expect(finding?.message).toContain('正文中“收到”为 5 件');
    expect(finding?.message).toContain('“表三 · 总计 · 一、本年新收政府信息公开申请数量”为 3 件');
  });

  it('a GBK text reads as its UTF-8 original', async () => {
    const file = await write('gbk.txt', encodeGbk(seed004));
    const [gbk, utf8] = await Promise.all([json(file), json(SEEDS.s004)]);
    expect(gbk.files[0].values).toEqual(utf8.files[0].values);
    expect(gbk.files[0].profile).toEqual(utf8.files[0].profile);
  });

  it('a binary file named .txt is unreadable, exit 2, in the user’s words', async () => {
    const file = await write('binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0x00]));
    const { code, files } = await json(file);
    expect(code).toBe(2);
    expect(files[0].error).toContain('无法读取');
    expect(files[0].error).toContain('二进制文件');
  });

  it('a text over the .txt limit is not read', async () => {
    const file = await write('huge.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 0x30));
    const { code, files } = await json(file);
    expect(code).toBe(2);
    expect(files[0].error).toMatch(/超过 \.txt 文件的上限 5 MB/);
  });

  it('a web page (.html, .htm): paragraphs and tables through the importer, the text rules too', async () => {
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title></head><body>
      <h1>测试局2024年政府信息公开工作年度报告</h1>
      <p>本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。</p>
      <h2>一、总体情况</h2><p>本年度工作平稳。</p>
      <h2>二、主动公开政府信息情况</h2>
      <h2>三、收到和处理政府信息公开申请情况</h2>
      </body></html>`;
    for (const name of ['page.html', 'page.htm']) {
      const { code, files } = await json(await write(name, page));
      expect(code).toBe(1);
      const [entry] = files;
      expect(entry.profile).toMatchObject({ agency: '测试局', year: 2024 });
      const rules = entry.findings?.map((f) => f.rule) ?? [];
      expect(rules).toEqual(expect.arrayContaining(['TEXT-SECTIONS', 'TEXT-PERIOD']));
      // The tables are not on the page: said as notes, their cells absent and not CELL-BLANK.
      expect(entry.notes?.map((n) => n.code)).toContain('TABLE_NOT_FOUND');
      expect(rules).not.toContain('CELL-BLANK');
      expect(Object.keys(entry.values ?? {})).toEqual([]);
    }
  });
});

/** The importer's layout fixtures (test/fixtures/import and its folders): .txt, .html/.htm, .docx. */
function layoutFixtures(dir = FIXTURES): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) =>
      d.isDirectory()
        ? layoutFixtures(path.join(dir, d.name))
        : /\.(txt|html?|docx)$/i.test(d.name)
          ? [path.join(dir, d.name)]
          : [],
    );
}

describe('nianbao check on the importer’s layout fixtures', () => {
  const files = layoutFixtures();
  it('answers every one in one JSON document, no internal error', async () => {
    expect(files.length).toBeGreaterThan(5);
    const { code, files: entries } = await json(...files);
    expect([0, 1, 2]).toContain(code);
    expect(entries.map((e) => e.file)).toEqual(files);
    for (const entry of entries) {
      // A fixture may be unreadable on purpose (binary junk named .txt); it says why in the user's words.
      if (entry.error !== undefined) expect(entry.error).not.toContain('内部错误');
      else expect(entry.summary).toBeDefined();
    }
    expect(entries.filter((e) => e.error === undefined).length).toBeGreaterThan(files.length / 2);
  });
});

describe('nianbao check on a Word draft (.docx)', () => {
  it('reads the draft nianbao docx wrote: its tagged figures are the tables’ values', async () => {
    const draft = path.join(dir, 'draft.docx');
    const made = await cli(['docx', path.join(__dirname, '../fixtures/seed-004.json'), '-o', draft]);
    expect(made.code).toBe(0);
    const { code, files } = await json(draft);
    const expected = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/seed-004.json'), 'utf8')) as {
      values: Record<string, unknown>;
    };
    expect(code).toBe(0);
    expect(files[0].profile).toMatchObject({ agency: '河东区行政审批服务局', year: 2022, format: '2021' });
    expect(files[0].values).toEqual(expected.values);
    expect(files[0].findings?.filter((f) => !f.rule.startsWith('TEXT-'))).toEqual([]);
  });

  it('never writes the skeleton over the draft it reads, even with --force', async () => {
    const draft = path.join(dir, 'own.docx');
    expect((await cli(['docx', path.join(__dirname, '../fixtures/seed-004.json'), '-o', draft])).code).toBe(0);
    const before = await fs.readFile(draft);
    const { code, err } = await cli(['docx', draft, '--force']);
    expect(code).toBe(2);
    expect(err).toContain('输出文件就是输入的文稿');
    expect(await fs.readFile(draft)).toEqual(before);
  });

  it('a damaged .docx is unreadable, exit 2, in the user’s words', async () => {
    const file = await write('damaged.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
    const { code, files } = await json(file);
    expect(code).toBe(2);
    expect(files[0].error).toMatch(/\.docx/);
    expect(files[0].error).not.toContain('内部错误');
  });

  it('last year’s report may be a Word draft', async () => {
    const draft = path.join(dir, 'last-year.docx');
    const lastYear = await write(
      'last-year.json',
      JSON.stringify({
        profile: { agency: '河东区行政审批服务局', year: 2021, format: '2021', kind: 'department' },
        values: { 's3.carriedOver.natural': 2 },
      }),
    );
    expect((await cli(['docx', lastYear, '-o', draft])).code).toBe(0);
    const { files } = await json('--previous', draft, SEEDS.s004);
    expect(files[0].error).toBeUndefined();
    expect(files[0].findings?.map((f) => f.rule)).toContain('S3-CARRY-CONTINUITY');
  });
});

describe('the help', () => {
  it('names the kinds check reads and their limits', async () => {
    const { code, out } = await cli(['check', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('.txt / .html / .htm');
    expect(out).toContain('.docx（年报文稿）');
    const limits = '.txt 5 MB；.html/.htm 20 MB；.docx 50 MB。';
    expect(out).toContain(limits);
    const english = await cli(['--help', '--lang', 'en-US']);
    expect(english.out).toContain(limits.replace(/；/g, '; ').replace('。', '.'));
  });
});

describe('nianbao check on many files', () => {
  it('shows progress on stderr, one line per file, and ends with a summary on stdout', async () => {
    const { code, out, err } = await cli(['check', SEEDS.s004, SEEDS.s002, path.join(dir, 'missing.txt')]);
    expect(code).toBe(2);
    expect(err.split('\n').filter((l) => /^\[\d\/3\] /.test(l))).toHaveLength(3);
    expect(out).not.toMatch(/\[\d\/3\]/);
    expect(out.trim().split('\n').pop()).toBe(
      '共检查 2 份报告：1 份有错误，0 份只有警告，1 个文件无法读取；合计 1 个错误、0 个警告。',
    );
  });

  it('on a terminal, rewrites one progress line in place and clears it before printing', async () => {
    const { out, err } = await cli(['check', SEEDS.s004, SEEDS.s001], true);
    expect(err).toContain('\r\u001b[K[1/2] ');
    expect(err).toContain('\r\u001b[K[2/2] ');
    expect(err.endsWith('\r\u001b[K')).toBe(true);
    expect(err).not.toContain('\n');
    expect(out).toContain('共检查 2 份报告：0 份有错误，1 份只有警告；合计 0 个错误、1 个警告。');
  });

  it('with --json, stdout is the one JSON document and the summary goes to stderr', async () => {
    const { code, out, err } = await cli(['check', '--json', SEEDS.s004, SEEDS.s001]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { files: unknown[] }).files).toHaveLength(2);
    expect(err).toContain('共检查 2 份报告');
  });

  it('one file: no progress, no summary (as before)', async () => {
    const { out, err } = await cli(['check', SEEDS.s004]);
    expect(err).toBe('');
    expect(out).not.toContain('共检查');
  });
});
