// TEXT-PERIOD: judged on the text of a report (the statistical period stated in the opening); the importer runs it, not the table engine.
import { defineRule } from '../define';
import { readsNoCells, TEXT_TABLES } from './text-rules';

export interface TextPeriodParams {
  readonly year: number;
  /** The period as the text states it. */
  readonly found: string;
}

export const textPeriod = defineRule<'TEXT-PERIOD', TextPeriodParams>({
  id: 'TEXT-PERIOD',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause:
    'The statistical period is not `<year>年1月1日` to `<year>年12月31日` (also catches garbled dates such as `202111日`).',
  reads: readsNoCells,
});
