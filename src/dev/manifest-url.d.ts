// Types of manifest-url.js (CommonJS, shared with webpack.config.js) for the TypeScript tests.
export declare const DEV_ORIGIN: 'https://localhost:3000/';
export declare const DEFAULT_PRODUCTION_ORIGIN: string;
/** Throws unless the origin is an absolute https URL ending in '/'; returns it unchanged. */
export declare function assertProductionOrigin(origin: string): string;
/** The origin from env NIANBAO_PROD_URL, or the default when unset or empty; validated. */
export declare function productionOrigin(value: string | undefined): string;
/** Points every dev-server URL of the manifest at the production origin. */
export declare function rewriteManifestUrls(xml: string, origin: string): string;
