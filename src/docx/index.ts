// The .docx file adapter: the outline of a report as a Word document with linked figures, and a Word
// draft read back as the importer's source.
export { writeDocx, type DocxOptions } from './write';
export { SNAPSHOT_SCHEMA } from './package-parts';
export { countControls, reportDocument, type ReportDocument } from './report-document';
export { docxSource, DOCX_LIMITS, type DocxLimits } from './read';
