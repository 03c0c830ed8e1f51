// importSource: a source that knows its tables (an HTML page, a .docx draft: SourceDocument) → the
// report. Each table's spans are expanded into a grid, each grid row written out as one line of its
// own cells (a cell covered by a span is no cell of that row), and the lines read by the same core
// as a text, with every cell certain; the prose comes from the text blocks; tagged figures are taken
// exactly, over what the tables say.
import { getCell, isKnownCellKey, type FormatVersion } from '../format';
import { readCell, type RawValue } from '../report';
import { COVERED } from './fields';
import { readLines, splitLines } from './import-text';
import type { ImportProblem, ImportResult, SourceDocument, SourceTable } from './types';

/** Spans beyond this are a damaged source, not a table (a rowspan of 65534 in a broken HTML page). */
const MAX_SPAN = 64;
const MAX_ROWS = 2000;
const MAX_COLUMNS = 200;

const span = (n: number | undefined): number =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(MAX_SPAN, Math.max(1, Math.floor(n))) : 1;

/** A cell's text on one line: its line breaks and tabs are spaces. */
const flat = (text: unknown): string =>
  typeof text === 'string' ? text.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim() : '';

/**
 * The rows of a table as lines, one field per grid column: spans expanded as HTML lays them out, a
 * cell's text at its first column, and the positions its span covers (in its own row and the rows
 * below) marked COVERED: no cells, but each field stays in its grid column.
 */
export function gridLines(table: SourceTable): string[] {
  const rows = Array.isArray(table?.rows) ? table.rows.slice(0, MAX_ROWS) : [];
  const covered: boolean[][] = rows.map(() => []);
  const texts: string[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [];
    let col = 0;
    for (const cell of cells) {
      while (col < MAX_COLUMNS && covered[r][col]) col++;
      if (col >= MAX_COLUMNS) break;
      const cs = span(cell?.colSpan);
      const rs = span(cell?.rowSpan);
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cs && col + dc < MAX_COLUMNS; dc++) covered[r + dr][col + dc] = true;
      }
      texts[r][col] = flat(cell?.text);
      col += cs;
      width = Math.max(width, Math.min(col, MAX_COLUMNS));
    }
  });
  return texts.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? COVERED).join('\t'));
}

/** The value of a tagged figure: a number, a blank (empty, or the generated document's `＿＿`), or the text as written. */
function taggedValue(text: unknown): RawValue {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed === '' || /^[_＿]+$/.test(trimmed)) return null;
  const reading = readCell(trimmed);
  return reading.kind === 'number' ? reading.value : trimmed;
}

/** The version the tagged keys name, when some key exists in one version only. */
function versionOfKeys(keys: readonly string[]): FormatVersion | undefined {
  let v2021 = 0;
  let v2019 = 0;
  for (const key of keys) {
    const in21 = getCell('2021', key) !== undefined;
    const in19 = getCell('2019', key) !== undefined;
    if (in21 && !in19) v2021++;
    if (in19 && !in21) v2019++;
  }
  if (v2021 === v2019) return undefined;
  return v2021 > v2019 ? '2021' : '2019';
}

/** A source document → the report: the same reading as importText, on the document's own cells. */
export function importSource(doc: SourceDocument): ImportResult {
  const lines: string[] = [];
  const blocks = doc && Array.isArray(doc.blocks) ? doc.blocks : [];
  for (const block of blocks) {
    if (!block || typeof block !== 'object') continue;
    if (block.kind === 'text') lines.push(...splitLines(typeof block.text === 'string' ? block.text : ''));
    else if (block.kind === 'table' && block.table) {
      // A table stands apart from the prose around it, as in a text.
      lines.push('', ...gridLines(block.table), '');
    }
  }

  const problems: ImportProblem[] = [];
  const tagged: Record<string, RawValue> = {};
  if (doc?.tagged instanceof Map) {
    for (const [rawKey, text] of doc.tagged) {
      if (typeof rawKey !== 'string') continue;
      const key = rawKey.replace(/^nianbao:/, '');
      if (key.startsWith('sum:')) continue; // a sentence's sum of cells, not a cell
      if (!isKnownCellKey(key)) {
        problems.push({ code: 'TAGGED_UNKNOWN', key: rawKey });
        continue;
      }
      tagged[key] = taggedValue(text);
    }
  }
  const taggedKeys = Object.keys(tagged);
  const taggedVersion = versionOfKeys(taggedKeys);
  const result = readLines(lines, {
    grid: true,
    problems,
    ...(taggedKeys.length > 0 ? { tagged } : {}),
    ...(taggedVersion ? { taggedVersion } : {}),
    ...(doc?.truncated === true ? { truncated: true } : {}),
  });
  if (taggedKeys.length === 0) return result;
  // A tagged figure is exact: what the table reading said of its cell no longer stands.
  const exact = new Set(taggedKeys);
  return {
    ...result,
    problems: result.problems.filter((p) => !(p.code === 'VALUE_NOT_A_NUMBER' && exact.has(p.key))),
  };
}
