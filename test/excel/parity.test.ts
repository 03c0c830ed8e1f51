// The live writer against the .xlsx file writer: the same layout and values, rendered once into the fake
// Excel through Office.js calls and once into an ExcelJS workbook by renderLayout, must give the same cells,
// merges, defined names, checks (conditional fills, validations), locks, number formats, borders, every
// protection flag and the page setup. Names, validations, protection and print titles are read from the
// saved file, as Excel will read them; flags a writer leaves out count with the default Excel gives them.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeLayoutToWorkbook } from '../../src/excel/insert-template';
import { buildProfileXml } from '../../src/excel/profile-xml';
import { getFormat, type FormatVersion } from '../../src/format';
import { buildLayout } from '../../src/layout';
import { SHEET_PROTECTION, type SheetProtection } from '../../src/layout/styles';
import type { SheetLayout } from '../../src/layout/types';
import type { RawValue } from '../../src/report';
import { renderLayout, writeWorkbook, xmlUnescape } from '../../src/xlsx/write';
import {
  cellAt,
  createFakeExcel,
  isLocked,
  parseAddress,
  rectAddress,
  sheetNamed,
  type BorderSide,
  type FakeSheet,
  type Rect,
} from '../support/fake-excel';
import { upTo } from './small-layout';

type Content = { f: string } | string | number | boolean | null;

/** Values for every data cell of a version, with a text that looks like a number and a placeholder. */
function filledValues(version: FormatVersion): Record<string, RawValue> {
  const values: Record<string, RawValue> = {};
  for (const cell of getFormat(version).cells) {
    values[cell.key] =
      cell.unit === 'count'
        ? cell.index % 5
        : cell.unit === 'signedCount'
          ? -(cell.index % 3)
          : cell.unit === 'wanyuan'
            ? 12.3456
            : 0.5;
  }
  const counts = getFormat(version).cells.filter((c) => c.unit === 'count');
  values[counts[0].key] = '12';
  values[counts[1].key] = '—';
  return values;
}

interface Rendered {
  /** Cells with two data validations (Excel keeps one of them, unpredictably). */
  validationOverlaps: string[];
  cells: Content[][];
  merges: string[];
  names: [string, string][];
  fills: { ref: string; formula: string; fill: string; fontColor: string }[];
  validations: Record<string, unknown>;
  locked: boolean[][];
  numberFormats: (string | null)[][];
  borders: string[][];
  protection: Record<string, unknown>;
  page: Record<string, unknown>;
}

const extentCells = <T>(layout: SheetLayout, f: (row: number, col: number) => T): T[][] =>
  Array.from({ length: layout.extent.rows }, (_, i) =>
    Array.from({ length: layout.extent.cols }, (_, j) => f(layout.extent.row + i, layout.extent.col + j)),
  );

const SIDES: readonly BorderSide[] = ['top', 'bottom', 'left', 'right'];

/** Validations by cell; a cell reached by two validations is listed in `overlaps`. */
function byCell(entries: readonly { rects: readonly Rect[]; validation: Record<string, unknown> }[]): {
  validations: Record<string, unknown>;
  overlaps: string[];
} {
  const validations: Record<string, unknown> = {};
  const overlaps: string[] = [];
  for (const { rects, validation } of entries) {
    for (const rect of rects) {
      for (let r = 0; r < rect.rows; r += 1) {
        for (let c = 0; c < rect.cols; c += 1) {
          const address = rectAddress({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 });
          if (address in validations) overlaps.push(address);
          validations[address] = validation;
        }
      }
    }
  }
  return { validations, overlaps };
}

/** What users may do on a protected sheet, flag by flag (the names of SheetProtection). */
type Allowed = Record<keyof SheetProtection, boolean>;

