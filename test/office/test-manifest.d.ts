// Types of test-manifest.js (CommonJS, shared with main.mjs and webpack.config.js) for the TypeScript side.
export declare const TEST_ADDIN_ID: string;
export declare const DEFAULT_PANE_PORT: number;
export declare const DEFAULT_BASE_PORT: number;
/** The session's folder (<tmp>/nianbao-office-test), its test manifest and its test build. */
export declare function sessionPaths(tmp?: string): { dir: string; manifest: string; www: string };
/** manifest.xml's text made the test manifest: own id and name, URLs at https://localhost:<port>/test-taskpane.html. */
export declare function testManifestXml(xml: string, port: number): string;
/** Writes the test manifest into the session folder; returns its path. */
export declare function writeTestManifest(root: string, port: number, tmp?: string): string;
