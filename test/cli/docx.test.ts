// `nianbao docx`, in-process: the document is written beside the report file (or where -o says),
// never over an existing file without --force, from JSON and from workbooks (one document per report
// sheet), with last year's figures from --previous; every failure exits 2 with one sentence in the
// user's language. The document itself reads back into the outline of the report it came from.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { runDocx } from '../../src/cli/docx';
import { buildOutline, outlineSignature } from '../../src/outline';
import { parseReportJson, reportToJson, type Report } from '../../src/report';
import { writeTemplate } from '../../src/xlsx/write';
import { docxSignature } from '../support/docx-signature';
import { sheetOf } from '../xlsx/support/workbooks';

const FIXTURES = path.join(__dirname, '../fixtures');

interface Result {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) }, env);
  return { code, out, err };
}

const seed = async (name = 'seed-004.json'): Promise<Report> =>
  parseReportJson(await fs.readFile(path.join(FIXTURES, name), 'utf8'));

let dir: string;
let input: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-docx-'));
  input = path.join(dir, 'report.json');
  await fs.copyFile(path.join(FIXTURES, 'seed-004.json'), input);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Last year's report for seed 004: 2021, with other totals, so that every 同比 phrase has a number. */
async function writePrevious(name = 'previous.json', year = 2021): Promise<string> {
  const report = await seed();
  const values = { ...report.values, 's3.new.natural': 11, 's3.new.total': 11, 's3.granted.natural': 11 };
  const file = path.join(dir, name);
  await fs.writeFile(file, JSON.stringify(reportToJson({ profile: { ...report.profile, year }, values })));
  return file;
}

describe('nianbao docx', () => {
  it('writes <input name>.docx beside the input, and the document reads back into the report’s outline', async () => {
    const r = await cli(['docx', input]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const out = path.join(dir, 'report.docx');
    expect(r.out).toBe(
      `已写入 ${out}：207 个与表格联动的数字，13 处待本机关填写的提示（灰色文字，点击后直接输入即可替换）。\n`,
    );
    expect(await docxSignature(await fs.readFile(out))).toEqual(outlineSignature(buildOutline(await seed())));
  });

  it('writes where -o says, relative to the working directory', async () => {
    const io = { out: (): void => undefined, err: (): void => undefined };
    const code = await runDocx({ file: input, out: 'relative.docx', force: false, locale: 'zh-CN', cwd: dir }, io);
    expect(code).toBe(0);
    expect((await fs.stat(path.join(dir, 'relative.docx'))).isFile()).toBe(true);
    expect(await fs.readdir(dir)).not.toContain('report.docx');
  });

  it('never overwrites an existing file without --force', async () => {
    const out = path.join(dir, 'report.docx');
    await fs.writeFile(out, 'the agency’s own text');
    const r = await cli(['docx', input]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `文件已存在：${out}。为免覆盖已撰写的正文，未写入。如确需覆盖，请加 --force，或用 -o 指定其他文件名。\n`,
    );
    expect(await fs.readFile(out, 'utf8')).toBe('the agency’s own text');
    expect((await cli(['docx', input, '--force'])).code).toBe(0);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
  });

  it('adds the year-on-year wording with --previous', async () => {
    const previous = await writePrevious();
    const out = path.join(dir, 'yoy.docx');
    expect((await cli(['docx', input, '--previous', previous, '-o', out])).code).toBe(0);
    const lines = await docxSignature(await fs.readFile(out));
    expect(lines.join('\n')).toContain('[nianbao:sum:yoy.s3.new.total=同比减少8件]');
    const item = await (await JSZip.loadAsync(await fs.readFile(out))).file('customXml/item1.xml')?.async('string');
    expect(item).toContain('<previous><profile');
  });

  it('gives one document per report sheet of a workbook: OUT-<sheet>.docx', async () => {
    const report = await seed();
    const book = path.join(dir, 'book.xlsx');
    await fs.writeFile(book, await writeTemplate([sheetOf(report, '河东区'), sheetOf(report, '河西区')]));
    const r = await cli(['docx', book, '-o', path.join(dir, 'out.docx')]);
    expect(r.code).toBe(0);
    for (const sheet of ['河东区', '河西区']) {
      const file = path.join(dir, `out-${sheet}.docx`);
      expect(r.out).toContain(file);
      expect(await docxSignature(await fs.readFile(file))).toContain('H1 三、收到和处理政府信息公开申请情况');
    }
  });

  it('says in a note, not a failure, that the tables have errors', async () => {
    const report = await seed();
    const broken = path.join(dir, 'broken.json');
    await fs.writeFile(
      broken,
      JSON.stringify(reportToJson({ ...report, values: { ...report.values, 's3.new.total': 4 } })),
    );
    const r = await cli(['docx', broken]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^注意：.*broken\.json 的表格有 \d+ 个错误类问题/);
  });

  it.each([
    [['docx'], '请指定报告文件，例如：nianbao docx 年报.json。运行 nianbao --help 查看用法。'],
    [['docx', 'a.json', 'b.json'], 'docx 命令不接受参数“b.json”。运行 nianbao --help 查看用法。'],
    [['docx', 'a.json', '--data', 'x'], 'docx 命令没有选项 --data。运行 nianbao --help 查看用法。'],
  ])('exits 2 on usage errors: %p', async (argv, text) => {
    expect(await cli(argv)).toEqual({ code: 2, out: '', err: `${text}\n` });
  });

  it('exits 2 for an unreadable input, a wrong output name, or an unusable --previous', async () => {
    const missing = await cli(['docx', path.join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^无法读取报告文件 .*missing\.json：/);
    const notDocx = await cli(['docx', input, '-o', path.join(dir, 'x.doc')]);
    expect(notDocx).toMatchObject({ code: 2, err: `输出文件名应以 .docx 结尾：${path.join(dir, 'x.doc')}\n` });
    const wrongYear = await cli(['docx', input, '--previous', await writePrevious('old.json', 2019)]);
    expect(wrongYear.code).toBe(2);
    expect(wrongYear.err).toContain('是 2019 年度的报告，而本报告是 2022 年度');
    const unwritable = await cli(['docx', input, '-o', path.join(dir, 'no', 'such', 'x.docx')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain('所在的文件夹不存在');
    expect(await fs.readdir(dir)).toEqual(expect.not.arrayContaining(['report.docx', 'x.doc']));
  });

  it('speaks English with --lang en-US', async () => {
    const r = await cli(['docx', input, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `Wrote ${path.join(dir, 'report.docx')}: 207 figures linked to the tables, 13 prompts for the agency's own words (grey text: click and type to replace it).\n`,
    );
    expect((await cli(['docx', '--lang', 'en-US'])).err).toBe(
      'Name the report file, e.g. nianbao docx report.json. See nianbao --help.\n',
    );
  });

  it('lists the command and its options in the help', async () => {
    const r = await cli(['docx', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('nianbao docx 文件 [-o 输出.docx] [--previous 文件] [--force]');
    expect(r.out).toContain('输出名-表格名.docx');
  });
});
