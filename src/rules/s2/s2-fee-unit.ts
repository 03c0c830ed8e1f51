// S2-FEE-UNIT: 行政事业性收费 of 100000 万元 (10亿元) or more was almost surely entered in 元.
import { clean, defineRule } from '../define';
import type { Reporter } from '../types';

/** 万元 at or above this (10亿元) was almost surely entered in 元. */
export const FEE_UNIT_LIMIT = 100000;

export interface S2FeeUnitParams {
  /** The amount read as 万元, in 亿元 (1亿 = 10000万). */
  readonly yuanInYi: number;
}

export const s2FeeUnit = defineRule({
  id: 'S2-FEE-UNIT',
  severity: 'warning',
  tables: ['s2'],
  input: 'values',
  clause: '`s2.fee.amount` ≥ 100000 (万元, i.e. ≥ 10亿元)',
  reads: (format) => (format.version === '2021' ? ['s2.fee.amount'] : []),
  check(ctx, report: Reporter<S2FeeUnitParams>) {
    if (ctx.format.version !== '2021') return;
    const fee = ctx.num('s2.fee.amount');
    if (!(fee >= FEE_UNIT_LIMIT)) return;
    report({
      scope: 'fee',
      cells: ['s2.fee.amount'],
      actual: fee,
      params: { yuanInYi: clean(fee / 10000) },
      // The amount in 元 (rounded to whole 元) written in 万元.
      fix: { cell: 's2.fee.amount', value: Math.round(fee) / 10000 },
    });
  },
});
