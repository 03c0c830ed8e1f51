#!/usr/bin/env node
// Builds the inputs of issue point 7 (file kinds, sizes, encodings, numbers and JSON, workbooks,
// --previous, template, usage) in a temp dir, runs the built command line on each from the project
// folder with `npx --no-install nianbao`, and prints a Markdown table: the exact command, its exit
// code, its time and the first line of its message. Needs `npm run build:node` first; takes about a minute (it writes a 20 MB
// workbook that unpacks to 200 MB). Usage: node src/dev/malformed-inputs.mjs [--keep]
import { Buffer } from 'buffer';
import { spawnSync, execFileSync } from 'child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import zlib from 'zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = 'dist/node/cli/main.js';
const require = createRequire(import.meta.url);
if (!existsSync(path.join(ROOT, BIN))) {
  console.error('Run npm run build:node first.');
  process.exit(2);
}
const JSZip = require('jszip');
const { writeTemplate } = require(path.join(ROOT, 'dist/node/xlsx/write.js'));
const { buildLayout, locateCells } = require(path.join(ROOT, 'dist/node/layout/index.js'));

const T = mkdtempSync(path.join(os.tmpdir(), 'nianbao-malformed-'));
chmodSync(T, 0o755);
const at = (name) => path.join(T, name);
const FIXTURES = path.join(ROOT, 'test/fixtures');
const seed004 = JSON.parse(readFileSync(path.join(FIXTURES, 'seed-004.json'), 'utf8'));
const seed002 = JSON.parse(readFileSync(path.join(FIXTURES, 'seed-002.json'), 'utf8'));
const json = (name, value) =>
  writeFileSync(at(name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const withValues = (values, profile = {}) => ({
  ...seed004,
  profile: { ...seed004.profile, ...profile },
  values: { ...seed004.values, ...values },
});

// ---- zips ------------------------------------------------------------------------------------

const crc32 =
  zlib.crc32 ??
  ((data) => {
    let c = 0xffffffff;
    for (const byte of data) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  });

/** A zip of parts `{ name, data, statedSize? }`, deflated by zlib (fast enough for 200 MB). */
function zip(parts) {
  const chunks = [];
  const central = [];
  let offset = 0;
  const u16 = (n) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
  const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n >>> 0);
    return b;
  };
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const compressed = zlib.deflateRawSync(p.data, { level: 6 });
    const size = p.statedSize ?? p.data.length;
    const crc = crc32(p.data);
    const header = [u32(0x04034b50), u16(20), u16(0x0800), u16(8), u32(0), u32(crc), u32(compressed.length), u32(size)];
    const local = Buffer.concat([...header, u16(name.length), u16(0), name]);
    chunks.push(local, compressed);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        ...header.slice(1),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    offset += local.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(parts.length),
    u16(parts.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...chunks, directory, end]);
}

const template = async (values, year = 2024) =>
  Buffer.from(
    await writeTemplate([
      { layout: buildLayout({ version: year <= 2020 ? '2019' : '2021', year }), ...(values ? { values } : {}) },
    ]),
  );

async function parts(bytes) {
  const z = await JSZip.loadAsync(bytes);
  const out = [];
  for (const name of Object.keys(z.files))
    if (!z.files[name].dir) out.push({ name, data: await z.file(name).async('nodebuffer') });
  return out;
}

const edit = (list, name, change) =>
  list.map((p) => (p.name === name ? { ...p, data: Buffer.from(change(p.data.toString('utf8'))) } : p));

