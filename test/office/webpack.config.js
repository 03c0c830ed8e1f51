// The test flavour of the task pane for `npm run test:office`: the production build's settings
// (../../webpack.config.js: loaders, ES2017 target, chunks) with one more page, test-taskpane.html —
// the production taskpane.html template running the scenario driver (driver-entry.ts) first and then
// the production pane (src/taskpane/index.tsx) — and the ribbon's commands.html. Written to
// env.outDir (default: <tmp>/nianbao-office-test/www), never to dist/.
//   npx webpack --config test/office/webpack.config.js [--env outDir=DIR]
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const productionConfig = require('../../webpack.config.js');
const { sessionPaths } = require('./test-manifest.js');

const ROOT = path.resolve(__dirname, '../..');

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const base = await productionConfig({}, { mode });
  const outDir = path.resolve(env.outDir || sessionPaths().www);
  return {
    ...base,
    mode,
    context: ROOT,
    entry: {
      'test-taskpane': ['./test/office/driver-entry.ts', './src/taskpane/index.tsx'],
      commands: './src/commands/commands.ts',
    },
    output: { ...base.output, path: outDir, clean: true },
    // The driver and the test helpers make the entry larger than the production budget allows.
    performance: { hints: false },
    plugins: [
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/*', to: 'assets/[name][ext]' }] }),
      new HtmlWebpackPlugin({
        filename: 'test-taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['vendor', 'test-taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
    ],
    devServer: undefined,
  };
};
