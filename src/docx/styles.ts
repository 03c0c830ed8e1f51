// The look of the document, after GB/T 9704-2012 (党政机关公文格式): A4 with a 156 × 225 mm text block
// (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), body 三号仿宋 at 22 lines a page, first-level
// headings 黑体, second-level 楷体, the title 二号小标宋 centred. Heading 1/2 are Word's built-in heading
// styles (with their outline levels), so the navigation pane and a table of contents find them.
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

/** Twips (1/20 pt) per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

/** A4 portrait; the footer distance puts the page number about 7 mm below the text block (§7.5). */
export const PAGE = {
  /** A4 portrait, in twips. */
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) },
} as const;

/** Width of the text block, twips (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/**
 * Font faces. Each Chinese face is listed in the font table with the name Windows ships under (w:altName),
 * which Word takes when the first is not installed: 仿宋_GB2312 and 楷体_GB2312 are what government
 * offices install for 公文, 仿宋/楷体 what Windows has; 方正小标宋简体 falls back to 宋体.
 */
export const FONTS = {
  latin: 'Times New Roman',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  title: '方正小标宋简体',
  /** The page number (GB/T 9704: 4号半角宋体). */
  pageNumber: '宋体',
} as const;

/** w:font entries of the font table: name, alternate name, and what Word needs to substitute well. */
export const FONT_TABLE: readonly {
  readonly name: string;
  readonly altName?: string;
  /** ECMA-376 ST_UcharHexNumber: 86 is GB2312, 00 ANSI. */
  readonly charset: string;
  readonly family: 'roman' | 'modern' | 'auto';
  readonly pitch: 'variable' | 'fixed';
}[] = [
  { name: FONTS.latin, charset: '00', family: 'roman', pitch: 'variable' },
  { name: FONTS.body, altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading1, altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading2, altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.title, altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONTS.pageNumber, altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
];

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 } as const;

/** Fixed line pitch for 22 lines in the 225 mm text block: 28.95 pt. */
export const LINE = 579;
/** One character of body text (16 pt), twips: the first-line indent is two of them. */
const CHAR = 320;

/** The paragraph style ids the writer uses; the built-in ones are Word's own ids. */
export const STYLE = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  body: 'NianbaoBody',
  closing: 'NianbaoClosing',
  table: 'NianbaoTable',
  placeholder: 'PlaceholderText',
} as const;

const fonts = (eastAsia: string, latin: string = FONTS.latin) => ({
  ascii: latin,
  hAnsi: latin,
  eastAsia,
  cs: latin,
});

const exactLine = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const indented = { firstLine: 2 * CHAR, firstLineChars: 200 } as const;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: fonts(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
    },
    title: {
      run: { font: fonts(FONTS.title, FONTS.title), size: SIZE.title, bold: false, color: '000000' },
      paragraph: {
        alignment: AlignmentType.CENTER,
        // 标题与正文之间空一行.
        spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
      },
      next: STYLE.body,
    },
    heading1: {
      run: { font: fonts(FONTS.heading1), size: SIZE.body, bold: false, color: '000000' },
      paragraph: { spacing: exactLine, indent: indented, keepNext: true, keepLines: true, outlineLevel: 0 },
      next: STYLE.body,
    },
    heading2: {
      run: { font: fonts(FONTS.heading2), size: SIZE.body, bold: false, italics: false, color: '000000' },
      paragraph: { spacing: exactLine, indent: indented, keepNext: true, keepLines: true, outlineLevel: 1 },
      next: STYLE.body,
    },
  },
  paragraphStyles: [
    {
      id: STYLE.body,
      name: 'Nianbao Body',
      basedOn: 'Normal',
      next: STYLE.body,
      quickFormat: true,
      run: { font: fonts(FONTS.body), size: SIZE.body },
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactLine, indent: indented },
    },
    {
      id: STYLE.closing,
      name: 'Nianbao Closing',
      basedOn: STYLE.body,
      next: STYLE.closing,
      paragraph: {
        alignment: AlignmentType.RIGHT,
        // 右空四字 (GB/T 9704 §7.3.5.1), no first-line indent.
        indent: { firstLine: 0, firstLineChars: 0, right: 4 * CHAR },
      },
    },
    {
      id: STYLE.table,
      name: 'Nianbao Table Text',
      basedOn: 'Normal',
      next: STYLE.table,
      run: { font: fonts(FONTS.body), size: SIZE.table },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        indent: { firstLine: 0, firstLineChars: 0 },
      },
    },
  ],
  characterStyles: [
    {
      // Word's own "Placeholder Text" style (the id and name Word gives it), which it shows prompts in.
      id: STYLE.placeholder,
      name: 'Placeholder Text',
      uiPriority: 99,
      semiHidden: true,
      run: { color: '808080' },
    },
  ],
};
