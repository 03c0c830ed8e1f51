// S2-REGULATION-AUTHORITY: 规章 reported by a body that cannot make them (only 国务院部门 and the
// governments of provinces, 设区的市 and 自治州 can).
import { defineRule } from '../define';
import type { FormatDef } from '../../format';
import type { Reporter } from '../types';

export interface S2RegulationAuthorityParams {
  readonly agency?: string;
}

const regulationCells = (format: FormatDef): readonly string[] =>
  format.cells.filter((c) => c.table === 's2' && c.row === 'regulation').map((c) => c.key);

export const s2RegulationAuthority = defineRule({
  id: 'S2-REGULATION-AUTHORITY',
  severity: 'warning',
  tables: ['s2'],
  input: 'values',
  clause: 'Any `s2.regulation.*` cell > 0 while `profile.canMakeRegulations` is false',
  // The agency's name only goes into the message.
  reads: (format) => ['profile.canMakeRegulations', 'profile.agency', ...regulationCells(format)],
  check(ctx, report: Reporter<S2RegulationAuthorityParams>) {
    if (ctx.profile.canMakeRegulations !== false) return;
    const all = regulationCells(ctx.format);
    const offending = all.filter((key) => ctx.num(key) > 0);
    if (offending.length === 0) return;
    const agency = ctx.profile.agency;
    report({
      scope: 'regulation',
      cells: offending,
      keyCells: all,
      actual: ctx.num(offending[0]),
      params: agency ? { agency } : {},
    });
  },
});
