// The sideload manifest of `npm run test:office`, made at run time from manifest.xml (which stays as it
// is): its own add-in id and name (so that it never collides with the real add-in, sideloaded or
// installed), every https://localhost:3000 URL pointed at the test page's server, and the task pane at
// test-taskpane.html (the test flavour: the production pane plus the scenario driver). Also where a
// session keeps its files, so that `npm run test:office -- --stop` finds the manifest to unregister.
// CommonJS, shared by main.mjs, webpack.config.js and the jest suites (types: test-manifest.d.ts).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

/** The test add-in's id; the sideloaded workbook's file name carries it ("Excel add-in <id>.xlsx"). */
const TEST_ADDIN_ID = 'cdbeb044-6f1b-477b-9eef-f0533a69633e';
const DEV_ORIGIN = 'https://localhost:3000';
/** Where the test page is served (not 3000: `npm start`'s dev server may be running). */
const DEFAULT_PANE_PORT = 3100;
/** office-addin-test-server's default port; scenario i reports to this + i. */
const DEFAULT_BASE_PORT = 4201;

/** The session's folder, the test manifest and the test build in it. */
function sessionPaths(tmp = os.tmpdir()) {
  const dir = path.join(tmp, 'nianbao-office-test');
  return { dir, manifest: path.join(dir, 'test-manifest.xml'), www: path.join(dir, 'www') };
}

/**
 * The test manifest's text from manifest.xml's.
 * @param {string} xml manifest.xml
 * @param {number} port the test page's https port on localhost
 * @returns {string}
 */
function testManifestXml(xml, port) {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`Not a port: ${port}`);
  const replaced = (text, pattern, replacement) => {
    const out = text.replace(pattern, replacement);
    if (out === text) throw new Error(`manifest.xml: ${pattern} not found`);
    return out;
  };
  let out = xml;
  out = replaced(out, /<Id>[^<]*<\/Id>/, `<Id>${TEST_ADDIN_ID}</Id>`);
  out = replaced(out, /<DisplayName DefaultValue="[^"]*">/, '<DisplayName DefaultValue="年报助手（Office 测试）">');
  out = replaced(
    out,
    /(<DisplayName[^>]*>\s*<Override Locale="en-US" Value=")[^"]*"/,
    '$1Annual Report Assistant (Office test)"',
  );
  out = out.split(DEV_ORIGIN).join(`https://localhost:${port}`);
  out = replaced(out, /\/taskpane\.html"/g, '/test-taskpane.html"');
  return out;
}

/**
 * Writes the test manifest for `port` into the session folder; returns its path.
 * @param {string} root the project folder (manifest.xml)
 * @param {number} port
 * @param {string} [tmp]
 */
function writeTestManifest(root, port, tmp) {
  const { dir, manifest } = sessionPaths(tmp);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(manifest, testManifestXml(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), port));
  return manifest;
}

module.exports = {
  TEST_ADDIN_ID,
  DEFAULT_PANE_PORT,
  DEFAULT_BASE_PORT,
  sessionPaths,
  testManifestXml,
  writeTestManifest,
};