function fromFake(layout: SheetLayout, sheet: FakeSheet): Rendered {
  const { validations, overlaps } = byCell(
    sheet.dataValidations.map((dv) => {
      const [kind, body] = Object.entries(dv.rule ?? {})[0] as [string, Record<string, unknown>];
      const rule =
        kind === 'list'
          ? { type: 'list', formulae: [`"${String(body.source)}"`] }
          : {
              type: kind === 'wholeNumber' ? 'whole' : kind,
              operator: { GreaterThanOrEqualTo: 'greaterThanOrEqual', Between: 'between' }[String(body.operator)],
              formulae: (body.formula2 === undefined ? [body.formula1] : [body.formula1, body.formula2]).map(String),
            };
      const texts = {
        errorStyle: dv.errorAlert?.style?.toLowerCase(),
        errorTitle: dv.errorAlert?.title,
        error: dv.errorAlert?.message,
        prompt: dv.prompt?.message,
      };
      return { rects: dv.rects, validation: { ...rule, ...texts } };
    }),
  );
  // Office.js defaults for options left out: every allow… false, selection of all cells.
  const options = sheet.protection.options ?? {};
  const allow = (name: string): boolean => options[name] === true;
  const selection = (options.selectionMode as string | undefined) ?? 'Normal';
  const allowed: Allowed = {
    selectLockedCells: selection === 'Normal',
    selectUnlockedCells: selection !== 'None',
    formatCells: allow('allowFormatCells'),
    formatColumns: allow('allowFormatColumns'),
    formatRows: allow('allowFormatRows'),
    insertColumns: allow('allowInsertColumns'),
    insertRows: allow('allowInsertRows'),
    insertHyperlinks: allow('allowInsertHyperlinks'),
    deleteColumns: allow('allowDeleteColumns'),
    deleteRows: allow('allowDeleteRows'),
    sort: allow('allowSort'),
    autoFilter: allow('allowAutoFilter'),
    pivotTables: allow('allowPivotTables'),
    objects: allow('allowEditObjects'),
    scenarios: allow('allowEditScenarios'),
  };
  return {
    validationOverlaps: overlaps,
    cells: extentCells(layout, (r, c) => {
      const cell = cellAt(sheet, r, c);
      if (!cell) return null;
      return cell.formula !== undefined ? { f: cell.formula.slice(1) } : cell.value;
    }),
    merges: sheet.merges.map(rectAddress).sort(),
    names: sheet.names.map((n): [string, string] => [n.name, n.rects.map(rectAddress).join()]).sort(),
    fills: sheet.conditionalFormats.map((cf) => ({
      ref: cf.rects.map(rectAddress).join(' '),
      formula: (cf.formula ?? '').slice(1),
      fill: cf.fill ?? '',
      fontColor: cf.fontColor ?? '',
    })),
    validations,
    locked: extentCells(layout, (r, c) => isLocked(sheet, r, c)),
    numberFormats: extentCells(layout, (r, c) => sheet.formats.get(`${r},${c}`)?.numberFormat ?? null),
    borders: extentCells(layout, (r, c) =>
      SIDES.filter((side) => sheet.formats.get(`${r},${c}`)?.borders?.[side]?.style === 'Continuous').join(','),
    ),
    protection: {
      protected: sheet.protection.protected,
      password: sheet.protection.password ?? '',
      allowed,
    },
    page: {
      gridlines: sheet.showGridlines,
      paper: sheet.pageLayout.paperSize,
      orientation: sheet.pageLayout.orientation?.toLowerCase(),
      fitToPages: [sheet.pageLayout.zoom?.horizontalFitToPages, sheet.pageLayout.zoom?.verticalFitToPages],
      centered: sheet.pageLayout.centerHorizontally === true,
      area: sheet.pageLayout.printArea,
      titleRows: sheet.pageLayout.printTitleRows,
      breaks: sheet.pageLayout.pageBreaks ?? [],
      margins: [
        sheet.pageLayout.leftMargin,
        sheet.pageLayout.rightMargin,
        sheet.pageLayout.topMargin,
        sheet.pageLayout.bottomMargin,
      ],
    },
  };
}

const hex = (argb: unknown): string => `#${String(argb).slice(2).toUpperCase()}`;

/** The attributes of an XML start tag, unescaped. */
function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries(
    [...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, name, value]) => [name, xmlUnescape(value)]),
  );
}

/** What an ExcelJS cell holds: nothing for the covered cells of a merged area (the file stores none). */
function xlsxContent(xlsxCell: ExcelJS.Cell): Content {
  if (xlsxCell.isMerged && xlsxCell.master.address !== xlsxCell.address) return null;
  const content = xlsxCell.value as unknown;
  if (content && typeof content === 'object' && 'formula' in content)
    return { f: String((content as { formula: string }).formula) };
  return (content ?? null) as Content;
}

