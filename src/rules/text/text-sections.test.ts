import { describeRule } from '../../../test/rules/harness';
import { editLines, GOOD_LINES, textReport } from '../../../test/rules/text-support';
import { zeroReport } from '../../../test/rules/support';
import { sectionOfHeading } from './text-rules';
import { textSections } from './text-sections';

const at = (heading: string): number => GOOD_LINES.indexOf(heading);

describeRule(textSections, {
  passes: [
    { name: 'the six headings in order', report: textReport() },
    {
      name: 'the variants of FORMAT.md, half-width brackets and commas, Markdown marks and spaces',
      report: textReport(
        editLines({
          [at('四、政府信息公开行政复议、行政诉讼情况')]: '## 四、因政府信息公开工作被申请行政复议,提起行政诉讼情况',
          [at('五、存在的主要问题及改进情况')]: '五、政府信息公开工作存在的主要问题及改进情况',
          [at('一、总体情况')]: '#### 一、 总体情况',
        }),
      ),
    },
    {
      name: 'headings seen in published reports that keep the key words (seeds 001, 002)',
      report: textReport(
        editLines({
          [at('四、政府信息公开行政复议、行政诉讼情况')]: '四、因政府信息公开行政复议、行政诉讼情况',
          [at('五、存在的主要问题及改进情况')]: '五、存在的主要问题及下一步打算',
        }),
      ),
    },
    {
      name: 'the importer’s own part numbers are taken as given',
      report: textReport(editLines({ [at('二、主动公开政府信息情况')]: '二、主动公开情况' }), {
        sections: { '二、主动公开情况': 2 },
      }),
    },
    { name: 'a report without a text is not judged', report: zeroReport() },
  ],
  fails: [
    {
      name: 'two parts missing: named as the format prints them',
      report: textReport(
        editLines({ [at('五、存在的主要问题及改进情况')]: undefined, [at('六、其他需要报告的事项')]: undefined }),
      ),
      findings: [
        {
          scope: 'missing',
          cells: [],
          params: { missing: '五、存在的主要问题及改进情况；六、其他需要报告的事项', count: 2 },
        },
      ],
    },
    {
      name: 'a text with no headings at all misses all six',
      report: textReport(['测试局2024年政府信息公开工作年度报告', '本年度工作平稳。']),
      findings: [{ scope: 'missing', params: { count: 6 } }],
    },
    {
      name: 'three after four: the heading out of place is named, after the one it follows',
      report: textReport(
        editLines({
          [at('三、收到和处理政府信息公开申请情况')]: '四、政府信息公开行政复议、行政诉讼情况',
          [at('四、政府信息公开行政复议、行政诉讼情况')]: '三、收到和处理政府信息公开申请情况',
        }),
      ),
      findings: [
        {
          scope: 'order:3',
          params: { order: '三、收到和处理政府信息公开申请情况', after: '四、政府信息公开行政复议、行政诉讼情况' },
        },
      ],
    },
    {
      name: 'a pre-2019 report: 概述 and 收费及减免, and the parts they replace missing',
      report: textReport(
        editLines({
          [at('一、总体情况')]: '一、概述',
          [at('五、存在的主要问题及改进情况')]: '五、政府信息公开的收费及减免情况',
        }),
      ),
      findings: [
        { scope: 'old:概述', params: { old: '一、概述' } },
        { scope: 'old:收费及减免', params: { old: '五、政府信息公开的收费及减免情况' } },
        { scope: 'missing', params: { missing: '一、总体情况；五、存在的主要问题及改进情况' } },
      ],
    },
  ],
});

describe('sectionOfHeading', () => {
  it.each([
    ['一、总体情况', 1],
    ['二、主动公开政府信息情况', 2],
    ['三、收到和处理政府信息公开申请情况', 3],
    ['四、政府信息公开行政复议和行政诉讼情况', 4],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 4],
    ['五、存在的主要问题及改进措施', 5],
    ['六、其他需要报告的事项：', 6],
    ['（六）其他需要报告的事项', 6],
  ])('%s is part %d', (heading, part) => {
    expect(sectionOfHeading(heading)).toBe(part);
  });

  it.each(['四、结转下年度继续办理', '一、本年新收政府信息公开申请数量', '一、概述', '（一）主动公开', ''])(
    '%p is none of the six',
    (heading) => {
      expect(sectionOfHeading(heading)).toBeUndefined();
    },
  );
});
