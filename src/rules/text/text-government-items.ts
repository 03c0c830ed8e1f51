// TEXT-GOVERNMENT-ITEMS: judged on the text of a report (the items only governments and their offices must report); the importer runs it, not the table engine.
import { defineRule } from '../define';
import { readsNoCells, TEXT_TABLES } from './text-rules';

export interface TextGovernmentItemsParams {
  /** The required item missing, as printed. */
  readonly missing: string;
}

export const textGovernmentItems = defineRule<'TEXT-GOVERNMENT-ITEMS', TextGovernmentItemsParams>({
  id: 'TEXT-GOVERNMENT-ITEMS',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause: '`profile.kind` is government or office and the text lacks 工作考核、社会评议和责任追究结果情况',
  reads: readsNoCells,
});