/** The template plus a sheet of `mb` MB of figures below `top`, as a user's extra data sheet would be. */
async function bigWorkbook(mb, top) {
  let list = await parts(await template());
  const cols = 'ABCDEFGHIJKL';
  const body = Buffer.alloc(Math.ceil(mb * 1024 * 1024) + 4096);
  let length = body.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % top;
  for (let r = 1; length < mb * 1024 * 1024 - 2000; r++) {
    let row = `<row r="${r}">`;
    for (const c of cols) row += `<c r="${c}${r}" s="1"><v>${rand()}</v></c>`;
    length += body.write(`${row}</row>`, length);
  }
  length += body.write('</sheetData></worksheet>', length);
  list.push({ name: 'xl/worksheets/sheet99.xml', data: body.subarray(0, length) });
  list = edit(list, 'xl/workbook.xml', (x) =>
    x.replace('</sheets>', '<sheet name="台账" sheetId="99" r:id="rId99"/></sheets>'),
  );
  list = edit(list, 'xl/_rels/workbook.xml.rels', (x) =>
    x.replace(
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>',
    ),
  );
  list = edit(list, '[Content_Types].xml', (x) =>
    x.replace(
      '</Types>',
      '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  return zip(list);
}

const a1 = ({ row, col }) => {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
};
const cellRe = (ref) => new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`);

/** The template with one cell's XML replaced. */
async function templateWithCell(key, xml, styles) {
  const layout = buildLayout({ version: '2021', year: 2024 });
  const ref = a1(locateCells(layout).get(key));
  let list = await parts(await template(seed004.values));
  list = edit(list, 'xl/worksheets/sheet1.xml', (x) => x.replace(cellRe(ref), xml(ref)));
  if (styles) list = edit(list, 'xl/styles.xml', styles);
  return zip(list);
}

// ---- the cases --------------------------------------------------------------------------------

const cases = [];
/** `show: 'profile'`: the line to print is the profile line (file, agency, year), not the verdict. */
const add = (group, label, build, args, show = 'verdict') => cases.push({ group, label, build, args, show });
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** Writes a workbook and names its sizes in the label. */
const sized = (name, bytes, unpackedMb) => {
  writeFileSync(at(name), bytes);
  return `${mb(bytes.length)}, unpacks to ${unpackedMb} MB`;
};
const check = (...args) => ['check', ...args];

// Files
add('file', 'missing file', () => {}, check('$T/missing.json'));
add('file', 'a folder named .json', () => mkdirSync(at('folder.json')), check('$T/folder.json'));
add(
  'file',
  'no read permission',
  () => {
    json('secret.json', seed004);
    chmodSync(at('secret.json'), 0o000);
  },
  check('$T/secret.json'),
);
add('file', 'FIFO', () => execFileSync('mkfifo', [at('pipe.json')]), check('$T/pipe.json'));
add('file', '/dev/zero', () => {}, check('/dev/zero'));
add('file', 'symbolic link loop', () => symlinkSync('loop.json', at('loop.json')), check('$T/loop.json'));
add('file', 'empty file', () => writeFileSync(at('empty.json'), ''), check('$T/empty.json'));
add('file', 'unsupported kind (.docx)', () => writeFileSync(at('report.docx'), 'PK'), check('$T/report.docx'));

// Sizes
add(
  'size',
  'JSON of 6 MB (limit 5 MB)',
  () => json('big.json', withValues({ 's3.new.natural': '很'.repeat(2 * 1024 * 1024) })),
  check('$T/big.json'),
);
add(
  'size',
  '.xlsx',
  async () => sized('20mb-200mb.xlsx', await bigWorkbook(200, 14), 200),
  check('$T/20mb-200mb.xlsx'),
);
add('size', '.xlsx', async () => sized('9mb.xlsx', await bigWorkbook(92, 14), 92), check('$T/9mb.xlsx'));
add('size', '.xlsx', async () => sized('21mb.xlsx', await bigWorkbook(21, 14), 21), check('$T/21mb.xlsx'));
add(
  'size',
  '.xlsx (under the limits)',
  async () => sized('19mb.xlsx', await bigWorkbook(19, 14), 19),
  check('$T/19mb.xlsx'),
);
add(
  'size',
  'zip bomb: 5 MB part compressed 1000:1',
  () => writeFileSync(at('bomb.xlsx'), zip([{ name: 'xl/media/a.bin', data: Buffer.alloc(5 * 1024 * 1024) }])),
  check('$T/bomb.xlsx'),
);
add(
  'size',
  'part lying about its size (3 MB stated as 1 KB)',
  () =>
    writeFileSync(
      at('liar.xlsx'),
      zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(3 * 1024 * 1024), statedSize: 1000 }]),
    ),
  check('$T/liar.xlsx'),
);
add(
  'size',
  '1,001 parts',
  () =>
    writeFileSync(
      at('parts.xlsx'),
      zip(Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(0) }))),
    ),
  check('$T/parts.xlsx'),
);
add(
  'size',
  '16 KB .xlsx with a name over $AA$1:$XFD$1048576',
  async () => {
    let list = await parts(await template());
    list = edit(list, 'xl/workbook.xml', (x) =>
      x.replace(
        '<definedNames>',
        `<definedNames><definedName name="Junk">'2024年报表格'!$AA$1:$XFD$1048576</definedName>`,
      ),
    );
    writeFileSync(at('name-bomb.xlsx'), zip(list));
  },
  check('$T/name-bomb.xlsx'),
);
add(
  'size',
  'text cell of 1 MB (kept, message shortened)',
  () => json('huge-text.json', withValues({ 's3.new.natural': '很'.repeat(1024 * 1024) })),
  check('$T/huge-text.json'),
);
add(
  'size',
  'agency name of 100,000 characters',
  () => json('huge-agency.json', withValues({}, { agency: '河东区'.repeat(33_334) })),
  check('$T/huge-agency.json'),
  'profile',
);
add(
  'size',
  'control characters in file name and agency',
  () => json('bad\u001b[2Jname.json', withValues({}, { agency: '河东区\u001b[31m\u202e局' })),
  check('$T/bad\u001b[2Jname.json'),
  'profile',
);

// Encodings
const encoded = (name, fixture) => () => copyFileSync(path.join(FIXTURES, 'encodings', fixture), at(name));
add(
  'encoding',
  'UTF-8 with BOM',
  encoded('utf8-bom.json', 'seed-004.utf8-bom.json'),
  check('$T/utf8-bom.json'),
  'profile',
);
add(
  'encoding',
  'UTF-16 LE with BOM',
  encoded('utf16le.json', 'seed-004.utf16le-bom.json'),
  check('$T/utf16le.json'),
  'profile',
);
add(
  'encoding',
  'UTF-16 BE with BOM',
  encoded('utf16be.json', 'seed-004.utf16be-bom.json'),
  check('$T/utf16be.json'),
  'profile',
);
add('encoding', 'GBK (written by iconv)', encoded('gbk.json', 'seed-004.gbk.json'), check('$T/gbk.json'), 'profile');
add(
  'encoding',
  'GB18030 with a four-byte character',
  encoded('gb18030.json', 'agency.gb18030-4byte.json'),
  check('$T/gb18030.json'),
  'profile',
);
add('encoding', 'Big5', encoded('big5.json', 'agency.big5.json'), check('$T/big5.json'));
add('encoding', 'Shift-JIS', encoded('sjis.json', 'agency.shift-jis.json'), check('$T/sjis.json'));
add(
  'encoding',
  'UTF-16 without BOM',
  encoded('utf16-nobom.json', 'seed-004.utf16le-nobom.json'),
  check('$T/utf16-nobom.json'),
);
add('encoding', 'Windows-1252', encoded('latin1.json', 'agency.windows-1252.json'), check('$T/latin1.json'));
add(
  'encoding',
  'binary (PNG bytes)',
  () => writeFileSync(at('png.json'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
  check('$T/png.json'),
);

// Numbers and JSON
add(
  'number',
  'two counts of 1e308 (sum overflows)',
  () => json('1e308.json', withValues({ 's3.new.natural': 1e308, 's3.new.business': 1e308 })),
  check('$T/1e308.json'),
);
add(
  'number',
  'a 30-digit count',
  () =>
    json(
      '30-digits.json',
      JSON.stringify(withValues({ 's3.new.natural': 0 })).replace(
        '"s3.new.natural":0',
        '"s3.new.natural":123456789012345678901234567890',
      ),
    ),
  check('$T/30-digits.json'),
);
add(
  'number',
  'count 2^53 + 2',
  () => json('2-53.json', withValues({ 's3.new.natural': 2 ** 53 + 2 })),
  check('$T/2-53.json'),
);
add(
  'number',
  'literal 1e400',
  () =>
    json(
      '1e400.json',
      JSON.stringify(withValues({ 's3.new.natural': 0 })).replace('"s3.new.natural":0', '"s3.new.natural":1e400'),
    ),
  check('$T/1e400.json'),
);
add(
  'json',
  'duplicate key',
  () => json('dup.json', '{"profile": {"year": 2022},\n "values": {"s3.new.natural": 1,\n  "s3.new.natural": 2}}'),
  check('$T/dup.json'),
);
add(
  'json',
  'truncated',
  () => json('truncated.json', JSON.stringify(seed004, null, 2).slice(0, 500)),
  check('$T/truncated.json'),
);
add('json', 'trailing comma', () => json('comma.json', '{\n  "profile": {"year": 2022},\n}'), check('$T/comma.json'));
add('json', 'full-width colon', () => json('colon.json', '{"profile"：{"year": 2022}}'), check('$T/colon.json'));
add('json', 'single quotes', () => json('quotes.json', "{'profile': {}}"), check('$T/quotes.json'));
add('json', 'a comment', () => json('comment.json', '{"profile": {} // 备注\n}'), check('$T/comment.json'));
add('json', 'nested 100,000 deep', () => json('deep.json', '['.repeat(100_000)), check('$T/deep.json'));
add(
  'json',
  '"__proto__" key',
  () => json('proto.json', '{"profile": {}, "__proto__": {"values": 1}}'),
  check('$T/proto.json'),
);
add(
  'json',
  'year "2022年"',
  () => json('year-nian.json', withValues({}, { year: '2022年' })),
  check('$T/year-nian.json'),
  'profile',
);
add(
  'json',
  'year "二〇二二年"',
  () => json('year-chinese.json', withValues({}, { year: '二〇二二年' })),
  check('$T/year-chinese.json'),
  'profile',
);
add(
  'json',
  'year "二二年"',
  () => json('year-two.json', withValues({}, { year: '二二年' })),
  check('$T/year-two.json'),
);
add('json', 'year "去年"', () => json('year-word.json', withValues({}, { year: '去年' })), check('$T/year-word.json'));
add('json', 'year true', () => json('year-bool.json', withValues({}, { year: true })), check('$T/year-bool.json'));

// Workbooks
add(
  'workbook',
  'template, consistent',
  async () => writeFileSync(at('ok.xlsx'), await template(seed004.values, 2022)),
  check('$T/ok.xlsx'),
);
add(
  'workbook',
  'truncated .xlsx',
  async () => writeFileSync(at('cut.xlsx'), (await template()).subarray(0, 9000)),
  check('$T/cut.xlsx'),
);
add(
  'workbook',
  'damaged part (bytes flipped)',
  async () => {
    const bytes = await template();
    for (let i = 3000; i < 3040; i++) bytes[i] ^= 0x5a;
    writeFileSync(at('flipped.xlsx'), bytes);
  },
  check('$T/flipped.xlsx'),
);
add(
  'workbook',
  'sheet XML replaced by garbage',
  async () =>
    writeFileSync(
      at('garbage-xml.xlsx'),
      zip(
        edit(
          await parts(await template()),
          'xl/worksheets/sheet1.xml',
          () => '<worksheet><sheetData><row r="1"><c r="A1"',
        ),
      ),
    ),
  check('$T/garbage-xml.xlsx'),
);
add(
  'workbook',
  'old .xls (or password) renamed .xlsx',
  () => writeFileSync(at('old.xlsx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)])),
  check('$T/old.xlsx'),
);
add('workbook', 'text renamed .xlsx', () => writeFileSync(at('text.xlsx'), 'not a workbook'), check('$T/text.xlsx'));
add(
  'workbook',
  'date-formatted data cell',
  async () =>
    writeFileSync(
      at('date-cell.xlsx'),
      await templateWithCell(
        's3.new.natural',
        (ref) => `<c r="${ref}" s="999"><v>44927</v></c>`,
        (x) =>
          x
            .replace(
              /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/,
              (_m, n, body) =>
                `<cellXfs count="${Number(n) + 1}">${body}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
            )
            .replace('s="999"', 's="999"'),
      ).then(async (bytes) => {
        // The new style is the last one: point the cell at it.
        const list = await parts(bytes);
        const styles = list.find((p) => p.name === 'xl/styles.xml').data.toString();
        const index = Number(/<cellXfs count="(\d+)"/.exec(styles)[1]) - 1;
        return zip(edit(list, 'xl/worksheets/sheet1.xml', (x) => x.replace('s="999"', `s="${index}"`)));
      }),
    ),
  check('$T/date-cell.xlsx'),
);
add(
  'workbook',
  'year cell "2022年"',
  async () =>
    writeFileSync(
      at('year-cell.xlsx'),
      await templateWithCell('profile.year', (ref) => `<c r="${ref}" t="inlineStr"><is><t>2022年</t></is></c>`),
    ),
  check('$T/year-cell.xlsx'),
  'profile',
);
add(
  'workbook',
  'year cell "二〇二二年"',
  async () =>
    writeFileSync(
      at('year-chinese.xlsx'),
      await templateWithCell('profile.year', (ref) => `<c r="${ref}" t="inlineStr"><is><t>二〇二二年</t></is></c>`),
    ),
  check('$T/year-chinese.xlsx'),
  'profile',
);
add(
  'workbook',
  'year cell "二二年"',
  async () =>
    writeFileSync(
      at('year-two.xlsx'),
      await templateWithCell('profile.year', (ref) => `<c r="${ref}" t="inlineStr"><is><t>二二年</t></is></c>`),
    ),
  check('$T/year-two.xlsx'),
);

