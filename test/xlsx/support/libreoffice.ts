// LibreOffice, headless, for the end-to-end tests: convert a workbook (CSV, PDF) and edit one as a
// user would (lo-edit.py over UNO). Each call gets its own user profile so parallel runs never
// share one, with "recalculate on load: always" so no cached value can hide a formula's result.
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

const MISSING =
  'LibreOffice (soffice) is not installed, so the in-sheet checks cannot be verified in a real spreadsheet program. ' +
  'Install it with `bash src/dev/ensure-system-deps.sh` (npm test runs it in pretest), or `apt-get install libreoffice-calc-nogui`.';

/** Fails (never skips) when soffice is missing: the project's set-up must install it. */
export async function requireSoffice(): Promise<void> {
  try {
    await run('soffice', ['--version'], { timeout: 60_000 });
  } catch (err) {
    throw new Error(`${MISSING}\n(${String(err)})`);
  }
}

/** UTF-8 CSV, comma-separated, quotes as text delimiter, first sheet only. */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile that recalculates every formula on load; returns its URL. */
export async function freshProfile(): Promise<{ url: string; dir: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-lo-'));
  await fs.mkdir(path.join(dir, 'user'), { recursive: true });
  await fs.writeFile(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return { url: `file://${dir}`, dir };
}

/** Converts files with `soffice --convert-to`; returns the paths written in `outDir`. */
export async function convert(files: readonly string[], filter: string, outDir: string): Promise<void> {
  const profile = await freshProfile();
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile.url}`,
        '--headless',
        '--norestore',
        '--convert-to',
        filter,
        '--outdir',
        outDir,
        ...files,
      ],
      {
        timeout: 180_000,
      },
    );
  } finally {
    await fs.rm(profile.dir, { recursive: true, force: true });
  }
}

/** A Python 3 that has LibreOffice's UNO bridge (python3-uno); Debian's, not a pyenv one. */
async function unoPython(): Promise<string> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await run(candidate, ['-c', 'import uno'], { timeout: 30_000 });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    'No Python 3 with the LibreOffice UNO bridge: install python3-uno (src/dev/ensure-system-deps.sh does).',
  );
}

/** Opens `input` in LibreOffice, inserts rows (zero-based row → count), renames the sheet, saves as .xlsx. */
export async function editInLibreOffice(
  input: string,
  output: string,
  inserts: readonly [number, number][],
  newName: string,
): Promise<void> {
  const python = await unoPython();
  const profile = await freshProfile();
  try {
    const script = path.join(__dirname, 'lo-edit.py');
    await run(python, [script, input, output, profile.url, inserts.map(([r, n]) => `${r}:${n}`).join(','), newName], {
      timeout: 180_000,
    });
  } finally {
    await fs.rm(profile.dir, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV: fields with commas, quotes or newlines are quoted, quotes doubled. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
