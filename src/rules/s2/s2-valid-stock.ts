// S2-VALID-STOCK: 现行有效件数 = last year's + 本年制发 − 本年废止, per row, when both years use the
// 2021 format (the 2019 format has no 现行有效件数 to continue from).
import { clean, defineRule } from '../define';
import type { Reporter } from '../types';

export interface S2ValidStockParams {
  /** `regulation` or `normative`. */
  readonly row: string;
  readonly lastValid: number;
  readonly issued: number;
  readonly repealed: number;
}

const ROWS = ['regulation', 'normative'] as const;

export const s2ValidStock = defineRule({
  id: 'S2-VALID-STOCK',
  severity: 'warning',
  tables: ['s2'],
  input: 'previous',
  clause: 'Needs last year (2021 format both years): `valid == previous.valid + issued − repealed`, per row.',
  reads: (format) =>
    format.version === '2021'
      ? ROWS.flatMap((r) => [`s2.${r}.valid`, `previous.s2.${r}.valid`, `s2.${r}.issued`, `s2.${r}.repealed`])
      : [],
  check(ctx, report: Reporter<S2ValidStockParams>) {
    const prev = ctx.previous;
    if (!prev || ctx.format.version !== '2021' || prev.format !== '2021') return;
    for (const row of ROWS) {
      const valid = ctx.num(`s2.${row}.valid`);
      const issued = ctx.num(`s2.${row}.issued`);
      const repealed = ctx.num(`s2.${row}.repealed`);
      const lastValid = prev.num(`s2.${row}.valid`);
      if (![valid, issued, repealed].every(Number.isFinite) || lastValid === undefined) continue;
      const expected = lastValid + issued - repealed;
      if (valid === expected) continue;
      report({
        scope: row,
        cells: [`s2.${row}.valid`, `previous.s2.${row}.valid`, `s2.${row}.issued`, `s2.${row}.repealed`],
        expected,
        actual: valid,
        delta: clean(valid - expected),
        params: { row, lastValid, issued, repealed },
      });
    }
  },
});
