// The live writer against the .xlsx file writer: the same layout and values, rendered once into the fake
// Excel through Office.js calls and once into an ExcelJS workbook by renderLayout, must give the same cells,
// merges, defined names, checks (conditional fills, validations), locks, number formats, borders and page
// setup. Names are read from the saved file, where the file writer scopes them to their sheet.
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeLayoutToWorkbook } from '../../src/excel/insert-template';
import { buildProfileXml } from '../../src/excel/profile-xml';
import { getFormat, type FormatVersion } from '../../src/format';
import { buildLayout } from '../../src/layout';
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

function fromFake(layout: SheetLayout, sheet: FakeSheet): Rendered {
  const validations: Record<string, unknown> = {};
  for (const dv of sheet.dataValidations) {
    const [kind, body] = Object.entries(dv.rule ?? {})[0] as [string, Record<string, unknown>];
    const rule =
      kind === 'list'
        ? { type: 'list', formulae: [`"${String(body.source)}"`] }
        : {
            type: kind === 'wholeNumber' ? 'whole' : kind,
            operator: { GreaterThanOrEqualTo: 'greaterThanOrEqual', Between: 'between' }[String(body.operator)],
            formulae: body.formula2 === undefined ? [body.formula1] : [body.formula1, body.formula2],
          };
    const texts = {
      errorStyle: dv.errorAlert?.style?.toLowerCase(),
      errorTitle: dv.errorAlert?.title,
      error: dv.errorAlert?.message,
      prompt: dv.prompt?.message,
    };
    for (const rect of dv.rects) {
      for (let r = 0; r < rect.rows; r += 1) {
        for (let c = 0; c < rect.cols; c += 1)
          validations[rectAddress({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 })] = { ...rule, ...texts };
      }
    }
  }
  const options = sheet.protection.options ?? {};
  return {
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
      formatColumns: options.allowFormatColumns === true,
      formatRows: options.allowFormatRows === true,
    },
    page: {
      gridlines: sheet.showGridlines,
      paper: sheet.pageLayout.paperSize,
      orientation: sheet.pageLayout.orientation?.toLowerCase(),
      fitToWidth: sheet.pageLayout.zoom?.horizontalFitToPages === 1,
      centered: sheet.pageLayout.centerHorizontally === true,
      area: sheet.pageLayout.printArea,
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
  const validations: Record<string, unknown> = {};
  const dvModel = (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
    .dataValidations.model;
  for (const [address, dv] of Object.entries(dvModel)) {
    validations[address] = {
      type: dv.type,
      ...(dv.operator !== undefined ? { operator: dv.operator } : {}),
      formulae: dv.formulae,
      errorStyle: dv.errorStyle,
      errorTitle: dv.errorTitle,
      error: dv.error,
      prompt: dv.prompt,
    };
  }
  type Rule = {
    priority: number;
    formulae: string[];
    style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } };
  };
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings
    .flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
    .sort((a, b) => a.rule.priority - b.rule.priority);
  const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
  const setup = ws.pageSetup;
  return {
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
      protected: protection?.sheet === true,
      password: protection?.hashValue ?? '',
      formatColumns: protection?.formatColumns === true,
      formatRows: protection?.formatRows === true,
    },
    page: {
      gridlines: ws.views[0]?.showGridLines !== false,
      paper: setup.paperSize === 9 ? 'A4' : setup.paperSize,
      orientation: setup.orientation,
      fitToWidth: setup.fitToPage === true && setup.fitToWidth === 1,
      centered: setup.horizontalCentered === true,
      area: setup.printArea ? rectAddress(parseAddress(setup.printArea)) : undefined,
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

    it('validates the same cells with the same rules and messages', () => {
      expect(Object.keys(live.validations).length).toBeGreaterThan(0);
      expect(live.validations).toEqual(file.validations);
    });

    it('locks and unlocks the same cells, and protects the sheet the same way', () => {
      expect(live.locked.flat()).toContain(false);
      expect(live.locked).toEqual(file.locked);
      expect(live.protection).toEqual(file.protection);
    });

    it('gives the same number formats and borders', () => {
      expect(live.numberFormats).toEqual(file.numberFormats);
      expect(live.borders).toEqual(file.borders);
    });

    it('sets up the page the same way', () => {
      expect(live.page).toEqual(file.page);
    });
  });
});
