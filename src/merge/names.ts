// Names of units: what a unit is called (its agency, else its file), and how the names of the
// expected list are found among them — exactly after normalising brackets, width and spaces, else
// as part of a unit's name, which is said (a partial match may be the wrong unit).
import type { ExpectedMatch } from './types';

/** The last part of a path, either separator (`a/b\\c.xlsx` → `c.xlsx`); a sheet suffix stays. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  const last = parts[parts.length - 1];
  return last === '' ? file : last;
}

/** A unit's name: the agency of its report, else its file's name. */
export function unitName(agency: string | undefined, file: string): string {
  const name = agency?.trim();
  return name ? name : baseName(file);
}

/**
 * A name as compared: full-width ASCII (brackets `（）`, letters, digits) made half-width, every
 * space (ASCII, ideographic, no-break) removed, Latin letters lower-cased; `【】〔〕` read as brackets.
 */
export function normalizeName(name: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (ch === '【' || ch === '〔' || ch === '［') out += '[';
    else if (ch === '】' || ch === '〕' || ch === '］') out += ']';
    else out += ch;
  }
  return out.replace(/\s+/g, '').toLowerCase();
}

/**
 * Each expected name matched against the units' names: exactly (after normalizeName) wherever it
 * can be; otherwise every unit whose name contains it, among the units no expected name matched
 * exactly (so `教育局` does not claim `县教育局` when `县教育局` is itself expected).
 */
export function matchExpected(expected: readonly string[], names: readonly string[]): ExpectedMatch[] {
  const normalized = names.map(normalizeName);
  const wanted = expected.map((name) => ({ name: name.trim(), key: normalizeName(name) })).filter((e) => e.key !== '');
  const exactlyMatched = new Set<number>();
  for (const e of wanted) {
    normalized.forEach((n, i) => {
      if (n === e.key) exactlyMatched.add(i);
    });
  }
  const unique = (list: readonly string[]): string[] => [...new Set(list)];
  return wanted.map((e) => {
    const exact = names.filter((_, i) => normalized[i] === e.key);
    if (exact.length > 0) return { expected: e.name, match: 'exact', units: unique(exact) };
    const partial = names.filter((_, i) => !exactlyMatched.has(i) && normalized[i].includes(e.key));
    if (partial.length > 0) return { expected: e.name, match: 'partial', units: unique(partial) };
    return { expected: e.name, match: 'none', units: [] };
  });
}
