import { describeRule } from '../../../test/rules/harness';
import { editLines, GOOD_LINES, textReport } from '../../../test/rules/text-support';
import { edit } from '../../../test/rules/support';
import { textGovernmentItems } from './text-government-items';

const line = (start: string): number => GOOD_LINES.findIndex((l) => l.startsWith(start));
const ASSESSMENT = line('本年度开展政务公开工作考核');
const KEY_POINTS = line('（二）本行政机关落实上级');
const PROPOSALS = line('（三）人大代表建议');
const asKind = (kind: 'government' | 'office' | 'department' | undefined, lines: string[]) =>
  textReport(lines, {}, edit(textReport(), {}, { profile: { kind } }));

describeRule(textGovernmentItems, {
  passes: [
    { name: 'a government’s text with all three items', report: textReport() },
    {
      name: 'a department need not report them',
      report: asKind(
        'department',
        editLines({ [ASSESSMENT]: undefined, [KEY_POINTS]: undefined, [PROPOSALS]: undefined }),
      ),
    },
    {
      name: 'an agency of unknown kind is not asked',
      report: asKind(undefined, editLines({ [PROPOSALS]: undefined })),
    },
    {
      name: 'an item written in another part still counts (seed 002: 人大代表建议和政协委员提案 under 一)',
      report: textReport(editLines({ [PROPOSALS]: undefined, 4: '做好了人大代表建议和政协委员提案办理公开工作。' })),
    },
  ],
  fails: [
    {
      name: 'a government’s text without any of the three: each named, with the part it belongs in',
      report: textReport(editLines({ [ASSESSMENT]: undefined, [KEY_POINTS]: undefined, [PROPOSALS]: undefined })),
      findings: [
        {
          scope: 'assessment',
          cells: [],
          params: { missing: '工作考核、社会评议和责任追究结果情况', item: 'assessment', section: 1 },
        },
        { scope: 'keyPoints', params: { missing: '政务公开工作要点落实情况', section: 6 } },
        { scope: 'proposals', params: { missing: '人大代表建议和政协提案办理结果公开情况', section: 6 } },
      ],
    },
    {
      name: 'a general office without 社会评议',
      report: asKind('office', editLines({ [ASSESSMENT]: '本年度开展政务公开工作考核和责任追究。' })),
      findings: [{ scope: 'assessment' }],
    },
    {
      name: '政协提案 alone is not the item',
      report: textReport(editLines({ [PROPOSALS]: '（三）政协提案办理结果公开情况：已公开。' })),
      findings: [{ scope: 'proposals' }],
    },
  ],
});
