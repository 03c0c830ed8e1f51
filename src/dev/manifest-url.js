// The manifest's URLs point at the dev server (https://localhost:3000/); a production build points them at the
// deployment origin instead. Used by webpack.config.js and tested in test/manifest.test.ts.
'use strict';

const { URL } = require('url');

const DEV_ORIGIN = 'https://localhost:3000/';
const DEFAULT_PRODUCTION_ORIGIN = 'https://nianbao.example.gov.cn/';

/**
 * Throws unless `origin` is an absolute https URL ending in '/' (a path prefix is allowed, e.g.
 * `https://cdn.example.gov.cn/nianbao/`) that can be written into an XML attribute as it is.
 * @param {string} origin
 * @returns {string} the origin, unchanged
 */
function assertProductionOrigin(origin) {
  const where = `Production origin ${JSON.stringify(origin)} (env NIANBAO_PROD_URL)`;
  if (typeof origin !== 'string' || origin === '') throw new Error(`${where} is empty.`);
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`${where} is not an absolute URL.`);
  }
  if (url.protocol !== 'https:') throw new Error(`${where} must use https: Office loads add-ins over https only.`);
  if (!origin.endsWith('/')) throw new Error(`${where} must end with '/'.`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`${where} must not carry a query, a fragment or credentials.`);
  }
  if (/["'<>&\s]/.test(origin)) throw new Error(`${where} contains characters that cannot go into the manifest.`);
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]') {
    throw new Error(`${where} points at this machine; a production manifest must name the deployment.`);
  }
  return origin;
}

/**
 * The production origin from the environment value, or the default when it is unset or empty.
 * @param {string | undefined} value
 * @returns {string}
 */
function productionOrigin(value) {
  return assertProductionOrigin(value === undefined || value === '' ? DEFAULT_PRODUCTION_ORIGIN : value);
}

/**
 * Every `https://localhost:3000/…` in the manifest becomes `<origin>…`; a bare `https://localhost:3000`
 * (an AppDomain, which names a scheme and host only) becomes the scheme and host of the origin.
 * @param {string} xml
 * @param {string} origin
 * @returns {string}
 */
function rewriteManifestUrls(xml, origin) {
  assertProductionOrigin(origin);
  const bareDev = DEV_ORIGIN.slice(0, -1);
  return xml.split(DEV_ORIGIN).join(origin).split(bareDev).join(new URL(origin).origin);
}

module.exports = {
  DEV_ORIGIN,
  DEFAULT_PRODUCTION_ORIGIN,
  assertProductionOrigin,
  productionOrigin,
  rewriteManifestUrls,
};
