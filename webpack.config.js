// Bundles the task pane (React + Fluent UI) and the ribbon function file into dist/, copies the icons and the
// manifest (its URLs pointed at NIANBAO_PROD_URL in production builds) and serves it all over https in development.
// dist/node/ belongs to `npm run build:node` (tsc), which runs first, so the clean step keeps it.
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { productionOrigin, rewriteManifestUrls } = require('./src/dev/manifest-url');

const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * https options from the Office dev certificates; only called when serving, so builds need no certificates.
 * Installing the CA into the system store needs sudo; where that fails (a root shell without sudo, a
 * container), serve with the generated certificates anyway and say how to trust the CA by hand.
 */
async function devServerHttps() {
  const fs = require('fs');
  const os = require('os');
  const devCerts = require('office-addin-dev-certs');
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (error) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const files = {
      ca: path.join(dir, 'ca.crt'),
      cert: path.join(dir, 'localhost.crt'),
      key: path.join(dir, 'localhost.key'),
    };
    if (!Object.values(files).every((file) => fs.existsSync(file))) {
      await devCerts.generateCertificates(files.ca, files.cert, files.key);
    }
    process.stderr.write(
      [
        `开发证书的根证书未能安装到系统（${(error instanceof Error ? error.message : String(error)).trim()}）。`,
        `服务器仍使用 ${dir} 中的证书启动；请手动信任根证书 ${files.ca}（Debian/Ubuntu：`,
        `cp ${files.ca} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && update-ca-certificates；浏览器中另行导入）。`,
        `The dev CA could not be installed; serving with the certificates in ${dir}. Trust ${files.ca} by hand.`,
        '',
      ].join('\n'),
    );
    return {
      type: 'https',
      options: { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) },
    };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // Validated up front so that a bad NIANBAO_PROD_URL fails the build with a clear message.
  const prodOrigin = dev ? null : productionOrigin(process.env.NIANBAO_PROD_URL);

  return {
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      // A lazy chunk that cannot be fetched rejects its import() (the pane says so) rather than waiting
      // for the default two minutes.
      chunkLoadTimeout: 30000,
      clean: { keep: /^node([\\/]|$)/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    // ES2017: Excel on Windows with the EdgeHTML webview (Office 2019, older Microsoft 365 builds) runs
    // no `?.`, `??` or object spread; Fluent UI and React ship newer syntax, so node_modules is lowered
    // too. taskpane.html's inline check turns away engines older still (Internet Explorer).
    target: ['web', 'es2017'],
    module: {
      rules: [
        {
          // Our modules have no side effects on import (the entries aside), so webpack may skip what a
          // bundle uses nothing of, e.g. src/report/json.ts (and jsonc-parser) behind src/report's index.
          test: /\.tsx?$/,
          include: path.resolve(__dirname, 'src'),
          exclude: [path.resolve(__dirname, 'src/taskpane/index.tsx'), path.resolve(__dirname, 'src/commands')],
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `tsc --noEmit` (npm run lint); esbuild only lowers and strips types.
          loader: 'esbuild-loader',
          options: { target: 'es2017', jsx: 'automatic' },
        },
        {
          test: /\.m?js$/,
          include: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2017' },
          resolve: { fullySpecified: false },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // The packages of the first screen (React, Fluent UI's provider and form controls) in one chunk
          // that stays cached across releases; packages only the lazy chunks use stay with them.
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'initial', enforce: true },
        },
      },
    },
    performance: { hints: dev ? false : 'warning', maxEntrypointSize: 1_500_000, maxAssetSize: 1_500_000 },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (prodOrigin ? rewriteManifestUrls(content.toString('utf8'), prodOrigin) : content),
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['vendor', 'taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      hot: true,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? await devServerHttps() : 'https',
    },
  };
};
