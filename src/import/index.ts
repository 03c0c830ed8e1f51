// Reading published reports and drafts: the text of a report (importText) or a source that knows its
// tables (importSource) → the report, what was not found, and every problem, nothing guessed.
export * from './types';
export { importText, splitLines, type ImportTextOptions } from './import-text';
export { FIGURE_PHRASES, figureTargets, type FigurePhrase, type FigureTarget } from './figure-phrases';
export { importSource, gridLines } from './import-source';
export { decodeHtml, htmlSource, HTML_LIMITS, type DecodedHtml } from './html';
