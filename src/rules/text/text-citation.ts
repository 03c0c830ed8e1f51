// TEXT-CITATION: judged on the text of a report (the format document the text cites); the importer runs it, not the table engine.
import { defineRule } from '../define';
import { readsNoCells, TEXT_TABLES } from './text-rules';

export interface TextCitationParams {
  readonly year: number;
  /** The citation as the text writes it. */
  readonly found: string;
}

export const textCitation = defineRule<'TEXT-CITATION', TextCitationParams>({
  id: 'TEXT-CITATION',
  severity: 'warning',
  tables: TEXT_TABLES,
  input: 'text',
  clause:
    "A 2021+ report cites the 2019 trial format (`格式（试行）`, 60号), or pairs one document's title with the other's number.",
  reads: readsNoCells,
});
