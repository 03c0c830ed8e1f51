// The add-in manifest: valid against Microsoft's schema (offline, with xmllint), self-consistent (resids, https,
// hosts, locales, icons), and correctly pointed at the production origin by the build. Each check is a function
// that is also run on a broken copy of the manifest, so that a check which cannot fail would show.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import {
  assertProductionOrigin,
  DEFAULT_PRODUCTION_ORIGIN,
  productionOrigin,
  rewriteManifestUrls,
} from '../src/dev/manifest-url';

const ROOT = resolve(__dirname, '..');
const SCHEMA = '../shared/schemas/manifest/OfficeAppManifestV1_1.xsd';
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const DEV = 'https://localhost:3000/';

// ---- checks --------------------------------------------------------------------------------------

/** xmllint's verdict on a manifest text against the schema (run from the repository root, as `npm run validate`). */
function validate(xml: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-manifest-'));
  try {
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, xml);
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { cwd: ROOT, encoding: 'utf8' });
    if (result.error) throw result.error;
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function withoutComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, '');
}

function resources(xml: string): string {
  const match = /<Resources>([\s\S]*?)<\/Resources>/.exec(withoutComments(xml));
  return match ? match[1] : '';
}

function matchesOf(pattern: RegExp, text: string, group = 1): string[] {
  return Array.from(text.matchAll(pattern), (m) => m[group]);
}

/** resid values with no resource of that id. */
function unresolvedResids(xml: string): string[] {
  const ids = new Set(matchesOf(/<bt:(?:Image|Url|String)\s+id="([^"]*)"/g, resources(xml)));
  return matchesOf(/\bresid="([^"]*)"/g, withoutComments(xml)).filter((resid) => !ids.has(resid));
}

/** Every URL-valued setting: DefaultValue/Value of the URL and image elements and their overrides, and AppDomains. */
function urlSettings(xml: string): string[] {
  const body = withoutComments(xml);
  const urlElements =
    /<(SourceLocation|IconUrl|HighResolutionIconUrl|SupportUrl|bt:Image|bt:Url)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;
  const values: string[] = [];
  for (const element of body.matchAll(urlElements)) {
    values.push(...matchesOf(/\b(?:DefaultValue|Value)="([^"]*)"/g, element[0]));
  }
  values.push(...matchesOf(/<AppDomain>([^<]*)<\/AppDomain>/g, body));
  return values;
}

/** URL settings that are not absolute https URLs, and any non-https URL anywhere outside namespace declarations. */
function nonHttpsUrls(xml: string): string[] {
  const isHttps = (value: string): boolean => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  };
  const body = withoutComments(xml).replace(/\s(?:xmlns(?::\w+)?|xsi:\w+)="[^"]*"/g, '');
  const anywhere = matchesOf(/([a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+)/gi, body).filter((url) => !url.startsWith('https://'));
  return [...urlSettings(xml).filter((value) => !isHttps(value)), ...anywhere];
}

/** Hosts named in the manifest and in its VersionOverrides. */
function hosts(xml: string): { manifest: string[]; overrides: string[] } {
  const body = withoutComments(xml);
  return {
    manifest: matchesOf(/<Host\s+Name="([^"]*)"/g, body),
    overrides: matchesOf(/<Host\s+xsi:type="([^"]*)"/g, body),
  };
}

function defaultLocale(xml: string): string | undefined {
  return /<DefaultLocale>([^<]*)<\/DefaultLocale>/.exec(withoutComments(xml))?.[1];
}

/** Localised settings (DisplayName, Description, each bt:String) with no non-empty en-US override. */
function missingEnglish(xml: string): string[] {
  const body = withoutComments(xml);
  const hasEnglish = (element: string): boolean => /<(?:bt:)?Override\s+Locale="en-US"\s+Value="[^"]+"/.test(element);
  const missing: string[] = [];
  for (const name of ['DisplayName', 'Description']) {
    const element = new RegExp(`<${name}\\s[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`).exec(body)?.[0];
    if (!element || !hasEnglish(element)) missing.push(name);
  }
  for (const m of resources(xml).matchAll(/<bt:String\s+id="([^"]*)"[^>]*?(?:\/>|>[\s\S]*?<\/bt:String>)/g)) {
    if (!hasEnglish(m[0])) missing.push(m[1]);
  }
  return missing;
}

function resourceUrl(xml: string, id: string): string | undefined {
  return new RegExp(`<bt:(?:Url|Image)\\s+id="${id.replace(/\./g, '\\.')}"\\s+DefaultValue="([^"]*)"`).exec(
    resources(xml),
  )?.[1];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// ---- (a) schema ----------------------------------------------------------------------------------

describe('manifest.xml against the Office add-in manifest schema', () => {
  it('validates with xmllint (npm run validate)', () => {
    const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, 'manifest.xml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toContain('manifest.xml validates');
    expect(result.status).toBe(0);
  });

  it('is rejected by the same check when a required element is missing', () => {
    const broken = MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '');
    expect(validate(broken).status).not.toBe(0);
  });
});

// ---- (b) consistency -----------------------------------------------------------------------------

