// A hand-made Outline for the writer's tests, independent of src/outline/build.ts: a title, headings of
// both levels, sentences with figures and prompts, a whole-paragraph prompt, the closing, and the three
// tables laid out from the format data with the official merges (表三: three label columns, the caption
// over three header rows, 三、本年度办理结果 merged down over its outcome rows).
import { getFormat } from '../../../src/format';
import {
  cellTag,
  promptTag,
  sumTag,
  type Block,
  type FigureRun,
  type Outline,
  type PromptRun,
  type TableBlock,
  type TableCellBlock,
} from '../../../src/outline/types';

const FORMAT = getFormat('2021');

export type Values = Readonly<Record<string, number | null>>;

const shown = (value: number | null | undefined): string =>
  value === null || value === undefined ? '＿＿' : String(value);

export const figure = (key: string, values: Values, alias = key): FigureRun => ({
  kind: 'figure',
  tag: cellTag(key),
  text: shown(values[key]),
  alias,
});

export const prompt = (id: string, text: string): PromptRun => ({
  kind: 'prompt',
  tag: promptTag(id),
  text,
  alias: `请填写：${id}`,
});

const header = (text: string, span: { colSpan?: number; rowSpan?: number } = {}): TableCellBlock => ({
  text,
  header: true,
  ...span,
});
const label = (text: string, span: { colSpan?: number; rowSpan?: number } = {}): TableCellBlock => ({ text, ...span });
const data = (key: string, values: Values): TableCellBlock => ({ figure: figure(key, values) });

export function s2Table(values: Values): TableBlock {
  const columns = 4;
  const rows: TableCellBlock[][] = [];
  for (const block of FORMAT.s2.blocks) {
    rows.push([header(block.title, { colSpan: columns })]);
    const width = block.columns.length;
    rows.push([
      header(FORMAT.s2.contentHeader.zh),
      ...block.columns.map((c, i) => header(c.label.zh, i === width - 1 ? { colSpan: columns - width } : {})),
    ]);
    for (const row of block.rows) {
      rows.push([
        label(row.label.zh),
        ...block.columns.map((c, i) => ({
          ...data(`s2.${row.key}.${c.key}`, values),
          ...(i === width - 1 && columns - width > 1 ? { colSpan: columns - width } : {}),
        })),
      ]);
    }
  }
  return { kind: 'table', table: 's2', columns, widths: [3, 2, 2, 2], rows };
}

export function s3Table(values: Values): TableBlock {
  const s3 = FORMAT.s3;
  const dataColumns = s3.columns.length; // 7
  const rows: TableCellBlock[][] = [
    [header(s3.identityCaption, { colSpan: 3, rowSpan: 3 }), header(s3.applicantHeader.zh, { colSpan: dataColumns })],
    [header('自然人', { rowSpan: 2 }), header(s3.orgHeader.zh, { colSpan: 5 }), header('总计', { rowSpan: 2 })],
    s3.columns.slice(1, 6).map((c) => header(c.label.zh)),
  ];
  const outcomeRows = s3.rows.filter((r) => r.underOutcome).length;
  const seenGroups = new Set<string>();
  let firstOutcome = true;
  for (const row of s3.rows) {
    const cells: TableCellBlock[] = [];
    if (!row.underOutcome) cells.push(label(row.label.zh, { colSpan: 3 }));
    else {
      if (firstOutcome) cells.push(label(s3.outcomeLabel.zh, { rowSpan: outcomeRows }));
      firstOutcome = false;
      if (row.group) {
        if (!seenGroups.has(row.group.key)) {
          seenGroups.add(row.group.key);
          const size = s3.rows.filter((r) => r.group?.key === row.group?.key).length;
          cells.push(label(row.group.label.zh, { rowSpan: size }));
        }
        cells.push(label(row.label.zh));
      } else cells.push(label(row.label.zh, { colSpan: 2 }));
    }
    for (const c of s3.columns) cells.push(data(`s3.${row.key}.${c.key}`, values));
    rows.push(cells);
  }
  return { kind: 'table', table: 's3', columns: 3 + dataColumns, widths: [2, 2.4, 4, 1, 1, 1, 1, 1, 1, 1], rows };
}

