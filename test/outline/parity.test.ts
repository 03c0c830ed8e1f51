// The two writers of the outline — the .docx file writer (src/docx) and the live Word writer (src/word,
// here over the fake Word) — produce the same document: the same headings, texts, tags and table cells,
// line for line, for the seeds and for random reports of both versions (and both equal the outline's
// own signature, so neither drops or invents anything).
import { readFileSync } from 'fs';
import * as path from 'path';
import { randomValidReport, seededRandom } from '../../src/bench/random-report';
import { writeDocx } from '../../src/docx';
import { buildOutline, outlineSignature } from '../../src/outline';
import { buildSnapshotXml } from '../../src/outline/snapshot';
import { parseReportJson, type Report } from '../../src/report';
import { planWordApi } from '../../src/word/api-support';
import { renderOutline } from '../../src/word/render';
import { docxSignature } from '../support/docx-signature';
import { createFakeWord, runWord, signatureOf, supportsFor } from '../support/fake-word';

const fixture = (name: string): Report =>
  parseReportJson(readFileSync(path.join(__dirname, '../fixtures', name), 'utf8'));

async function bothWriters(report: Report): Promise<{ docx: string[]; word: string[]; outline: string[] }> {
  const outline = buildOutline(report);
  const snapshotXml = buildSnapshotXml({ report, outline, generated: '2025-01-10T09:00:00.000Z' });
  const docx = await docxSignature(await writeDocx(outline, { snapshotXml }));
  const word = createFakeWord();
  const supports = supportsFor(word);
  const plan = planWordApi((set, version) => supports(set, version));
  await runWord(word, (context) => renderOutline(context as unknown as Word.RequestContext, outline, { plan }));
  return { docx, word: signatureOf(word), outline: outlineSignature(outline) };
}

const previousOf = (report: Report, year: number): Report => ({
  ...report,
  profile: { ...report.profile, year },
  previous: { profile: { year: year - 1 }, values: { ...report.values } },
});

const cases: [string, () => Report][] = [
  ['seed 002', () => fixture('seed-002.json')],
  ['seed 003', () => fixture('seed-003.json')],
  ['seed 004', () => fixture('seed-004.json')],
  ['seed 004 with last year’s figures', () => previousOf(fixture('seed-004.json'), 2022)],
  ['a random 2021 report', () => randomValidReport(seededRandom(11), '2021')],
  ['a random 2019 report', () => randomValidReport(seededRandom(12), '2019')],
  [
    'a government’s report (its own items)',
    () => ({ ...fixture('seed-004.json'), profile: { ...fixture('seed-004.json').profile, kind: 'government' } }),
  ],
];

it.each(cases)(
  '%s: the .docx and the live Word document have the same headings, texts, tags and cells',
  async (_name, make) => {
    const { docx, word, outline } = await bothWriters(make());
    expect(word).toEqual(docx);
    expect(docx).toEqual(outline);
    // The comparison is not of empty lists: headings, tagged figures and table cells are there.
    expect(docx.filter((l) => l.startsWith('H1 '))).toHaveLength(6);
    expect(docx.some((l) => l.includes('[nianbao:s3.new.total='))).toBe(true);
    expect(docx.filter((l) => l.startsWith('T ')).length).toBeGreaterThan(200);
  },
);