describe('manifest.xml consistency', () => {
  it('defines every resid it references in <Resources>', () => {
    expect(matchesOf(/\bresid="([^"]*)"/g, MANIFEST).length).toBeGreaterThan(0);
    expect(unresolvedResids(MANIFEST)).toEqual([]);
    const broken = MANIFEST.replace('resid="Nianbao.Taskpane.Url"', 'resid="Nianbao.Nowhere"');
    expect(unresolvedResids(broken)).toEqual(['Nianbao.Nowhere']);
  });

  it('uses https for every URL', () => {
    expect(urlSettings(MANIFEST).length).toBeGreaterThanOrEqual(10);
    expect(nonHttpsUrls(MANIFEST)).toEqual([]);
    expect(nonHttpsUrls(MANIFEST.replace(`${DEV}commands.html`, 'http://localhost:3000/commands.html'))).toContain(
      'http://localhost:3000/commands.html',
    );
    expect(nonHttpsUrls(MANIFEST.replace('<AppDomain>https://', '<AppDomain>http://'))).toHaveLength(2);
  });

  it('serves Excel (Workbook) and Word (Document), with a ribbon button in each', () => {
    const found = hosts(MANIFEST);
    expect(found.manifest).toEqual(expect.arrayContaining(['Workbook', 'Document']));
    expect(found.overrides).toEqual(expect.arrayContaining(['Workbook', 'Document']));
    expect(hosts(MANIFEST.replace('<Host Name="Document"/>', '')).manifest).not.toContain('Document');
  });

  it('opens the same task pane page from the default settings and from both ribbon buttons', () => {
    const page = `${DEV}taskpane.html`;
    expect(/<SourceLocation\s+DefaultValue="([^"]*)"/.exec(MANIFEST)?.[1]).toBe(page);
    const actions = matchesOf(/<Action\s+xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation\s+resid="([^"]*)"/g, MANIFEST);
    expect(actions).toHaveLength(2);
    for (const resid of actions) expect(resourceUrl(MANIFEST, resid)).toBe(page);
    const functionFiles = matchesOf(/<FunctionFile\s+resid="([^"]*)"/g, MANIFEST);
    expect(functionFiles).toHaveLength(2);
    for (const resid of functionFiles) expect(resourceUrl(MANIFEST, resid)).toBe(`${DEV}commands.html`);
  });

  it('is in zh-CN by default, with an en-US override for the name, the description and every string', () => {
    expect(defaultLocale(MANIFEST)).toBe('zh-CN');
    expect(missingEnglish(MANIFEST)).toEqual([]);
    expect(missingEnglish(MANIFEST.replace(/<bt:Override Locale="en-US" Value="Open Assistant"\/>/, ''))).toEqual([
      'Nianbao.ShowTaskpane.Label',
    ]);
    expect(missingEnglish(MANIFEST.replace('<Override Locale="en-US" Value="Annual Report Assistant"/>', ''))).toEqual([
      'DisplayName',
    ]);
  });

  it('points its icons at files in assets/ of the sizes it declares', () => {
    const icons = matchesOf(/(https:\/\/localhost:3000\/assets\/icon-(\d+)\.png)/g, MANIFEST);
    expect(new Set(icons)).toEqual(new Set([16, 32, 64, 80].map((size) => `${DEV}assets/icon-${size}.png`)));
    for (const url of icons) {
      const file = join(ROOT, url.slice(DEV.length));
      expect(existsSync(file)).toBe(true);
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});

// ---- (c) production rewrite ----------------------------------------------------------------------

describe('rewriteManifestUrls', () => {
  it.each(['https://nianbao.example.gov.cn/', 'https://cdn.example.gov.cn/nianbao/'])(
    'points every URL at %s and leaves no localhost',
    (origin) => {
      const rewritten = rewriteManifestUrls(MANIFEST, origin);
      expect(rewritten).not.toMatch(/localhost/);
      const urls = urlSettings(rewritten);
      expect(urls).toHaveLength(urlSettings(MANIFEST).length);
      const appDomain = new URL(origin).origin;
      for (const url of urls) expect(url === appDomain || url.startsWith(origin)).toBe(true);
      expect(urls.filter((url) => url.startsWith(origin)).length).toBe(urls.length - 1);
      expect(resourceUrl(rewritten, 'Nianbao.Taskpane.Url')).toBe(`${origin}taskpane.html`);
    },
  );

  it('keeps the manifest valid against the schema', () => {
    const result = validate(rewriteManifestUrls(MANIFEST, DEFAULT_PRODUCTION_ORIGIN));
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('rejects an origin that is not https', () => {
    expect(() => rewriteManifestUrls(MANIFEST, 'http://nianbao.example.gov.cn/')).toThrow(/must use https/);
  });

  it("rejects an origin that does not end with '/'", () => {
    expect(() => rewriteManifestUrls(MANIFEST, 'https://nianbao.example.gov.cn')).toThrow(/must end with '\/'/);
    expect(() => assertProductionOrigin('https://cdn.example.gov.cn/nianbao')).toThrow(/must end with '\/'/);
  });

  it('rejects an origin that is not a URL, is localhost, or carries a query', () => {
    expect(() => assertProductionOrigin('nianbao.example.gov.cn/')).toThrow(/not an absolute URL/);
    expect(() => assertProductionOrigin('https://localhost:3000/')).toThrow(/points at this machine/);
    expect(() => assertProductionOrigin('https://nianbao.example.gov.cn/?v=1/')).toThrow(/query/);
  });

  it('takes the origin from NIANBAO_PROD_URL, or the default when it is unset or empty', () => {
    expect(productionOrigin('https://cdn.example.gov.cn/nianbao/')).toBe('https://cdn.example.gov.cn/nianbao/');
    expect(productionOrigin(undefined)).toBe(DEFAULT_PRODUCTION_ORIGIN);
    expect(productionOrigin('')).toBe(DEFAULT_PRODUCTION_ORIGIN);
    expect(DEFAULT_PRODUCTION_ORIGIN).toMatch(/^https:\/\/.+\/$/);
  });
});