export function s4Table(values: Values): TableBlock {
  const s4 = FORMAT.s4;
  const results = s4.results.length;
  const rows: TableCellBlock[][] = [
    [header('行政复议', { colSpan: results, rowSpan: 2 }), header('行政诉讼', { colSpan: 2 * results })],
    [header('未经复议直接起诉', { colSpan: results }), header('复议后起诉', { colSpan: results })],
    s4.groups.flatMap(() => s4.results.map((r) => header(r.label.zh))),
    s4.groups.flatMap((g) => s4.results.map((r) => data(`s4.${g.key}.${r.key}`, values))),
  ];
  return { kind: 'table', table: 's4', columns: 3 * results, widths: Array(3 * results).fill(1), rows };
}

/** A small but complete outline of a report with the given values. */
export function sampleOutline(values: Values, agency = '河东区行政审批服务局', year = 2022): Outline {
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'title', runs: [{ kind: 'text', text: title }] },
    {
      kind: 'paragraph',
      style: 'body',
      runs: [
        { kind: 'text', text: `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。本报告电子版可在` },
        prompt('opening.website', '（请填写网站名称和网址）'),
        { kind: 'text', text: '查阅或下载。' },
      ],
    },
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'heading', level: 2, text: '（一）主动公开' },
    {
      kind: 'paragraph',
      style: 'body',
      runs: [
        { kind: 'text', text: '本年作出行政许可决定' },
        figure('s2.license.decisions', values, '行政许可 · 本年处理决定数量'),
        { kind: 'text', text: '件。' },
      ],
    },
    { kind: 'paragraph', style: 'body', runs: [prompt('s1.proactive', '（请填写本机关主动公开的渠道和重点内容。）')] },
    { kind: 'heading', level: 2, text: '（二）依申请公开' },
    {
      kind: 'paragraph',
      style: 'body',
      runs: [
        { kind: 'text', text: '本年新收政府信息公开申请' },
        figure('s3.new.total', values, '本年新收政府信息公开申请数量 · 总计'),
        { kind: 'text', text: '件，办结' },
        { kind: 'figure', tag: sumTag('s3.closed'), text: '3', alias: '办结' },
        { kind: 'text', text: '件。' },
      ],
    },
    { kind: 'heading', level: 1, text: '二、主动公开政府信息情况' },
    s2Table(values),
    { kind: 'heading', level: 1, text: '三、收到和处理政府信息公开申请情况' },
    s3Table(values),
    { kind: 'heading', level: 1, text: '四、政府信息公开行政复议、行政诉讼情况' },
    s4Table(values),
    { kind: 'heading', level: 1, text: '五、存在的主要问题及改进情况' },
    { kind: 'paragraph', style: 'body', runs: [prompt('s5.problems', '（请填写本年度存在的主要问题。）')] },
    { kind: 'heading', level: 1, text: '六、其他需要报告的事项' },
    {
      kind: 'paragraph',
      style: 'body',
      runs: [prompt('s6.other', '（请填写其他需要报告的事项；没有的，填写“无”。）')],
    },
    { kind: 'paragraph', style: 'closing', runs: [{ kind: 'text', text: agency }] },
    { kind: 'paragraph', style: 'closing', runs: [{ kind: 'text', text: `${year + 1}年1月` }] },
  ];
  return { title, blocks };
}

export const SAMPLE_SNAPSHOT = `<?xml version="1.0" encoding="UTF-8"?>
<nianbao xmlns="urn:nianbao:document:1" version="1"><value key="s3.new.total">3</value><value key="s2.fee.amount">13.39</value></nianbao>`;
