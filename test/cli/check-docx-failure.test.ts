// The .docx reader failing other than with one of its own input errors (a library's exception on a
// damaged file): `nianbao check` says the file is damaged, exit 2, not an internal error, and keeps the
// cause for NIANBAO_DEBUG.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';

// The reader replaced by one that fails as a library would. Not a virtual mock now that the module
// exists: a virtual one was not applied when this file ran after other test files in the same worker.
jest.mock('../../src/docx/read', () => ({
  DOCX_LIMITS: { fileBytes: 50 * 1024 * 1024 },
  docxSource: () => Promise.reject(new RangeError('Offset is outside the bounds of the DataView')),
}));

it('calls a .docx its reader trips over damaged, in the user’s words', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-docx-'));
  try {
    const file = path.join(dir, 'draft.docx');
    await fs.writeFile(file, 'PK');
    let out = '';
    let err = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
    expect(await run(['check', '--json', file], io, {})).toBe(2);
    const [entry] = (JSON.parse(out) as { files: { error: string }[] }).files;
    expect(entry.error).toContain('不是有效的 .docx 文档');
    expect(err).toBe('');
    out = '';
    expect(await run(['check', file], io, { NIANBAO_DEBUG: '1' })).toBe(2);
    expect(err).toMatch(/^RangeError: Offset is outside/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