async function fromFile(layout: SheetLayout, values: Record<string, RawValue>): Promise<Rendered> {
  const workbook = new ExcelJS.Workbook();
  const ws = renderLayout(workbook, layout, values);
  const zip = await JSZip.loadAsync(await writeWorkbook(workbook));
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  // The print area is Excel's built-in name _xlnm.Print_Area in the file, setPrintArea live: compared under page.
  const names = [...workbookXml.matchAll(/<definedName name="([^"]*)" localSheetId="0">([^<]*)<\/definedName>/g)]
    .filter(([, name]) => !name.startsWith('_xlnm.'))
    .map(([, name, ref]): [string, string] => [
      xmlUnescape(name),
      rectAddress(parseAddress(xmlUnescape(ref).split('!').pop() ?? '')),
    ]);
  const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  const { validations, overlaps } = byCell(
    [...sheetXml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map(([, attributes, body]) => {
      const a = attributesOf(attributes);
      const formulae = [...body.matchAll(/<formula[12]>([^<]*)<\/formula[12]>/g)].map(([, f]) => xmlUnescape(f));
      return {
        rects: a.sqref.split(' ').map(parseAddress),
        validation: {
          type: a.type,
          // The file leaves out `between`, the default operator.
          ...(a.type !== 'list' ? { operator: a.operator ?? 'between' } : {}),
          formulae,
          errorStyle: a.errorStyle,
          errorTitle: a.errorTitle,
          error: a.error,
          prompt: a.prompt,
        },
      };
    }),
  );
  // The file's flags say what is locked; each left out has its schema default (ECMA-376 §18.3.1.85).
  const locks = attributesOf(/<sheetProtection\b([^>]*)\/>/.exec(sheetXml)?.[1] ?? '');
  const lockedByDefault = (name: string, fallback: boolean): boolean =>
    locks[name] === undefined ? fallback : locks[name] === '1' || locks[name] === 'true';
  const allowed = Object.fromEntries(
    Object.keys(SHEET_PROTECTION).map((name) => [
      name,
      !lockedByDefault(name, !['objects', 'scenarios', 'selectLockedCells', 'selectUnlockedCells'].includes(name)),
    ]),
  ) as Allowed;
  const titles = /<definedName name="_xlnm\.Print_Titles" localSheetId="0">([^<]*)<\/definedName>/.exec(workbookXml);
  type Rule = {
    priority: number;
    formulae: string[];
    style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } };
  };
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings
    .flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
    .sort((a, b) => a.rule.priority - b.rule.priority);
  const setup = ws.pageSetup;
  return {
    validationOverlaps: overlaps,
    cells: extentCells(layout, (r, c) => xlsxContent(ws.getCell(r + 1, c + 1))),
    merges: ((ws.model as unknown as { merges: string[] }).merges ?? [])
      .map((m) => rectAddress(parseAddress(m)))
      .sort(),
    names: names.sort(),
    fills: cfs.map(({ ref, rule }) => ({
      ref: ref
        .split(' ')
        .map((a) => rectAddress(parseAddress(a)))
        .join(' '),
      formula: rule.formulae[0],
      fill: hex(rule.style.fill.bgColor.argb),
      fontColor: hex(rule.style.font.color.argb),
    })),
    validations,
    locked: extentCells(layout, (r, c) => ws.getCell(r + 1, c + 1).protection?.locked !== false),
    numberFormats: extentCells(layout, (r, c) => ws.getCell(r + 1, c + 1).numFmt ?? null),
    borders: extentCells(layout, (r, c) => {
      const border = ws.getCell(r + 1, c + 1).border ?? {};
      return SIDES.filter((side) => border[side]?.style === 'thin').join(',');
    }),
    protection: {
      protected: locks.sheet === '1',
      password: locks.hashValue ?? locks.password ?? '',
      allowed,
    },
    page: {
      gridlines: ws.views[0]?.showGridLines !== false,
      paper: setup.paperSize === 9 ? 'A4' : setup.paperSize,
      orientation: setup.orientation,
      fitToPages: setup.fitToPage === true ? [setup.fitToWidth, setup.fitToHeight] : [undefined, undefined],
      centered: setup.horizontalCentered === true,
      area: setup.printArea ? rectAddress(parseAddress(setup.printArea)) : undefined,
      titleRows: titles ? xmlUnescape(titles[1]).split('!').pop()?.replace(/\$/g, '') : undefined,
      breaks: (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id),
      margins: [setup.margins?.left, setup.margins?.right, setup.margins?.top, setup.margins?.bottom].map((inches) =>
        inches === undefined ? undefined : inches * 72,
      ),
    },
  };
}

