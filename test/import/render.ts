// A small test-only renderer: a report as the text of a published report, in the layouts real texts
// come in (a row per tab-separated line, Markdown pipes, figures after spaces, one cell per line, one
// cell per line each followed by an empty line), with the habits of real texts (full-width digits,
// thousands separators, trailing tabs, mixed brackets). What it writes is what importText must read.
import { getFormat, type FormatVersion } from '../../src/format';
import type { RawValue, Report } from '../../src/report';

export type Layout = 'tabs' | 'pipes' | 'spaces' | 'cells' | 'spaced';
export const LAYOUTS: readonly Layout[] = ['tabs', 'pipes', 'spaces', 'cells', 'spaced'];
/** Layouts that show an empty cell as a cell. */
export const BLANK_LAYOUTS: readonly Layout[] = ['tabs', 'pipes', 'cells', 'spaced'];

export interface RenderOptions {
  readonly layout: Layout;
  /** Digits written full-width (２０). */
  readonly fullWidth?: boolean;
  /** Counts of 1000 and more written with a separator (1,234 or 1，234). */
  readonly separators?: boolean;
  /** Half-width brackets in the labels ((一) for （一）). */
  readonly halfBrackets?: boolean;
  /** A tab after each row (not with blanks: then a row must be exactly as wide as its columns). */
  readonly trailingTabs?: boolean;
}

const FULL = '０１２３４５６７８９';

function figure(value: RawValue | undefined, options: RenderOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  let text = String(value);
  if (options.separators && Number.isInteger(value) && Math.abs(value) >= 1000) {
    const sep = value % 2 === 0 ? ',' : '，';
    text = text.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  }
  if (options.fullWidth) text = text.replace(/[0-9]/g, (d) => FULL[Number(d)]);
  return text;
}

function label(text: string, options: RenderOptions): string {
  return options.halfBrackets ? text.replace(/（/g, '(').replace(/）/g, ')') : text;
}

interface Row {
  /** Label cells, outermost first. */
  readonly labels: readonly string[];
  readonly values: readonly string[];
}

interface Table {
  /** Header rows (words only). */
  readonly headers: readonly (readonly string[])[];
  readonly rows: readonly Row[];
}

function tablesOf(
  report: Report,
  version: FormatVersion,
  options: RenderOptions,
): { s2: Table[]; s3: Table; s4: Table } {
  const format = getFormat(version);
  const v = (key: string): string => figure(report.values[key], options);
  const s2: Table[] = format.s2.blocks.map((block) => ({
    headers: [[block.title], ['信息内容', ...block.columns.map((c) => c.label.zh)]],
    rows: block.rows.map((row) => ({
      labels: [row.label.zh],
      values: block.columns.map((c) => v(`s2.${row.key}.${c.key}`)),
    })),
  }));
  let group: string | undefined;
  const s3: Table = {
    headers: [
      [format.s3.identityCaption, format.s3.applicantHeader.zh],
      [format.s3.columns[0].label.zh, format.s3.orgHeader.zh, '总计'],
      format.s3.columns.slice(1, -1).map((c) => c.label.zh),
    ],
    rows: format.s3.rows.map((row) => {
      const labels: string[] = [];
      if (row.key === 'granted') labels.push(format.s3.outcomeLabel.zh);
      if (row.group && row.group.key !== group) labels.push(row.group.label.zh);
      group = row.group?.key;
      labels.push(label(row.label.zh, options));
      return { labels, values: format.s3.columns.map((c) => v(`s3.${row.key}.${c.key}`)) };
    }),
  };
  const s4: Table = {
    headers: [
      ['行政复议', '行政诉讼'],
      ['未经复议直接起诉', '复议后起诉'],
      [
        ...format.s4.results.map((r) => r.label.zh),
        ...format.s4.results.map((r) => r.label.zh),
        ...format.s4.results.map((r) => r.label.zh),
      ],
    ],
    rows: [
      {
        labels: [],
        values: format.s4.groups.flatMap((g) => format.s4.results.map((r) => v(`s4.${g.key}.${r.key}`))),
      },
    ],
  };
  return { s2, s3, s4 };
}

function renderTable(table: Table, options: RenderOptions, out: string[]): void {
  const { layout } = options;
  const tail = options.trailingTabs ? '\t' : '';
  for (const header of table.headers) {
    if (layout === 'tabs') out.push(header.join('\t'));
    else if (layout === 'pipes') out.push(`| ${header.join(' | ')} |`);
    else if (layout === 'spaces') out.push(header.join('   '));
    else if (layout === 'cells') out.push(...header.map((h) => `\t${h}`), '');
    else for (const h of header) out.push(h, '');
  }
  for (const row of table.rows) {
    if (layout === 'tabs') out.push([...row.labels, ...row.values].join('\t') + tail);
    else if (layout === 'pipes') out.push(`| ${[...row.labels, ...row.values].join(' | ')} |`);
    else if (layout === 'spaces') out.push([...row.labels, ...row.values].join('   '));
    else if (layout === 'cells') out.push(...[...row.labels, ...row.values].map((c) => `\t${c}`), '');
    else for (const c of [...row.labels, ...row.values]) out.push(c === '' ? '\u00a0' : c, '');
  }
}

/** The report as a published text in one layout. */
export function renderReport(report: Report, version: FormatVersion, options: RenderOptions): string {
  const tables = tablesOf(report, version, options);
  const year = report.profile.year ?? 2022;
  const agency = report.profile.agency ?? '某某局';
  const out: string[] = [
    `${agency}${year}年政府信息公开工作年度报告`,
    '',
    `本报告所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
    '一、总体情况',
    '',
    '本机关认真做好政府信息公开工作。',
    '',
    '二、主动公开政府信息情况',
    '',
  ];
  for (const block of tables.s2) renderTable(block, options, out);
  out.push('', '三、收到和处理政府信息公开申请情况', '');
  renderTable(tables.s3, options, out);
  out.push('', '四、政府信息公开行政复议、行政诉讼情况', '');
  renderTable(tables.s4, options, out);
  out.push('', '五、存在的主要问题及改进情况', '', '无。', '', '六、其他需要报告的事项', '', '无。', '');
  return out.join('\n');
}
