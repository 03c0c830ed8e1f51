// TEXT-NUMBERS: judged on the text of a report (the figures of the prose against the group totals of the tables); the importer runs it, not the table engine.
import { defineRule } from '../define';
import { readsNoCells, TEXT_TABLES } from './text-rules';

export interface TextNumbersParams {
  /** The phrase of the prose that states the figure (新收, 予以公开, …). */
  readonly phrase: string;
  /** The table leaves cells blank, and the comparison read them as 0. */
  readonly blanksAsZero?: boolean;
}

export const textNumbers = defineRule<'TEXT-NUMBERS', TextNumbersParams>({
  id: 'TEXT-NUMBERS',
  severity: 'error',
  tables: TEXT_TABLES,
  input: 'text',
  clause: 'A figure stated in the prose contradicts the tables',
  reads: readsNoCells,
});
