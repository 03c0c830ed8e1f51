// The Word side's use case over a stand-in port: which report a file gives, when generating asks first,
// and how a refresh's report reads (printed labels, each change once).
import { busyReport, edit } from '../rules/support';
import { chooseReport, createWordFlow, type WordFlowPort } from '../../src/taskpane/word/word-flow';
import type { Report } from '../../src/report';

const file = { name: '年报.xlsx', bytes: new Uint8Array([1]) };

function portRecording(): { port: WordFlowPort; calls: string[] } {
  const calls: string[] = [];
  const port: WordFlowPort = {
    async generate(input, options) {
      calls.push(`generate ${input.report.profile.year} force=${options?.force === true}`);
      return options?.force || calls.length > 1
        ? { outcome: 'generated', linkedBefore: 0, figures: 210, prompts: 20, tables: 3, degraded: ['mergedCells'] }
        : { outcome: 'alreadyLinked', linkedBefore: 207, figures: 0, prompts: 0, tables: 0, degraded: [] };
    },
    async refresh(_input, options) {
      calls.push(`refresh overwrite=${options?.overwriteHandEdited === true}`);
      return {
        updated: [
          { tag: 'nianbao:s3.new.total', from: '3', to: '4' },
          { tag: 'nianbao:s3.new.total', from: '3', to: '4' },
        ],
        unchanged: ['nianbao:s3.new.natural'],
        handEdited: [
          { tag: 'nianbao:s2.license.decisions', text: '约九万', generated: '90025', now: '90025', overwritten: false },
        ],
        locked: [],
        orphaned: ['nianbao:s3.new.business', 'nianbao:nonsense'],
        missing: [],
        lastGenerated: 'customXml',
      };
    },
  };
  return { port, calls };
}

const year = (r: Report, y: number): Report => ({ ...r, profile: { ...r.profile, year: y } });

describe('chooseReport', () => {
  it('takes the latest year of a workbook and pairs last year’s sheet with it', () => {
    const chosen = chooseReport(
      [
        { file: 'b.xlsx#2023', report: year(busyReport(), 2023) },
        { file: 'b.xlsx#2024', report: year(busyReport(), 2024) },
      ],
      2026,
    );
    expect(chosen.source).toBe('b.xlsx#2024');
    expect(chosen.withPrevious).toBe(true);
    expect(chosen.errors).toBe(0);
  });

  it('counts the errors of the tables', () => {
    const chosen = chooseReport([{ file: 'a.json', report: edit(busyReport(), { 's4.review.total': 99 }) }], 2026);
    expect(chosen.errors).toBeGreaterThan(0);
  });
});

describe('the Word flow', () => {
  it('asks before generating from tables with errors, and generates once told', async () => {
    const { port, calls } = portRecording();
    const flow = createWordFlow({
      readFile: async () => [{ file: 'a.json', report: edit(busyReport(), { 's4.review.total': 99 }) }],
      port,
      currentYear: 2026,
    });
    expect((await flow.generate(file)).kind).toBe('confirmErrors');
    expect(calls).toEqual([]);
    const done = await flow.generate(file, { acceptErrors: true });
    expect(done.kind).toBe('alreadyLinked');
    expect((await flow.generate(file, { acceptErrors: true, force: true })).kind).toBe('generated');
    expect(calls.at(-1)).toMatch(/force=true/);
  });

  it('reads a refresh with printed labels, each change once, orphans by their cell', async () => {
    const { port, calls } = portRecording();
    const flow = createWordFlow({
      readFile: async () => [{ file: 'a.json', report: busyReport() }],
      port,
      currentYear: 2026,
    });
    const r = await flow.refresh(file, { overwriteHandEdited: true });
    expect(calls).toEqual(['refresh overwrite=true']);
    expect(r.updated).toHaveLength(1);
    expect(r.controlsUpdated).toBe(2);
    expect(r.updated[0].label).toContain('本年新收');
    expect(r.handEdited[0]).toMatchObject({ text: '约九万', now: '90025' });
    expect(r.orphaned[0]).toContain('商业企业');
    expect(r.orphaned[1]).toBe('nianbao:nonsense');
    expect(r.noRecord).toBe(false);
  });
});
