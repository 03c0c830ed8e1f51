// The .docx file adapter: the outline of a report as a Word document with linked figures.
export { writeDocx, type DocxOptions } from './write';
export { SNAPSHOT_SCHEMA } from './package-parts';
export { countControls, reportDocument, type ReportDocument } from './report-document';
