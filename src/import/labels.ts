// Which official row a printed row label is, matched safely: the label's words (labelCore) equal
// to the official ones, contained in them (a label cut off by the extraction: `7. 属于行政执法案`),
// containing them (`三、本年度办理结果（一）予以公开`), or within a small edit distance (OCR damage),
// and only with a clear margin over every other row. Headers and group labels take part as rows of
// no key, so that a header never passes for the nearest data row.
import { getFormat, type FormatVersion } from '../format';
import { editDistance, labelCore } from './normalise';

/** A label the matcher knows: a data row (`key`), or a header or group label (`key` undefined). */
export interface KnownLabel {
  readonly key?: string;
  /** The version whose row it is; undefined: both. */
  readonly version?: FormatVersion;
  /** The official label's words. */
  readonly core: string;
}

export interface LabelMatch {
  readonly key: string;
  readonly version?: FormatVersion;
  readonly score: number;
}

/** Below this a label is not taken for a row. */
export const MATCH_THRESHOLD = 0.75;
/** The best row must beat every other by this much. */
export const MATCH_MARGIN = 0.1;
/** A fragment shorter than this is never taken for part of a longer label. */
const MIN_FRAGMENT = 3;

function known(key: string | undefined, version: FormatVersion | undefined, label: string): KnownLabel {
  return {
    ...(key !== undefined ? { key } : {}),
    ...(version !== undefined ? { version } : {}),
    core: labelCore(label),
  };
}

/** Rows of s2 in both versions (a row key common to both is one row), and the block headers. */
function s2Labels(): KnownLabel[] {
  const versionsOf = new Map<string, FormatVersion[]>();
  for (const version of ['2021', '2019'] as const) {
    for (const block of getFormat(version).s2.blocks) {
      for (const row of block.rows) versionsOf.set(row.key, [...(versionsOf.get(row.key) ?? []), version]);
    }
  }
  const out: KnownLabel[] = [known(undefined, undefined, '信息内容')];
  for (const version of ['2021', '2019'] as const) {
    for (const block of getFormat(version).s2.blocks) {
      out.push(known(undefined, undefined, block.title));
      for (const column of block.columns) out.push(known(undefined, undefined, column.label.zh));
      for (const row of block.rows) {
        // A row only one version has (otherService, procurement) names that version.
        const versions = versionsOf.get(row.key) ?? [];
        out.push(known(row.key, versions.length === 1 ? versions[0] : undefined, row.label.zh));
      }
    }
  }
  return dedupe(out);
}

/** Rows of s3 in both versions, with the group labels, the outcome label and the headers. */
function s3Labels(): KnownLabel[] {
  const out: KnownLabel[] = [];
  const f21 = getFormat('2021').s3;
  const f19 = getFormat('2019').s3;
  const keys19 = new Set(f19.rows.map((r) => r.key));
  const keys21 = new Set(f21.rows.map((r) => r.key));
  for (const row of f21.rows) out.push(known(row.key, keys19.has(row.key) ? undefined : '2021', row.label.zh));
  for (const row of f19.rows) if (!keys21.has(row.key)) out.push(known(row.key, '2019', row.label.zh));
  // 部分公开 without its bracketed note, as some reports print it.
  out.push(known('partial', undefined, '（二）部分公开'));
  // Group labels (（六）其他处理 is the 2019 row `other` itself, so it is no group label here).
  for (const row of f21.rows) {
    if (row.group && row.group.key !== 'other') out.push(known(undefined, undefined, row.group.label.zh));
  }
  out.push(known(undefined, undefined, f21.outcomeLabel.zh));
  out.push(known(undefined, undefined, f21.applicantHeader.zh));
  out.push(known(undefined, undefined, f21.orgHeader.zh));
  out.push(known(undefined, undefined, f21.identityCaption));
  // Column headers, but not 其他 and 总计: they are also the words of the rows 3.其他 and （七）总计.
  for (const column of f21.columns) {
    if (column.key !== 'otherOrg' && column.key !== 'total') out.push(known(undefined, undefined, column.label.zh));
  }
  return dedupe(out);
}