// --previous
add(
  'previous',
  'last year’s report of the right year',
  () => {
    json('ok.json', seed004);
    json('2021.json', seed002);
  },
  check('$T/ok.json', '--previous', '$T/2021.json'),
);
add('previous', 'of another year', () => {}, check('$T/ok.json', '--previous', '$T/ok.json'));
add(
  'previous',
  'given twice',
  () => {},
  check('$T/ok.json', '--previous', '$T/2021.json', '--previous', '$T/2021.json'),
);
add(
  'previous',
  'with an embedded previous',
  () => json('embedded.json', { ...seed004, previous: { profile: { year: 2021 }, values: {} } }),
  check('$T/embedded.json', '--previous', '$T/2021.json'),
);
add(
  'previous',
  '--json, previous unreadable',
  () => {},
  check('--json', '$T/ok.json', '--previous', '$T/missing.json'),
);
add('previous', '--json, bad option', () => {}, check('--json', '--bogus', '$T/ok.json'));

// template
add('template', '--year 2024 --format 2019', () => {}, [
  'template',
  '--year',
  '2024',
  '--format',
  '2019',
  '-o',
  '$T/t.xlsx',
]);
add('template', '--year 2024 --format 2019 --force', () => {}, [
  'template',
  '--year',
  '2024',
  '--format',
  '2019',
  '--force',
  '-o',
  '$T/t.xlsx',
]);

