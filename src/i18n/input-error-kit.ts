// What the input-error messages of every locale share: the parameters made printable (texts from the
// user's file escaped and shortened), sizes and counts as people read them.
import type { InputErrorParams } from '../report';
import { displayPath, displayText } from './display-text';

/** Parameters that hold a path (shortened in the middle) rather than a key or name (at the end). */
const PATH_PARAMS = new Set(['file']);

export function printableParams(params: InputErrorParams): InputErrorParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value !== 'string' ? value : PATH_PARAMS.has(name) ? displayPath(value) : displayText(value);
  }
  return out;
}

/** Sizes as people read them in Explorer: MB of 1,048,576 bytes, one decimal below 10 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

export const size = (n: string | number | undefined): string => (typeof n === 'number' ? formatBytes(n) : String(n));

/** A size over its limit, in bytes where rounding would make the two look equal. */
export const over = (p: InputErrorParams): string =>
  size(p.size) === size(p.limit) && typeof p.size === 'number' ? `${p.size.toLocaleString('en-US')} B` : size(p.size);

export const count = (n: string | number | undefined): string =>
  typeof n === 'number' ? n.toLocaleString('en-US') : String(n);

export const pick = (table: Readonly<Record<string, string>>, key: string | number | undefined): string =>
  table[String(key)] ?? String(key);
