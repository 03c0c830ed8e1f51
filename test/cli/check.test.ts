// `nianbao check` as INTERFACES.md promises it: human output grouped by table, --json, exit codes.
import { execFile } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { run } from '../../src/cli/main';

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

  it('applies --year/--format/--kind over the file and --previous for the cross-year rules', async () => {
    const { out } = await cli('check', '--json', '--year', '2020', fixture('seed-004.json'));
    const doc = JSON.parse(out) as JsonOutput;
    expect(doc.files[0].findings?.map((f) => f.rule)).toContain('FORMAT-VERSION');
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
    [['check', '--format', '2020', 'x.json'], '--format 2020'],
    [['check', '--bogus', 'x.json'], '参数有误'],
    [['frobnicate'], '未知的命令'],
  ])('exits 2 on usage errors: %p', async (argv, text) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(text);
  });

  it('says clearly that text files are not supported yet, exit 2', async () => {
    const { code, out } = await cli(
      'check',
      path.join(__dirname, '../../../shared/reports/seeds/004_45714cd7a3994f14.txt'),
    );
    expect(code).toBe(2);
    expect(out).toContain('暂不支持读取 .txt 文件');
  });

  it('says a missing file is missing', async () => {
    const { code, out } = await cli('check', 'no-such-report.json');
    expect(code).toBe(2);
    expect(out).toContain('找不到文件：no-such-report.json');
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
