// Shared by the outline tests: the seed report, reports built from it, and reading an outline as a
// reader of the document would (the text of the paragraph under a heading).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getFormat, type FormatVersion } from '../../src/format';
import type { Block, FigureRun, Outline, ParagraphBlock, TableBlock } from '../../src/outline';
import { plainText } from '../../src/outline';
import type { RawValue, Report } from '../../src/report';

export function seed004(): Report {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'seed-004.json'), 'utf8')) as Report;
}

/** A report of the version with every cell 0. */
export function zeroReport(version: FormatVersion = '2021', profile: Report['profile'] = {}): Report {
  const values: Record<string, RawValue> = {};
  for (const cell of getFormat(version).cells) values[cell.key] = 0;
  return {
    profile: {
      agency: '某某局',
      year: version === '2021' ? 2023 : 2020,
      format: version,
      kind: 'department',
      ...profile,
    },
    values,
  };
}

export function withValues(report: Report, values: Record<string, RawValue>): Report {
  return { ...report, values: { ...report.values, ...values } };
}

export const isParagraph = (b: Block): b is ParagraphBlock => b.kind === 'paragraph';
export const isTable = (b: Block): b is TableBlock => b.kind === 'table';

/** The blocks after a heading, up to the next heading of the same or a higher level. */
export function under(outline: Outline, text: string): Block[] {
  const start = outline.blocks.findIndex((b) => b.kind === 'heading' && b.text === text);
  if (start < 0) throw new Error(`no heading ${text}`);
  const level = (outline.blocks[start] as { level: number }).level;
  const end = outline.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  return outline.blocks.slice(start + 1, end < 0 ? undefined : end);
}

/** The text of the first paragraph under a heading. */
export function firstText(outline: Outline, heading: string): string {
  const paragraph = under(outline, heading).find(isParagraph);
  if (!paragraph) throw new Error(`no paragraph under ${heading}`);
  return plainText(paragraph.runs);
}

/** The text of every paragraph under a heading (sub-headings excluded), joined by newlines. */
export function allText(outline: Outline, heading: string): string {
  return under(outline, heading)
    .filter(isParagraph)
    .map((p) => plainText(p.runs))
    .join('\n');
}

export function figuresIn(blocks: readonly Block[]): FigureRun[] {
  return blocks.filter(isParagraph).flatMap((p) => p.runs.filter((r): r is FigureRun => r.kind === 'figure'));
}

export const tableOf = (outline: Outline, table: 's2' | 's3' | 's4'): TableBlock => {
  const found = outline.blocks.filter(isTable).find((t) => t.table === table);
  if (!found) throw new Error(`no table ${table}`);
  return found;
};

export const REQUESTS = '（二）依申请公开';
export const ACTIVE = '（一）主动公开';
export const S4_HEADING = '四、政府信息公开行政复议、行政诉讼情况';
