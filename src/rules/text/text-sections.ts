// TEXT-SECTIONS: judged on the text of a report (the six section headings of the current format, in
// order); the importer runs it, not the table engine.
import { defineRule } from '../define';
import { readsNoCells, TEXT_TABLES } from './text-rules';

export type TextSectionsParams =
  /** The headings missing or out of order, as printed. */
  | { readonly missing: string }
  /** A pre-2019 heading found in the text. */
  | { readonly old: string };

export const textSections = defineRule<'TEXT-SECTIONS', TextSectionsParams>({
  id: 'TEXT-SECTIONS',
  severity: 'error',
  tables: TEXT_TABLES,
  input: 'text',
  clause:
    'The six section headings are not all present, in order (accept the variants in FORMAT.md); an old pre-2019 heading (概述, 收费及减免, 咨询处理) is present.',
  reads: readsNoCells,
});