// usage
add('usage', 'unknown command', () => {}, ['chek', '$T/ok.json']);
add('usage', 'unknown option', () => {}, check('--bogus', '$T/ok.json'));
add('usage', 'option without its value', () => {}, check('$T/ok.json', '--year'));
add('usage', '--format 2020', () => {}, check('--format', '2020', '$T/ok.json'));
add('usage', '--year 22', () => {}, check('--year', '22', '$T/ok.json'));
add('usage', '--json=1', () => {}, check('--json=1', '$T/ok.json'));
add('usage', '--lang fr', () => {}, check('--lang', 'fr', '$T/ok.json'));
add('usage', 'no file', () => {}, check());

// ---- run and print ----------------------------------------------------------------------------

/** The first line a user reads as the answer: the ✖/⚠/✔ line, else stderr, else stdout. */
function firstLine(stdout, stderr, args, show) {
  if (show === 'profile') return stdout.split('\n')[0];
  if (args.includes('--json')) {
    try {
      const doc = JSON.parse(stdout);
      const entry = doc.files?.[0];
      return `(one JSON document) ${doc.error ?? entry?.error ?? entry?.findings?.[0]?.message ?? 'no findings'}`;
    } catch {
      return `(not one JSON document) ${stdout.split('\n')[0]}`;
    }
  }
  const lines = stdout.split('\n').map((l) => l.trim());
  const mark = lines.find((l) => /^(✖|⚠|ℹ|✔)/.test(l));
  return mark ?? stderr.split('\n').find((l) => l.trim()) ?? lines.find(Boolean) ?? '';
}

