// Lints snippets as if they were files in the project (stdin: [{ file, code }], stdout: the messages
// of each). A child process because Jest's module runtime cannot load the ESM eslint.config.mjs.
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const snippets = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: root });
const results = [];
for (const { file, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  results.push(result.messages.map(({ ruleId, message, line, fatal }) => ({ ruleId, message, line, fatal: !!fatal })));
}
process.stdout.write(JSON.stringify(results));