async function fromLive(layout: SheetLayout, values: Record<string, RawValue>): Promise<Rendered> {
  const ctx = createFakeExcel([{ name: 'Sheet1', cells: { A1: '原有内容' } }]);
  const result = await writeLayoutToWorkbook(ctx as unknown as Excel.RequestContext, layout, {
    values,
    supports: upTo('1.17'),
    profileXml: (sheet) => buildProfileXml({ sheet, layoutVersion: layout.layoutVersion, format: layout.version }),
  });
  expect(result.syncs).toBe(2);
  return fromFake(layout, sheetNamed(ctx, result.sheetName));
}

describe.each(['2021', '2019'] as const)('the %s layout: live writer and file writer agree', (version) => {
  describe.each([
    ['empty', () => buildLayout({ version }), () => ({})],
    [
      'filled',
      () => buildLayout({ version, year: 2024, agency: '某某市某某局 & <办公室>', kind: 'department' }),
      () => filledValues(version),
    ],
  ] as const)('%s', (_label, makeLayout, makeValues) => {
    let live: Rendered;
    let file: Rendered;
    beforeAll(async () => {
      const layout = makeLayout();
      const values: Record<string, RawValue> = makeValues();
      [live, file] = await Promise.all([fromLive(layout, values), fromFile(layout, values)]);
    });

    it('writes the same value or formula in every cell', () => {
      const all = live.cells.flat();
      expect(all.some((c) => typeof c === 'object' && c !== null)).toBe(true);
      expect(all.some((c) => typeof c === 'string')).toBe(true);
      expect(live.cells).toEqual(file.cells);
    });

    it('merges the same areas', () => {
      expect(live.merges.length).toBeGreaterThan(0);
      expect(live.merges).toEqual(file.merges);
    });

    it('defines the same sheet-scoped names for the same ranges', () => {
      expect(live.names.length).toBeGreaterThan(0);
      expect(live.names).toEqual(file.names);
    });

    it('adds the same conditional fills, in the same priority order', () => {
      expect(live.fills.length).toBeGreaterThan(0);
      expect(live.fills).toEqual(file.fills);
    });

    it('validates the same cells with the same rules and messages, each cell by one validation only', () => {
      expect(Object.keys(live.validations).length).toBeGreaterThan(0);
      expect(file.validationOverlaps).toEqual([]);
      expect(live.validationOverlaps).toEqual([]);
      expect(live.validations).toEqual(file.validations);
    });

    it('locks and unlocks the same cells, and protects the sheet the same way, flag by flag', () => {
      expect(live.locked.flat()).toContain(false);
      expect(live.locked).toEqual(file.locked);
      expect(live.protection).toEqual(file.protection);
      // What the layout asks: resizing allowed; inserting and deleting rows not (see SHEET_PROTECTION).
      expect(file.protection).toEqual({ protected: true, password: '', allowed: SHEET_PROTECTION });
    });

    it('gives the same number formats and borders', () => {
      expect(live.numberFormats).toEqual(file.numberFormats);
      expect(live.borders).toEqual(file.borders);
    });

    it('sets up the page the same way: paper, fit to width, print area, print titles, breaks', () => {
      expect(live.page).toEqual(file.page);
      const layout = makeLayout();
      const print = layout.print;
      expect(file.page).toMatchObject({
        paper: 'A4',
        orientation: 'portrait',
        fitToPages: [1, 0],
        area: print && rectAddress(print.area),
        titleRows: print?.titleRows && `${print.titleRows.row + 1}:${print.titleRows.row + print.titleRows.rows}`,
        breaks: layout.pageBreaks,
      });
    });
  });
});
