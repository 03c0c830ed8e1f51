// `npm run test:office` before Office is involved: whether desktop Excel is there (each platform played
// through detect-office.js's io), the two-line message and exit 0 where it is not, and the test
// manifest made from manifest.xml (valid against Microsoft's schema, its own id, the test page).
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { findExcel, notRunMessage, parseRegDefault } from './detect-office';
import { sessionPaths, TEST_ADDIN_ID, testManifestXml } from './test-manifest';

const ROOT = path.join(__dirname, '../..');
const CTR = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE';
const WIN_ENV = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };

describe('findExcel', () => {
  it('finds no desktop Office on Linux, whatever the file system holds', () => {
    expect(findExcel({ platform: 'linux', exists: () => true })).toEqual({
      found: false,
      platform: 'linux',
      reason: expect.any(String),
    });
  });

  it('finds Excel for Windows in the Click-to-Run and MSI folders', () => {
    expect(
      findExcel({ platform: 'win32', env: WIN_ENV, exists: (p) => p === CTR, queryRegistry: () => undefined }),
    ).toEqual({
      found: true,
      path: CTR,
      platform: 'win32',
    });
    const msi = 'C:\\Program Files (x86)\\Microsoft Office\\Office16\\EXCEL.EXE';
    expect(
      findExcel({ platform: 'win32', env: WIN_ENV, exists: (p) => p === msi, queryRegistry: () => undefined }),
    ).toMatchObject({
      found: true,
      path: msi,
    });
  });

  it('finds Excel for Windows where the registry’s App Paths points, if the file is there', () => {
    const exe = 'D:\\Office\\root\\Office16\\EXCEL.EXE';
    const reg = (key: string): string | undefined =>
      key.startsWith('HKLM\\SOFTWARE\\Microsoft')
        ? `\r\nHKEY_LOCAL_MACHINE\\...\\excel.exe\r\n    (Default)    REG_SZ    ${exe}\r\n`
        : undefined;
    expect(findExcel({ platform: 'win32', env: WIN_ENV, exists: (p) => p === exe, queryRegistry: reg })).toMatchObject({
      found: true,
      path: exe,
    });
    expect(findExcel({ platform: 'win32', env: WIN_ENV, exists: () => false, queryRegistry: reg })).toMatchObject({
      found: false,
    });
    expect(parseRegDefault('    (Default)    REG_EXPAND_SZ    "%ProgramFiles%\\X\\EXCEL.EXE"', WIN_ENV)).toBe(
      'C:\\Program Files\\X\\EXCEL.EXE',
    );
  });

  it('finds Excel for Mac in /Applications or ~/Applications', () => {
    expect(
      findExcel({ platform: 'darwin', home: '/Users/a', exists: (p) => p === '/Applications/Microsoft Excel.app' }),
    ).toMatchObject({
      found: true,
    });
    expect(
      findExcel({
        platform: 'darwin',
        home: '/Users/a',
        exists: (p) => p === '/Users/a/Applications/Microsoft Excel.app',
      }),
    ).toMatchObject({
      found: true,
    });
    expect(findExcel({ platform: 'darwin', home: '/Users/a', exists: () => false })).toMatchObject({ found: false });
  });

  it('says it was not run in two lines, zh-CN first', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const [zh, en] = notRunMessage({ platform });
      expect(zh).toMatch(/^未运行 Office 端到端测试/);
      expect(en).toMatch(/^Office end-to-end suite not run/);
    }
  });
});

(process.platform === 'linux' ? it : it.skip)(
  'npm run test:office on Linux prints the message and exits 0 at once',
  () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['test/office/main.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 20000 });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual(notRunMessage({ platform: 'linux' }));
    expect(Date.now() - started).toBeLessThan(10000);
  },
);

describe('the test manifest', () => {
  const xml = testManifestXml(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), 3100);

  it('has its own id and name, and every URL at the test page’s server', () => {
    expect(xml).toContain(`<Id>${TEST_ADDIN_ID}</Id>`);
    expect(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')).not.toContain(TEST_ADDIN_ID);
    expect(xml).toContain('<DisplayName DefaultValue="年报助手（Office 测试）">');
    expect(xml).not.toContain('localhost:3000');
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3100/test-taskpane.html"/>');
    expect(xml).toContain('DefaultValue="https://localhost:3100/test-taskpane.html"');
    expect(xml).not.toMatch(/\/taskpane\.html/);
  });

  it('is valid against the manifest schema (as npm run validate checks manifest.xml)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-test-manifest-'));
    try {
      const file = path.join(dir, 'test-manifest.xml');
      writeFileSync(file, xml);
      const schema = '../shared/schemas/manifest/OfficeAppManifestV1_1.xsd';
      expect(existsSync(path.join(ROOT, schema))).toBe(true);
      const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { cwd: ROOT, encoding: 'utf8' });
      expect(run.error).toBeUndefined();
      expect(`${run.stdout}${run.stderr}`).toContain('validates');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lives in a session folder of its own under the temp folder', () => {
    const paths = sessionPaths('/tmp/x');
    expect(paths).toEqual({
      dir: path.join('/tmp/x', 'nianbao-office-test'),
      manifest: path.join('/tmp/x', 'nianbao-office-test', 'test-manifest.xml'),
      www: path.join('/tmp/x', 'nianbao-office-test', 'www'),
    });
  });
});