const shown = (text, max) => {
  const chars = Array.from(text.replace(/\|/g, '\\|'));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

const isRoot = process.getuid?.() === 0;
const NPM_CACHE = mkdtempSync(path.join(os.tmpdir(), 'nianbao-npm-cache-'));
chmodSync(NPM_CACHE, 0o777);
const rows = [];
for (const [i, c] of cases.entries()) {
  const built = await c.build();
  const label = typeof built === 'string' ? `${c.label} of ${built}` : c.label;
  const args = c.args.map((a) => a.replace('$T', T));
  // As the README says to run it: the project's own bin through npx, never a registry package.
  let command = ['npx', '--no-install', 'nianbao', ...args];
  let shownCommand = ['npx', '--no-install', 'nianbao', ...c.args]
    .map((a) => ([...a].some((ch) => ch <= ' ') ? JSON.stringify(a) : a))
    .join(' ');
  if (c.label === 'no read permission' && isRoot) {
    // root reads everything: the command runs as nobody, with node itself (npx, run as nobody in a
    // root-owned project, fails in npm's own cache before reaching the command).
    command = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'node', BIN, ...args];
    shownCommand = ['node', BIN, ...c.args].join(' ');
    shownCommand = `setpriv --reuid=65534 --regid=65534 --clear-groups ${shownCommand}`;
  }
  const started = process.hrtime.bigint();
  const r = spawnSync(command[0], command.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
    // npm's cache must be writable for the user the command runs as (nobody, for the permission case).
    env: { ...process.env, NIANBAO_LANG: '', npm_config_cache: NPM_CACHE, npm_config_update_notifier: 'false' },
  });
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  const code = r.status ?? `signal ${r.signal}`;
  rows.push(
    `| ${i + 1} | ${c.group} | ${shown(label, 60)} | \`${shown(shownCommand, 110)}\` | ${code} | ${ms} | ${shown(firstLine(r.stdout ?? '', r.stderr ?? '', args, c.show), 170)} |`,
  );
}

console.log(`T=${T}\n`);
console.log('| # | group | input | command (from the project folder) | exit | ms | first line of the message |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
if (!process.argv.includes('--keep')) rmSync(T, { recursive: true, force: true });
rmSync(NPM_CACHE, { recursive: true, force: true });
