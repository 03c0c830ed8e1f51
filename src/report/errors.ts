// Input that cannot be read as a report at all (as opposed to a report with faults, which are
// findings). One error class; the code says which condition and the parameters what was found. Its
// words, in the user's language, are in src/i18n (describeInputError).

export type InputErrorCode =
  | 'JSON_SYNTAX'
  | 'JSON_TOO_DEEP'
  | 'DUPLICATE_KEY'
  | 'NOT_AN_OBJECT'
  | 'UNKNOWN_KEY'
  | 'UNKNOWN_CELL_KEY'
  | 'BAD_VALUE'
  | 'BAD_PROFILE_FIELD'
  | 'UNSUPPORTED_FILE'
  | 'FILE_NOT_FOUND'
  | 'FILE_IS_DIRECTORY'
  | 'FILE_NO_PERMISSION'
  | 'FILE_NOT_REGULAR'
  | 'FILE_TOO_LARGE'
  | 'FILE_EMPTY'
  | 'FILE_UNREADABLE'
  | 'TEXT_ENCODING'
  | 'WORKBOOK_NOT_XLSX'
  | 'WORKBOOK_LEGACY_OR_ENCRYPTED'
  | 'WORKBOOK_ZIP_DAMAGED'
  | 'WORKBOOK_UNPACKED_TOO_LARGE'
  | 'WORKBOOK_TOO_MANY_PARTS'
  | 'WORKBOOK_ZIP_BOMB'
  | 'WORKBOOK_NAMES_TOO_LARGE'
  | 'WORKBOOK_NO_REPORT'
  | 'WORKBOOK_TABLE_RESIZED'
  | 'WORKBOOK_NEWER_LAYOUT'
  | 'WORKBOOK_UNKNOWN_FORMAT'
  | 'WORKBOOK_DAMAGED'
  | 'WORKBOOK_NAME_SHEET_MISSING'
  | 'WORKBOOK_NAME_BROKEN'
  | 'WORKBOOK_TABLE_MISSING'
  | 'WORKBOOK_NAMES_OVERLAP'
  /** A web page nested deeper, or with more elements, than a report page ever is (params: file, what, count, limit). */
  | 'HTML_TOO_COMPLEX'
  /** Not a Word .docx document: no word/document.xml (params: file, detail?). */
  | 'DOCX_NOT_DOCX'
  /** An old .doc, or a .docx with a password to open (an OLE compound file) (params: file). */
  | 'DOCX_LEGACY_OR_ENCRYPTED'
  /** The zip of a .docx is damaged (params: file, problem — as WORKBOOK_ZIP_DAMAGED's —, part?). */
  | 'DOCX_ZIP_DAMAGED'
  /** A .docx unpacks beyond the limit, or a part is a zip bomb (params: file, bytes, limit, part?). */
  | 'DOCX_UNPACKED_TOO_LARGE'
  /** The document's XML cannot be read (params: file, part). */
  | 'DOCX_DAMAGED';

export type InputErrorParams = Readonly<Record<string, string | number>>;

export class ReportInputError extends Error {
  readonly code: InputErrorCode;
  readonly params: InputErrorParams;

  /** `cause`: the underlying failure (a parser's error), kept for developers, not shown to users. */
  constructor(code: InputErrorCode, params: InputErrorParams, options?: { cause?: unknown }) {
    // For developers and logs; users read describeInputError (src/i18n) in their language.
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'ReportInputError';
    this.code = code;
    this.params = params;
  }
}
