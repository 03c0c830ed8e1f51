import { describeRule } from '../../../test/rules/harness';
import { editLines, GOOD_LINES, textReport } from '../../../test/rules/text-support';
import { edit } from '../../../test/rules/support';
import { textPeriod } from './text-period';

const OPENING = 1;
const opening = (period: string): string[] =>
  editLines({ [OPENING]: `本报告依据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限为${period}。` });

describeRule(textPeriod, {
  passes: [
    { name: 'the calendar year, 自…起至…止', report: textReport() },
    {
      name: 'spaces as PDFs extract them (seed 004)',
      report: textReport(opening('2024 年 1 月 1 日至 2024 年 12 月 31 日')),
    },
    { name: 'the end date without its year', report: textReport(opening('2024年1月1日—12月31日')) },
    { name: 'dotted dates', report: textReport(opening('2024.1.1-2024.12.31')) },
    { name: 'full-width digits', report: textReport(opening('２０２４年１月１日至２０２４年１２月３１日')) },
    {
      name: '本年1月1日至12月31日 names no year, so it is the report’s',
      report: textReport(opening('本年1月1日至12月31日')),
    },
    {
      name: 'the importer’s period alone',
      report: textReport(editLines({ [OPENING]: undefined }), { period: '2024年1月1日至2024年12月31日' }),
    },
    {
      name: 'a text that states no period says nothing wrong',
      report: textReport(editLines({ [OPENING]: undefined })),
    },
    {
      name: 'without a report year it cannot be judged',
      report: textReport(
        opening('2023年1月1日至2023年12月31日'),
        {},
        edit(textReport(), {}, { profile: { year: undefined } }),
      ),
    },
    {
      name: 'other dates in the text are not the period',
      report: textReport([...GOOD_LINES, '中心于2016年5月11日正式启动运行，2024年3月5日完成改造。']),
    },
  ],
  fails: [
    {
      name: 'last year’s period left in the opening',
      report: textReport(opening('2023年1月1日至2023年12月31日')),
      findings: [
        {
          scope: 'period',
          cells: [],
          params: { year: 2024, found: '2023年1月1日至2023年12月31日', problem: 'wrong' },
        },
      ],
    },
    {
      name: 'a period that stops before the year ends',
      report: textReport(opening('2024年1月1日至2024年11月30日')),
      findings: [{ params: { found: '2024年1月1日至2024年11月30日', problem: 'wrong' } }],
    },
    {
      name: 'the garbled date of RULES.md: 202411日 (年 and 月 lost)',
      report: textReport(opening('202411日至2024年12月31日')),
      findings: [{ params: { year: 2024, problem: 'garbled', found: '202411日至2024年12月31日' } }],
    },
    {
      name: 'the year lost: 年1月1日至年12月31日',
      report: textReport(opening('年1月1日至年12月31日')),
      findings: [{ params: { problem: 'garbled' } }],
    },
    {
      name: 'a wrong period stated later, in 六 (数据统计需要说明的事项)',
      report: textReport([...GOOD_LINES, '本年度报告所列数据统计期限从 2024 年 1 月 1 日到 2025 年 12 月 31 日止。']),
      findings: [{ params: { found: '2024年1月1日到2025年12月31日' } }],
    },
    {
      name: 'the importer’s period is judged too',
      report: textReport(editLines({ [OPENING]: undefined }), { period: '2024年2月1日至2024年12月31日' }),
      findings: [{ params: { found: '2024年2月1日至2024年12月31日' } }],
    },
  ],
});