function dedupe(labels: KnownLabel[]): KnownLabel[] {
  const seen = new Set<string>();
  return labels.filter((l) => {
    const id = `${l.key ?? ''}|${l.version ?? ''}|${l.core}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export const S2_LABELS: readonly KnownLabel[] = s2Labels();
export const S3_LABELS: readonly KnownLabel[] = s3Labels();

/** How well `text` (a label's words) reads as `core` (an official label's words), 0..1. */
export function labelScore(text: string, core: string): number {
  if (text.length === 0 || core.length === 0) return 0;
  if (text === core) return 1;
  let score = 0;
  // The official label within a longer printed one (outer labels or a note around it).
  if (core.length >= 2 && text.length > core.length && text.includes(core)) {
    score = Math.max(score, 0.5 + 0.5 * (core.length / text.length));
  }
  // A printed fragment of the official label (cut off, or broken across lines).
  if (text.length >= MIN_FRAGMENT && core.length > text.length && core.includes(text)) {
    score = Math.max(score, 0.5 + 0.5 * (text.length / core.length));
  }
  // OCR damage: a few characters wrong, only between labels of similar length.
  const longer = Math.max(text.length, core.length);
  if (longer >= 4 && Math.min(text.length, core.length) >= longer * 0.6) {
    const limit = Math.floor(longer * (1 - MATCH_THRESHOLD));
    // Characters of the text absent from the label each cost an edit: a cheap bound first.
    let shared = 0;
    for (let i = 0; i < text.length; i++) if (core.includes(text[i])) shared++;
    if (longer - shared <= limit) {
      const distance = editDistance(text, core, limit);
      if (distance <= limit) score = Math.max(score, 1 - distance / longer);
    }
  }
  return score;
}

/**
 * The row a label is, or undefined when no row fits well enough or another label (a row, a header)
 * fits nearly as well. `variants` are readings of the same printed label (its last cell alone, with
 * the cell before, …); each known label takes its best variant.
 */
export function matchLabel(variants: readonly string[], labels: readonly KnownLabel[]): LabelMatch | undefined {
  const usable = variants.filter((v) => v.length > 0 && v.length <= 120);
  if (usable.length === 0) return undefined;
  // Reports print the same labels over and over: remember the answers (a pure function of its input).
  let cache = CACHES.get(labels);
  if (!cache) CACHES.set(labels, (cache = new Map()));
  const id = usable.join('\u0001');
  if (cache.has(id)) return cache.get(id);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const match = bestMatch(usable, labels);
  cache.set(id, match);
  return match;
}

const CACHE_LIMIT = 4096;
const CACHES = new WeakMap<readonly KnownLabel[], Map<string, LabelMatch | undefined>>();

function bestMatch(usable: readonly string[], labels: readonly KnownLabel[]): LabelMatch | undefined {
  // The best score per identity: a row key (several printed forms of one row count once), or a header.
  const scores = new Map<string, { label: KnownLabel; score: number }>();
  for (const label of labels) {
    let score = 0;
    for (const v of usable) {
      const s = labelScore(v, label.core);
      if (s > score) score = s;
      if (score === 1) break;
    }
    if (score === 0) continue;
    const id = label.key ?? `#${label.core}`;
    const previous = scores.get(id);
    if (!previous || score > previous.score) scores.set(id, { label, score });
  }
  let best: { label: KnownLabel; score: number } | undefined;
  let second = 0;
  for (const entry of scores.values()) {
    if (!best || entry.score > best.score) {
      if (best) second = Math.max(second, best.score);
      best = entry;
    } else if (entry.score > second) second = entry.score;
  }
  if (!best || best.label.key === undefined || best.score < MATCH_THRESHOLD) return undefined;
  if (best.score - second < MATCH_MARGIN) return undefined;
  return { key: best.label.key, ...(best.label.version ? { version: best.label.version } : {}), score: best.score };
}

/** Readings of a label printed in several cells (outermost first): the last cell, then with the ones before it. */
export function labelVariants(cells: readonly string[]): string[] {
  const cores = cells.map((c) => labelCore(c)).filter((c) => c.length > 0);
  const out: string[] = [];
  for (let n = 1; n <= Math.min(3, cores.length); n++) out.push(cores.slice(cores.length - n).join(''));
  if (cores.length > 3) out.push(cores.join(''));
  // The last cell holding a group and its item apart by spaces (`（三） 不予公开 1.属于国家秘密`).
  const last = cells.length > 0 ? cells[cells.length - 1].trim() : '';
  if (/\s/.test(last) && last.length <= 120) {
    const words = last
      .split(/[\s\u3000]+/)
      .map((w) => labelCore(w))
      .filter((w) => w.length > 0);
    for (let n = 1; n < Math.min(3, words.length); n++) out.push(words.slice(words.length - n).join(''));
  }
  return out;
}
