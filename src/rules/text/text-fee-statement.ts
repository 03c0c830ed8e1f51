// TEXT-FEE-STATEMENT: part 六 says something about 信息处理费, the fee for handling applications
// (国办函〔2020〕109号): what was charged, or that nothing was ("本年度未收取信息处理费" counts). A text
// without part 六 gets TEXT-SECTIONS instead.
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { sectionText, TEXT_TABLES } from './text-rules';

export type TextFeeStatementParams = Record<never, never>;

/** A statement on the fee: 信息处理费, 信息公开处理费, 处理费, or charging no fee for the information. */
const FEE_STATEMENT = /处理费|信息公开[^。；\n]{0,4}费|(?:未|不|没有)(?:收取|产生|收)[^。；\n]{0,8}费/;

export const textFeeStatement = defineRule({
  id: 'TEXT-FEE-STATEMENT',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause: 'Section 六 has no statement on 信息处理费',
  reads: () => [],
  check(ctx, report: Reporter<TextFeeStatementParams>) {
    if (!ctx.text) return;
    const six = sectionText(ctx.text, 6);
    if (six === undefined || FEE_STATEMENT.test(six)) return;
    report({ scope: 'fee', cells: [], params: {} });
  },
});
