// Which Word JavaScript API sets the live Word side needs, and what it leaves out when one is missing.
// Minimum versions from the Office JS reference (learn.microsoft.com/javascript/api/word, the
// `[Api set: WordApi x.y]` remarks, mirrored in @types/office-js); Office 2016 stops at 1.1, Office
// 2019/2021 at 1.3, 1.4+ is Microsoft 365 and the web (../shared/design/OFFICE-FACTS.md):
//   Body/Paragraph.insertParagraph, insertText (keeps the replaced range's formatting), Paragraph
//   alignment / indents / spacing / style, Font, Range.insertContentControl, ContentControl tag, title,
//   appearance, placeholderText, cannotEdit, clear, Document/Body.contentControls, getByTag ..... WordApi 1.1
//   Paragraph.styleBuiltIn (Heading 1/2 whatever the UI language), insertTable, Table, TableCell,
//   cell.body, ParagraphCollection.getFirst, Table.insertParagraph, Document.properties ........ WordApi 1.3
//   Table.mergeCells, Document.customXmlParts (add, getByNamespace, getXml, setXml, delete) ..... WordApi 1.4
//   insertContentControl('PlainText') (the type argument itself) ................................ WordApi 1.5

/** A feature the Word side does without where the API lacks it; each has a message in src/i18n (to come). */
export type WordFeature = 'builtInStyles' | 'tables' | 'mergedCells' | 'customXml';

/** Without this nothing can be written at all. */
export const REQUIRED_WORD_API = '1.1';

/** The WordApi version each optional feature needs. */
export const FEATURE_MIN_WORD_API: Readonly<Record<WordFeature, string>> = {
  builtInStyles: '1.3',
  tables: '1.3',
  mergedCells: '1.4',
  customXml: '1.4',
};

/** Document.properties.title: set on a document that has none (not worth telling anyone when missing). */
export const DOCUMENT_TITLE_WORD_API = '1.3';

/**
 * Figures as plain-text controls, as the .docx writer makes them (one run, replaced whole); below it they
 * are rich-text controls, which hold and refresh the same.
 */
export const PLAIN_TEXT_CONTROLS_WORD_API = '1.5';

export type SupportsWordApi = (set: 'WordApi', version: string) => boolean;

export interface WordApiPlan {
  readonly enabled: ReadonlySet<WordFeature>;
  /**
   * What this Word cannot do, in a stable order, and only what matters: without tables, merged cells are
   * not listed (there are no cells to merge).
   *   builtInStyles: headings get 黑体/楷体 by direct formatting, not the Heading 1/2 styles (no navigation
   *     pane entry, no table of contents from them);
   *   tables: each table row is one paragraph of tab-separated cells (covered cells of a merge as empty
   *     fields), which Word's 文字转换成表格 (Convert Text to Table) turns into the grid; figures are still
   *     linked;
   *   mergedCells: the grid has every cell: a merged label is written in its top-left cell and the cells it
   *     would cover are left empty, so that merging them by hand (合并单元格) gives the official table;
   *   customXml: the snapshot of generated values is kept in the add-in's document settings instead.
   */
  readonly degraded: readonly WordFeature[];
  readonly documentTitle: boolean;
  readonly plainTextFigures: boolean;
}

const ORDER = Object.keys(FEATURE_MIN_WORD_API) as WordFeature[];

/** What this Word can do, feature by feature. Call only after checking REQUIRED_WORD_API. */
export function planWordApi(supports: SupportsWordApi): WordApiPlan {
  const enabled = new Set<WordFeature>();
  for (const feature of ORDER) if (supports('WordApi', FEATURE_MIN_WORD_API[feature])) enabled.add(feature);
  const degraded = ORDER.filter((f) => !enabled.has(f) && !(f === 'mergedCells' && !enabled.has('tables')));
  return {
    enabled,
    degraded,
    documentTitle: supports('WordApi', DOCUMENT_TITLE_WORD_API),
    plainTextFigures: supports('WordApi', PLAIN_TEXT_CONTROLS_WORD_API),
  };
}
