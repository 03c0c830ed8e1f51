// A fault of the program itself (here: a rule that throws) ends in exit 2 and one sentence in the
// user's language, never a stack trace; with --json, stdout is still one JSON document.
import * as path from 'path';
import { run } from '../../src/cli/main';

jest.mock('../../src/rules', () => ({
  ...jest.requireActual<object>('../../src/rules'),
  validate: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
}));

const fixture = path.join(__dirname, '../fixtures/seed-004.json');

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) }, env);
  return { code, out, err };
}

describe('an unexpected exception', () => {
  it('prints a localised line, no stack trace, exit 2', async () => {
    const { code, out } = await cli(['check', fixture]);
    expect(code).toBe(2);
    expect(out).toContain('nianbao 内部错误：程序出现了意外问题（不是您的文件或参数有误），未能完成。');
    expect(out).not.toMatch(/TypeError|Cannot read|at .*\.ts:\d+/);
  });

  it('keeps --json output one JSON document', async () => {
    const { code, out } = await cli(['check', '--json', fixture]);
    expect(code).toBe(2);
    const doc = JSON.parse(out) as { files: { error?: string }[] };
    expect(doc.files[0].error).toMatch(/^nianbao 内部错误/);
  });

  it('shows the stack on stderr with NIANBAO_DEBUG=1, for developers', async () => {
    const { err, out } = await cli(['check', fixture], { NIANBAO_DEBUG: '1' });
    expect(err).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(out).toContain('nianbao 内部错误');
  });
});
