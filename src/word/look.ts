// How the live Word writer formats the skeleton, after GB/T 9704-2012 as the .docx writer does
// (src/docx/styles.ts): body 三号仿宋 indented two characters, first-level headings 黑体, second-level 楷体,
// the title 二号小标宋 centred, the closing right-aligned four characters from the margin, tables 五号.
// The live API cannot give a face a fallback (the .docx font table's w:altName), so the body and
// sub-headings use the faces Windows ships (仿宋, 楷体) rather than the _GB2312 ones offices may lack;
// 方正小标宋简体, where it is missing, is shown by Word in a substitute Song face, as the .docx falls back.
// Sizes and indents in points.

export type Alignment = 'Left' | 'Centered' | 'Right' | 'Justified';

export interface ParagraphLook {
  /** The built-in style set where the API has styleBuiltIn (WordApi 1.3); the direct formatting below is set always. */
  readonly style: 'Normal' | 'Heading1' | 'Heading2';
  readonly font: string;
  readonly size: number;
  readonly alignment: Alignment;
  readonly firstLineIndent: number;
  readonly rightIndent: number;
  readonly spaceAfter: number;
}

/** One character of body text (三号, 16 pt). */
const CHAR = 16;
/** Black, over the coloured heading styles of Word's default theme. */
export const TEXT_COLOR = '#000000';

export const LOOK = {
  title: {
    style: 'Normal',
    font: '方正小标宋简体',
    size: 22,
    alignment: 'Centered',
    firstLineIndent: 0,
    rightIndent: 0,
    spaceAfter: 29,
  },
  heading1: {
    style: 'Heading1',
    font: '黑体',
    size: CHAR,
    alignment: 'Justified',
    firstLineIndent: 2 * CHAR,
    rightIndent: 0,
    spaceAfter: 0,
  },
  heading2: {
    style: 'Heading2',
    font: '楷体',
    size: CHAR,
    alignment: 'Justified',
    firstLineIndent: 2 * CHAR,
    rightIndent: 0,
    spaceAfter: 0,
  },
  body: {
    style: 'Normal',
    font: '仿宋',
    size: CHAR,
    alignment: 'Justified',
    firstLineIndent: 2 * CHAR,
    rightIndent: 0,
    spaceAfter: 0,
  },
  closing: {
    style: 'Normal',
    font: '仿宋',
    size: CHAR,
    alignment: 'Right',
    firstLineIndent: 0,
    rightIndent: 4 * CHAR,
    spaceAfter: 0,
  },
  /** A table row written as tab-separated text (no tables below WordApi 1.3). */
  tableText: {
    style: 'Normal',
    font: '仿宋',
    size: 10.5,
    alignment: 'Left',
    firstLineIndent: 0,
    rightIndent: 0,
    spaceAfter: 0,
  },
} as const satisfies Record<string, ParagraphLook>;

/** Table text: 五号仿宋; header cells bold. */
export const TABLE_LOOK = { font: '仿宋', size: 10.5 } as const;

/** The width of the text block (156 mm), which a table fills. */
export const TEXT_WIDTH = (156 / 25.4) * 72;

/** Relative column widths as points summing to `total` (equal columns when the widths are unusable). */
export function columnWidths(widths: readonly number[], columns: number, total: number = TEXT_WIDTH): number[] {
  const usable = widths.length === columns && widths.every((w) => w > 0);
  const relative = usable ? widths : Array<number>(columns).fill(1);
  const sum = relative.reduce((a, b) => a + b, 0);
  return relative.map((w) => Math.round((w / sum) * total * 10) / 10);
}
