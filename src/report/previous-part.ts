// Last year's report, imported into this year's workbook (导入上年报告: from last year's workbook, its
// published text, a web page or a Word draft), as a custom XML part of the workbook — so that the
// cross-year rules and the Word skeleton's 同比 wording use it wherever the file goes. Pure: builds the
// XML text; each host reads it with its own XML parser (the pane's DOMParser, the file reader's saxes)
// and hands the fields to `previousFromFields`.
//
// Shape (namespace `urn:nianbao:previous:1`), one part per report sheet:
//
//   <nianbao xmlns="urn:nianbao:previous:1">
//     <sheet>2024年报表格</sheet><source>2023年报.txt</source><imported>2025-01-08T09:00:00Z</imported>
//     <report>{"profile":{"year":2023,…},"values":{"s3.carriedOver.natural":1,…}}</report>
//   </nianbao>
//
// The report is the interchange JSON of INTERFACES.md (escaped as XML text): cells the source did not
// give are absent, blank ones null.
import { parseReportJson, reportToJson } from './json';
import type { Report } from './report';

export const PREVIOUS_NAMESPACE = 'urn:nianbao:previous:1';

export interface StoredPrevious {
  readonly sheet: string;
  /** The file (or 粘贴的文本) it was read from, for the pane. */
  readonly source: string;
  /** When it was imported (ISO time). */
  readonly imported: string;
  readonly report: Report;
}

const escape = (text: string): string =>
  text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

export function buildPreviousXml(stored: StoredPrevious): string {
  // The previous report's own previous is not kept: one year back is what the rules read.
  const { previous: _older, ...report } = stored.report;
  void _older;
  const json = JSON.stringify(reportToJson(report));
  return (
    `<nianbao xmlns="${PREVIOUS_NAMESPACE}"><sheet>${escape(stored.sheet)}</sheet>` +
    `<source>${escape(stored.source)}</source><imported>${escape(stored.imported)}</imported>` +
    `<report>${escape(json)}</report></nianbao>`
  );
}

/** The fields of a part as an XML parser read them (text content of each child of the root). */
export interface PreviousFields {
  readonly sheet?: string;
  readonly source?: string;
  readonly imported?: string;
  readonly report?: string;
}

/** The stored report of a part's fields; undefined when they do not make one (a damaged part is skipped). */
export function previousFromFields(fields: PreviousFields): StoredPrevious | undefined {
  if (!fields.sheet || !fields.report) return undefined;
  try {
    const report = parseReportJson(fields.report);
    return { sheet: fields.sheet, source: fields.source ?? '', imported: fields.imported ?? '', report };
  } catch {
    return undefined;
  }
}
