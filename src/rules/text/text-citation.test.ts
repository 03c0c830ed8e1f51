import { describeRule } from '../../../test/rules/harness';
import { editLines, textReport } from '../../../test/rules/text-support';
import { edit } from '../../../test/rules/support';
import { textCitation } from './text-citation';

const OPENING = 1;
const citing = (citation: string): string[] =>
  editLines({ [OPENING]: `本报告依据《中华人民共和国政府信息公开条例》和${citation}编制。` });
const in2020 = (lines: string[]): ReturnType<typeof textReport> =>
  textReport(lines, {}, edit(textReport(), {}, { profile: { year: 2020, format: '2019' } }));

const TRIAL = '《中华人民共和国政府信息公开工作年度报告格式（试行）》';
const CURRENT = '《中华人民共和国政府信息公开工作年度报告格式》';

describeRule(textCitation, {
  passes: [
    { name: 'a 2024 report citing the 2021 format with its number', report: textReport() },
    { name: 'the 2021 format without a number', report: textReport(citing(CURRENT)) },
    {
      name: 'the number with half-width brackets, spaces and a line break',
      report: textReport(
        editLines({ [OPENING]: `本报告依据${CURRENT}（国办公开办函 [2021] 30`, [OPENING + 1]: '号）编制。' }),
      ),
    },
    { name: 'a 2020 report may cite the trial format', report: in2020(citing(`${TRIAL}（国办公开办函〔2019〕60号）`)) },
    { name: 'no citation at all', report: textReport(editLines({ [OPENING]: undefined })) },
    {
      name: 'other documents’ numbers are not the format’s',
      report: textReport(
        citing(`${CURRENT}（国办公开办函〔2021〕30号）和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）`),
      ),
    },
  ],
  fails: [
    {
      name: 'a 2024 report citing the trial format by title and number',
      report: textReport(citing(`${TRIAL}（国办公开办函〔2019〕60号）`)),
      findings: [{ scope: 'trial', cells: [], params: { year: 2024, problem: 'trial', found: TRIAL } }],
    },
    {
      name: 'a 2024 report citing the trial format by its number alone',
      report: textReport(citing('国办公开办函〔2019〕60号文件')),
      findings: [{ scope: 'trial', params: { found: '国办公开办函〔2019〕60号' } }],
    },
    {
      name: 'the 2021 title with the trial’s number',
      report: textReport(citing(`${CURRENT}（国办公开办函〔2019〕60号）`)),
      findings: [
        {
          scope: 'pair',
          params: { problem: 'pair', found: `${CURRENT}（国办公开办函〔2019〕60号` },
        },
      ],
    },
    {
      name: 'the trial title with the 2021 number: the pair, not the trial format, is said',
      report: textReport(citing(`${TRIAL}（国办公开办函〔2021〕30号）`)),
      findings: [{ scope: 'pair', params: { found: `${TRIAL}（国办公开办函〔2021〕30号` } }],
    },
    {
      name: 'a number of neither document: 〔2021〕60号, in a 2020 report too',
      report: in2020(citing(`${TRIAL}（国办公开办函〔2021〕60号）`)),
      findings: [{ scope: 'pair', params: { year: 2020 } }],
    },
    {
      name: 'the number written after 印发 and before the title',
      report: textReport(citing(`国办公开办函〔2021〕30号印发的${TRIAL}`)),
      findings: [{ scope: 'pair' }],
    },
  ],
});
