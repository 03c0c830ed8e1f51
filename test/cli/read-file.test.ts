// What `nianbao check` says about files it cannot read: each kind of failure has its own code and
// sentence, special files are never opened for a blocking read, sizes are bounded, and text files
// are decoded in the encodings Chinese offices save.
import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { run } from '../../src/cli/main';
import { FILE_LIMITS, readRegularFile } from '../../src/cli/read-file';
import { ReportInputError } from '../../src/report';
import { describeInputError } from '../../src/i18n';

const BIN = path.resolve(__dirname, '../../dist/node/cli/main.js');
const fixture = (name: string): string => path.join(__dirname, '../fixtures', name);

async function check(...files: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['check', ...files], { out: (t) => void (out += t), err: (t) => void (err += t) }, {});
  return { code, out, err };
}

async function readError(file: string, limit = 1000, ext = '.json'): Promise<ReportInputError> {
  try {
    await readRegularFile(file, limit, ext);
  } catch (err) {
    if (err instanceof ReportInputError) return err;
    throw err;
  }
  throw new Error('expected a ReportInputError');
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-read-'));
  await fs.chmod(dir, 0o755);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('files that cannot be read', () => {
  it('a missing file, also under a path through a file', async () => {
    expect((await readError(path.join(dir, 'none.json'))).code).toBe('FILE_NOT_FOUND');
    await fs.writeFile(path.join(dir, 'a.json'), '{}');
    expect((await readError(path.join(dir, 'a.json', 'b.json'))).code).toBe('FILE_NOT_FOUND');
  });

  it('a folder, whatever its name ends in', async () => {
    await fs.mkdir(path.join(dir, 'reports.json'));
    const { code, out } = await check(path.join(dir, 'reports.json'), dir);
    expect(code).toBe(2);
    expect(out).toContain(`${path.join(dir, 'reports.json')} 是文件夹，不是文件。`);
    expect(out).toContain(`${dir} 是文件夹，不是文件。`);
  });

  it('a FIFO, refused at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const { code, out } = await check(fifo);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(code).toBe(2);
    expect(out).toContain('是命名管道（FIFO），不是普通文件，未读取。');
  });

  it('a device such as /dev/zero, refused instead of read for ever', async () => {
    const err = await readError('/dev/zero');
    expect(err.code).toBe('FILE_NOT_REGULAR');
    expect(err.params.type).toBe('characterDevice');
    expect(describeInputError(err, 'zh-CN')).toBe('/dev/zero 是字符设备，不是普通文件，未读取。');
  });

  it('a file over the limit of its kind, saying both sizes, before reading it', async () => {
    const big = path.join(dir, 'big.json');
    await fs.writeFile(big, Buffer.alloc(FILE_LIMITS['.json'] + 1, 0x20));
    const { code, out } = await check(big);
    expect(code).toBe(2);
    expect(out).toContain('big.json 有 5,242,881 B，超过 .json 文件的上限 5 MB，未读取。');
  });

  it('stops reading at the limit even when the stated size is 0 (a /proc file)', async () => {
    const err = await readError('/proc/self/maps', 10);
    expect(err.code).toBe('FILE_TOO_LARGE');
  });

  it('an empty file', async () => {
    await fs.writeFile(path.join(dir, 'empty.json'), '');
    expect(describeInputError(await readError(path.join(dir, 'empty.json')), 'zh-CN')).toMatch(
      /empty\.json 是空文件（0 字节）。$/,
    );
  });

  it('a file without read permission, as its own case', async () => {
    const file = path.join(dir, 'secret.json');
    await fs.copyFile(fixture('seed-004.json'), file);
    await fs.chmod(file, 0o000);
    if (process.getuid?.() !== 0) {
      expect((await readError(file, 100_000)).code).toBe('FILE_NO_PERMISSION');
      return;
    }
    // root reads everything: run the built command line as nobody instead.
    const result = await promisify(execFile)(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', file],
      { env: { PATH: process.env.PATH } },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`没有读取 ${file} 的权限。`);
  });

  it('an unsupported extension is named only once the file is known to exist', async () => {
    expect((await check(path.join(dir, 'none.txt'))).out).toContain('找不到文件');
    await fs.writeFile(path.join(dir, 'report.doc'), 'x');
    expect((await check(path.join(dir, 'report.doc'))).out).toContain('暂不支持读取 .doc 文件');
  });
});

describe('text encodings of a JSON report', () => {
  it.each(['seed-004.gbk.json', 'seed-004.utf8-bom.json', 'seed-004.utf16le-bom.json', 'seed-004.utf16be-bom.json'])(
    'reads %s with the agency name intact, exit 0',
    async (name) => {
      const { code, out } = await check(fixture(`encodings/${name}`));
      expect(out).toContain('河东区行政审批服务局 · 2022 年度');
      expect(code).toBe(0);
    },
  );

  it.each([
    ['agency.big5.json', '应是其他编码（如 Big5 繁体、Shift-JIS 日文）'],
    ['agency.shift-jis.json', '应是其他编码'],
    ['agency.windows-1252.json', '既不是 UTF-8、UTF-16（带 BOM），也不是 GB18030/GBK 编码'],
    ['seed-004.utf16le-nobom.json', '没有字节顺序标记（BOM）'],
  ])('refuses %s, saying why and how to fix it', async (name, why) => {
    const { code, out } = await check(fixture(`encodings/${name}`));
    expect(code).toBe(2);
    expect(out).toContain(why);
    expect(out).toContain('另存为“UTF-8”编码后重试');
  });
});
