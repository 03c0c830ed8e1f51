// Sums of figures as people wrote them, without float drift: 13.39 + 0.1 is 13.49, not
// 13.490000000000002. Each figure is split into its whole part and its decimal digits (as integers
// scaled by 10^d, d the most decimals any figure has), both summed exactly, and the result read
// back from its decimal text, which the platform rounds correctly. No BigInt: the task pane runs on
// engines without it.
import { decimalsOfNumber, MAX_FIGURE } from '../report';

/** More decimals than this are not figures of a report (万元 have at most 4); they are rounded off. */
export const MAX_DECIMALS = 12;

export type SumResult = { readonly kind: 'sum'; readonly value: number } | { readonly kind: 'overflow' };

/**
 * The exact decimal sum of the figures (each at most MAX_FIGURE in magnitude, as readCell allows),
 * or `overflow` when it is beyond MAX_FIGURE. The sum of no figures is 0.
 */
export function exactSum(values: readonly number[]): SumResult {
  let decimals = 0;
  for (const v of values) decimals = Math.max(decimals, Math.min(MAX_DECIMALS, decimalsOfNumber(v)));
  if (decimals === 0) {
    // Whole numbers: exact while within the safe range, which every step is checked against.
    let total = 0;
    for (const v of values) {
      total += Math.round(v);
      if (Math.abs(total) > MAX_FIGURE) return { kind: 'overflow' };
    }
    return { kind: 'sum', value: total === 0 ? 0 : total };
  }
  const scale = 10 ** decimals;
  let whole = 0;
  let fraction = 0; // in units of 10^-decimals, kept below 2·scale in magnitude
  for (const v of values) {
    const w = Math.trunc(v);
    // v − w is exact in floating point; scaled and rounded it is the digits as written.
    fraction += Math.round((v - w) * scale);
    whole += w;
    const carry = Math.trunc(fraction / scale);
    fraction -= carry * scale;
    whole += carry;
    if (Math.abs(whole) > MAX_FIGURE + 1) return { kind: 'overflow' };
  }
  // Give both parts one sign.
  if (whole > 0 && fraction < 0) {
    whole -= 1;
    fraction += scale;
  } else if (whole < 0 && fraction > 0) {
    whole += 1;
    fraction -= scale;
  }
  const negative = whole < 0 || fraction < 0;
  const digits = String(Math.abs(fraction)).padStart(decimals, '0');
  const value = Number(`${negative ? '-' : ''}${Math.abs(whole)}.${digits}`);
  if (Math.abs(value) > MAX_FIGURE) return { kind: 'overflow' };
  return { kind: 'sum', value: value === 0 ? 0 : value };
}
