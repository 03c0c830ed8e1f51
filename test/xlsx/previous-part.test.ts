// Last year's report imported into a workbook (a custom XML part, urn:nianbao:previous:1) is read back
// with the sheet's report by the file reader, so that `nianbao check` and Word's 从工作簿生成 see it.
import JSZip from 'jszip';
import { buildLayout } from '../../src/layout';
import { buildPreviousXml, previousFromFields } from '../../src/report';
import { parsePreviousPart, readWorkbookReports } from '../../src/xlsx/read';
import { writeTemplate } from '../../src/xlsx/write';
import { busyReport } from '../rules/support';

const SHEET = '2024年报表格';
const last = { profile: { year: 2023, agency: '某某局' }, values: { 's3.carriedOver.natural': 1, 's3.new.total': 5 } };

it('round-trips the part’s fields, text with markup characters included', () => {
  const xml = buildPreviousXml({
    sheet: SHEET,
    source: '2023年报 <草稿>.txt',
    imported: '2025-01-08T09:00:00Z',
    report: last,
  });
  const fields = parsePreviousPart(xml);
  expect(fields?.sheet).toBe(SHEET);
  const stored = previousFromFields(fields ?? {});
  expect(stored?.source).toBe('2023年报 <草稿>.txt');
  expect(stored?.report.values).toEqual(last.values);
  expect(stored?.report.profile.year).toBe(2023);
});

it('ignores a part of another kind and a damaged one', () => {
  expect(parsePreviousPart('<x xmlns="urn:other"><sheet>a</sheet></x>')).toBeUndefined();
  expect(parsePreviousPart('<nianbao xmlns="urn:nianbao:previous:1"><sheet>')).toBeUndefined();
  expect(previousFromFields({ sheet: SHEET, report: '{"profile":' })).toBeUndefined();
});

it('gives the sheet’s report last year’s figures from the workbook’s part', async () => {
  const layout = buildLayout({ version: '2021', year: 2024, sheetName: SHEET });
  const bytes = await writeTemplate([{ layout, values: busyReport().values }]);
  const zip = await JSZip.loadAsync(bytes);
  zip.file('customXml/item7.xml', buildPreviousXml({ sheet: SHEET, source: '2023.txt', imported: '', report: last }));
  const [entry] = await readWorkbookReports(await zip.generateAsync({ type: 'uint8array' }), '年报.xlsx');
  expect(entry.report.previous?.values['s3.carriedOver.natural']).toBe(1);
  expect(entry.report.previous?.profile.year).toBe(2023);
});

it('leaves a report without a stored previous as it was', async () => {
  const layout = buildLayout({ version: '2021', year: 2024, sheetName: SHEET });
  const [entry] = await readWorkbookReports(await writeTemplate([{ layout, values: busyReport().values }]), 'a.xlsx');
  expect(entry.report.previous).toBeUndefined();
});
