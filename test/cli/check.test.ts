// `nianbao check` as INTERFACES.md promises it: human output grouped by table, --json, exit codes.
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { run } from '../../src/cli/main';
import { READERS } from '../../src/cli/read-file';

const fixture = (name: string): string => path.join(__dirname, '../fixtures', name);
const BIN = path.resolve(__dirname, '../../dist/node/cli/main.js');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) }, {});
  return { code, out, err };
}

interface JsonOutput {
  files: {
    file: string;
    profile?: Record<string, unknown>;
    values?: Record<string, unknown>;
    findings?: { rule: string; cells: string[]; expected?: number; actual?: number; delta?: number; message: string }[];
    summary?: { errors: number; warnings: number; infos: number };
    error?: string;
  }[];
}

describe('nianbao check FILE.json', () => {
  it('exits 0 and says so for a consistent report', async () => {
    const { code, out } = await cli('check', fixture('seed-004.json'));
    expect(code).toBe(0);
    expect(out).toContain('河东区行政审批服务局 · 2022 年度 · 2021 年版格式');
    expect(out).toContain('未发现问题');
  });

  it('exits 1 and groups the findings under their table', async () => {
    const { code, out } = await cli('check', fixture('broken-column.json'));
    expect(code).toBe(1);
    expect(out).toContain('表三 · 收到和处理政府信息公开申请情况');
    expect(out).toMatch(/✖ 错误 S3-BALANCE {2}表三 · 自然人/);
    expect(out).toContain('共 2 个错误，0 个警告，0 个提示。');
  });

  it('--json prints exactly one JSON document in the INTERFACES.md shape', async () => {
    const { code, out } = await cli('check', '--json', fixture('broken-column.json'));
    expect(code).toBe(1);
    const doc = JSON.parse(out) as JsonOutput;
    expect(doc.files).toHaveLength(1);
    const [entry] = doc.files;
    expect(entry.profile).toMatchObject({ year: 2022, format: '2021', kind: 'department' });
    expect(entry.values?.['s3.new.natural']).toBe(5);
    expect(entry.summary).toEqual({ errors: 2, warnings: 0, infos: 0 });
    expect(entry.findings?.[0]).toMatchObject({
      rule: 'S3-BALANCE',
      severity: 'error',
      cells: ['s3.total.natural', 's3.new.natural', 's3.carriedIn.natural', 's3.carriedOver.natural'],
      expected: 5,
      actual: 4,
      delta: -1,
    });
    expect(entry.findings?.[0].message).toContain('表三 · 自然人');
  });

  it('collapses long lists of blank cells in the human output but keeps each in --json', async () => {
    const human = await cli('check', fixture('seed-003.json'));
    expect(human.code).toBe(1);
    expect(human.out).toMatch(/CELL-BLANK {2}有 \d+ 个单元格未填写/);
    expect(human.out.split('\n').length).toBeLessThan(30);
    const json = JSON.parse((await cli('check', '--json', fixture('seed-003.json'))).out) as JsonOutput;
    expect(json.files[0].findings?.length).toBeGreaterThan(150);
  });

  it('warnings alone exit 0', async () => {
    const { code, out } = await cli('check', fixture('fee-unit.json'));
    expect(code).toBe(0);
    expect(out).toContain('⚠ 警告 S2-FEE-UNIT');
  });

  it('exits 2 naming an unknown key, and still reports the other files', async () => {
    const { code, out } = await cli('check', '--json', fixture('seed-004.json'), fixture('error.unknown-key.json'));
    expect(code).toBe(2);
    const doc = JSON.parse(out) as JsonOutput;
    expect(doc.files[0].findings).toEqual([]);
    expect(doc.files[1].error).toContain('s3.new.natual');
  });

  it('applies --year over the file', async () => {
    const { out } = await cli('check', '--json', '--year', '2020', fixture('seed-004.json'));
    const doc = JSON.parse(out) as JsonOutput;
    expect(doc.files[0].profile).toMatchObject({ year: 2020 });
    expect(doc.files[0].findings?.map((f) => f.rule)).toContain('FORMAT-VERSION');
  });

  it('applies --format over the file: the 2019 layout for a 2022 report is a FORMAT-VERSION error', async () => {
    const plain = JSON.parse((await cli('check', '--json', fixture('seed-004.json'))).out) as JsonOutput;
    expect(plain.files[0].findings).toEqual([]);
    const { code, out } = await cli('check', '--json', '--format', '2019', fixture('seed-004.json'));
    const entry = (JSON.parse(out) as JsonOutput).files[0];
    expect(code).toBe(1);
    expect(entry.profile).toMatchObject({ year: 2022, format: '2019' });
    expect(entry.findings?.map((f) => f.rule)).toContain('FORMAT-VERSION');
  });

  it('applies --kind over the file, in --json and in the profile line', async () => {
    // seed-004 is a 政府部门 (department).
    const { out } = await cli('check', '--json', '--kind', 'government', fixture('seed-004.json'));
    expect((JSON.parse(out) as JsonOutput).files[0].profile).toMatchObject({ kind: 'government' });
    const human = await cli('check', '--kind', 'government', fixture('seed-004.json'));
    expect(human.out).toContain('河东区行政审批服务局 · 2022 年度 · 2021 年版格式 · 人民政府');
  });

  it('adds the cross-year rules with --previous', async () => {
    // 002 had 4 行政规范性文件 in force; 004 (read as its next year) has 0 with none repealed.
    const withPrevious = await cli('check', '--json', '--previous', fixture('seed-002.json'), fixture('seed-004.json'));
    const findings = (JSON.parse(withPrevious.out) as JsonOutput).files[0].findings ?? [];
    expect(findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['S2-VALID-STOCK', 4, 0]]);
  });

  it('answers English with --lang en-US', async () => {
    const { out } = await cli('check', '--lang', 'en-US', fixture('broken-column.json'));
    expect(out).toContain('Table 3 · Natural persons');
  });

  it.each([
    [['check'], '请指定要检查的文件'],
    [['check', '--format', '2020', 'x.json'], '--format 2020 无效，应为 2019、2021 之一。'],
    [['check', '--kind', 'county', 'x.json'], '--kind county 无效，应为 government、office、department 之一。'],
    [['check', '--year', '22', 'x.json'], '--year 22 只有两位数字'],
    [['check', '--year', 'abc', 'x.json'], '--year abc 不是年份'],
    [['check', '--bogus', 'x.json'], 'check 命令没有选项 --bogus。'],
    [['check', '-x', 'x.json'], 'check 命令没有选项 -x。'],
    [['check', '--year'], '选项 --year 后面缺少值。'],
    [['check', '--previous', '--year', '2022', 'x.json'], '选项 --previous 后面缺少值。'],
    [['check', '--json=yes', 'x.json'], '选项 --json 不带值。'],
    [['check', '--year', '2022', '--year', '2023', 'x.json'], '选项 --year 只能指定一次。'],
    [['check', '--previous', 'a.json', '--previous=b.json', 'x.json'], '选项 --previous 只能指定一次。'],
    [['check', '--lang', 'fr', 'x.json'], '--lang fr 无效'],
    [['template', 'stray'], 'template 命令不接受参数“stray”。'],
    [['template', '--json'], 'template 命令没有选项 --json。'],
    [['frobnicate'], '未知的命令“frobnicate”。可用命令：check、template、docx。'],
  ])('exits 2 on usage errors, naming the option in Chinese: %p', async (argv, text) => {
    const { code, out, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(text);
    // One sentence on where to get help, said once; none of parseArgs' English.
    expect(err.match(/运行 nianbao --help 查看用法/g)).toHaveLength(1);
    expect(err).not.toMatch(/Unknown option|argument|ambiguous|positional/i);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('says usage errors in English with --lang en-US', async () => {
    const { err } = await cli('check', '--lang', 'en-US', '--bogus', 'x.json');
    expect(err).toBe('The check command has no option --bogus. See nianbao --help.\n');
  });

  it('escapes control characters of an argument it repeats', async () => {
    const { err } = await cli('\u001b[2Jcheck');
    expect(err).toContain('未知的命令“\\x1b[2Jcheck”');
    expect(err).not.toContain('\u001b');
  });

  it('with --json, answers a usage error with one JSON document on stdout', async () => {
    const { code, out, err } = await cli('check', '--json', '--bogus', 'x.json');
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({ files: [], error: 'check 命令没有选项 --bogus。运行 nianbao --help 查看用法。' });
    expect(err).toContain('--bogus');
  });

  it('says clearly which kinds it reads when given another, exit 2', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-kind-'));
    try {
      const file = path.join(dir, 'report.pdf');
      await fs.writeFile(file, '%PDF-1.7');
      const { code, out } = await cli('check', file);
      expect(code).toBe(2);
      expect(out).toContain('暂不支持读取 .pdf 文件');
      expect(out).toContain(`目前支持：${Object.keys(READERS).sort().join(', ')}。`);
      expect(Object.keys(READERS)).toEqual(expect.arrayContaining(['.json', '.xlsx', '.txt']));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('says a missing file is missing', async () => {
    const { code, out } = await cli('check', 'no-such-report.json');
    expect(code).toBe(2);
    expect(out).toContain('找不到文件：no-such-report.json');
  });
});

describe('nianbao check --previous', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-previous-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses last year’s report of another year, naming both years', async () => {
    const { code, out } = await cli('check', '--previous', fixture('seed-003.json'), fixture('seed-004.json'));
    expect(code).toBe(2);
    expect(out).toContain('是 2020 年度的报告，而本报告是 2022 年度：上年报告应为 2021 年度。');
  });

  it('checks the year after --year overrides it', async () => {
    const { code } = await cli(
      'check',
      '--previous',
      fixture('seed-002.json'),
      '--year',
      '2023',
      fixture('seed-004.json'),
    );
    expect(code).toBe(2);
  });

  it('refuses --previous for a file that holds its own previous', async () => {
    const file = path.join(dir, 'with-previous.json');
    const report = JSON.parse(await fs.readFile(fixture('seed-004.json'), 'utf8')) as Record<string, unknown>;
    await fs.writeFile(file, JSON.stringify({ ...report, previous: { profile: { year: 2021 }, values: {} } }));
    const { code, out } = await cli('check', '--json', '--previous', fixture('seed-002.json'), file);
    expect(code).toBe(2);
    expect((JSON.parse(out) as JsonOutput).files[0].error).toContain('已含有上年数据（previous），不能再用 --previous');
  });

  it('with --json, prints one JSON document when last year’s report cannot be read', async () => {
    const { code, out, err } = await cli(
      'check',
      '--json',
      '--previous',
      path.join(dir, 'none.json'),
      fixture('seed-004.json'),
    );
    expect(code).toBe(2);
    const doc = JSON.parse(out) as JsonOutput & { error: string };
    expect(doc.files).toEqual([]);
    expect(doc.error).toMatch(/^无法读取上年报告 .*none\.json：找不到文件：/);
    expect(err).toContain('无法读取上年报告');
  });
});

describe('printing names and texts from the files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-print-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps a huge text cell in the data but prints its message shortened', async () => {
    const file = path.join(dir, 'huge.json');
    const report = JSON.parse(await fs.readFile(fixture('seed-004.json'), 'utf8')) as {
      values: Record<string, unknown>;
    };
    report.values['s3.new.natural'] = '很'.repeat(1_000_000);
    await fs.writeFile(file, JSON.stringify(report));
    const { code, out } = await cli('check', file);
    expect(code).toBe(1);
    expect(out).toContain('CELL-NOT-NUMBER');
    expect(out.length).toBeLessThan(3000);
    const json = JSON.parse((await cli('check', '--json', file)).out) as JsonOutput;
    expect(json.files[0].values?.['s3.new.natural']).toHaveLength(1_000_000);
  });

  it('escapes control characters in file names and the agency, and shortens a huge agency', async () => {
    const file = path.join(dir, 'bad\u001b]0;pwned\u0007name.json');
    const report = JSON.parse(await fs.readFile(fixture('seed-004.json'), 'utf8')) as {
      profile: Record<string, unknown>;
    };
    report.profile.agency = `河东区\u001b[31m\u202e局${'很'.repeat(100_000)}`;
    await fs.writeFile(file, JSON.stringify(report));
    const { code, out } = await cli('check', file);
    expect(code).toBe(0);
    // No C0 control but the line feeds, no DEL, no bidi override.
    expect([...out].filter((ch) => (ch < ' ' && ch !== '\n') || ch === '\u007f' || ch === '\u202e')).toEqual([]);
    expect(out).toContain('bad\\x1b]0;pwned\\x07name.json');
    expect(out).toContain('河东区\\x1b[31m\\u202e局很');
    expect(out.length).toBeLessThan(1000);
    // The data itself is kept whole.
    const json = JSON.parse((await cli('check', '--json', file)).out) as JsonOutput;
    expect(String(json.files[0].profile?.agency)).toHaveLength(100_000 + 10);
  });
});

describe('the installed binary', () => {
  const execFileAsync = promisify(execFile);

  it('is built (npm test builds it before jest runs)', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('exits 2 with a message naming the unknown key', async () => {
    const result = await execFileAsync('node', [BIN, 'check', fixture('error.unknown-key.json')]).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('未知的单元格键“s3.new.natual”');
  });

  it('exits 0 on a consistent report', async () => {
    const { stdout } = await execFileAsync('node', [BIN, 'check', fixture('seed-004.json')]);
    expect(stdout).toContain('未发现问题');
  });
});
