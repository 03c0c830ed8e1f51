// TEXT-FEE-STATEMENT: judged on the text of a report (section 六 for a statement on 信息处理费); the importer runs it, not the table engine.
import { defineRule } from '../define';
import { readsNoCells, TEXT_TABLES } from './text-rules';

export type TextFeeStatementParams = Record<never, never>;

export const textFeeStatement = defineRule<'TEXT-FEE-STATEMENT', TextFeeStatementParams>({
  id: 'TEXT-FEE-STATEMENT',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause: 'Section 六 has no statement on 信息处理费',
  reads: readsNoCells,
});
