import { describeRule } from '../../../test/rules/harness';
import { editLines, GOOD_LINES, textReport } from '../../../test/rules/text-support';
import { busyReport } from '../../../test/rules/support';
import { textFeeStatement } from './text-fee-statement';

const FEE = GOOD_LINES.indexOf('（一）本年度未收取信息处理费。');
const withFee = (line: string | undefined): string[] => editLines({ [FEE]: line });

describeRule(textFeeStatement, {
  passes: [
    { name: '本年度未收取信息处理费 counts', report: textReport() },
    {
      name: 'what was charged (PROSE.md’s wording)',
      report: textReport(
        withFee('本年度依据《政府信息公开信息处理费管理办法》共发出收费通知2件，总金额300元，实际收取300元。'),
      ),
    },
    { name: 'seed 001’s wording: 未产生信息公开处理费', report: textReport(withFee('本年度未产生信息公开处理费。')) },
    { name: 'no fee charged for information', report: textReport(withFee('本机关提供政府信息不收取任何费用。')) },
    {
      name: 'a text without part 六 is TEXT-SECTIONS’ to report',
      report: textReport(GOOD_LINES.slice(0, GOOD_LINES.indexOf('六、其他需要报告的事项'))),
    },
    { name: 'a report without a text', report: busyReport() },
  ],
  fails: [
    {
      name: 'part 六 without a word on the fee',
      report: textReport(withFee(undefined)),
      findings: [{ scope: 'fee', cells: [] }],
    },
    {
      name: 'a fee statement elsewhere than in 六 does not count',
      report: textReport(editLines({ [FEE]: undefined, 4: '本年度未收取信息处理费。' })),
      findings: [{ scope: 'fee' }],
    },
  ],
});
