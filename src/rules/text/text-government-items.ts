// TEXT-GOVERNMENT-ITEMS: a people's government or its general office reports three items more
// (PROSE.md): 工作考核、社会评议和责任追究结果情况 (under 一、总体情况 · （五）监督保障), and in 六 the
// 政务公开工作要点落实情况 and the 人大代表建议和政协提案办理结果公开情况. Looked for by their key words
// anywhere in the text (an item placed in another part is still there); the message says where it
// belongs. Departments, and agencies of unknown kind, are not asked.
import { defineRule } from '../define';
import type { Reporter } from '../types';
import { TEXT_TABLES, wholeText } from './text-rules';

export type GovernmentItem = 'assessment' | 'keyPoints' | 'proposals';

export interface TextGovernmentItemsParams {
  /** The required item missing, as printed. */
  readonly missing: string;
  /** Which item. */
  readonly item?: GovernmentItem;
  /** The part it belongs in (1: 一、总体情况 · （五）监督保障; 6: 六、其他需要报告的事项). */
  readonly section?: 1 | 6;
}

interface ItemDef {
  readonly item: GovernmentItem;
  readonly printed: string;
  readonly section: 1 | 6;
  /** Every one of these must be somewhere in the text. */
  readonly words: readonly RegExp[];
}

export const GOVERNMENT_ITEMS: readonly ItemDef[] = [
  {
    item: 'assessment',
    printed: '工作考核、社会评议和责任追究结果情况',
    section: 1,
    words: [/考核/, /社会评议/, /责任追究/],
  },
  { item: 'keyPoints', printed: '政务公开工作要点落实情况', section: 6, words: [/工作要点/] },
  {
    item: 'proposals',
    printed: '人大代表建议和政协提案办理结果公开情况',
    section: 6,
    words: [/人大(?:代表)?建议/, /政协(?:委员)?提案/],
  },
];

export const textGovernmentItems = defineRule({
  id: 'TEXT-GOVERNMENT-ITEMS',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause: '`profile.kind` is government or office and the text lacks 工作考核、社会评议和责任追究结果情况',
  reads: () => ['profile.kind'],
  check(ctx, report: Reporter<TextGovernmentItemsParams>) {
    const kind = ctx.profile.kind;
    if (!ctx.text || (kind !== 'government' && kind !== 'office')) return;
    const text = wholeText(ctx.text);
    for (const def of GOVERNMENT_ITEMS) {
      if (def.words.every((w) => w.test(text))) continue;
      report({
        scope: def.item,
        cells: [],
        params: { missing: def.printed, item: def.item, section: def.section },
      });
    }
  },
});
