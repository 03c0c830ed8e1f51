import { describeRule } from '../../../test/rules/harness';
import { reportText, textReport } from '../../../test/rules/text-support';
import { busyReport, edit, zeroReport } from '../../../test/rules/support';
import type { RawValue, Report } from '../../report';
import { findingKey } from '../finding';
import { textNumbers, textNumberTargets } from './text-numbers';

const figures = (list: readonly (readonly [string, number])[], base: Report = textReport()): Report => ({
  ...base,
  text: reportText(
    list.map(([phrase, value]) => `本年度${phrase}${value}件。`),
    { figures: list },
  ),
});

const DENIED = ['secret', 'prohibited', 'security', 'thirdParty', 'internal', 'process', 'lawEnforcement', 'query'].map(
  (k) => `s3.denied.${k}.total`,
);

/**
 * RULES.md's Shanghai 2019 example, in small: the 2019 tables are consistent but leave blanks where 0
 * belongs; 予以公开 200 + 部分公开 75 = 275, 无法提供 300 + (blank) + 37 = 337; the prose says 258 and 265.
 */
function shanghai(): Report {
  const r = zeroReport('2019', 2019);
  const set = (row: string, value: RawValue): void => {
    r.values[`s3.${row}.natural`] = value;
    r.values[`s3.${row}.total`] = value;
  };
  set('new', 612);
  set('granted', 200);
  set('partial', 75);
  set('unable.notHeld', 300);
  set('unable.unclear', 37);
  set('total', 612);
  for (const c of ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'])
    r.values[`s3.unable.needsCreation.${c}`] = null;
  return {
    ...r,
    text: reportText(['本年度予以公开及部分公开258件，无法提供265件。'], {
      figures: [
        ['予以公开及部分公开', 258],
        ['无法提供', 265],
      ],
    }),
  };
}

describeRule(textNumbers, {
  passes: [
    { name: 'every figure of the good text agrees with busyReport()', report: textReport() },
    {
      name: 'the Shanghai tables with the prose put right',
      report: (() => {
        const r = shanghai();
        return figures(
          [
            ['予以公开及部分公开', 275],
            ['无法提供', 337],
          ],
          r,
        );
      })(),
    },
    { name: 'a phrase this rule does not know is left alone', report: figures([['热线工单', 2720]]) },
    {
      name: 'a group cell the reader did not find (absent) is not assessable',
      report: figures([['不予公开', 5]], {
        ...textReport(),
        values: edit(busyReport(), { 's3.denied.query.total': undefined }).values,
      }),
    },
    {
      name: 'a 总计 cell holding text is not assessable',
      report: figures([['新收', 99]], {
        ...textReport(),
        values: edit(busyReport(), { 's3.new.total': '十四' }).values,
      }),
    },
    { name: 'a report without a text', report: busyReport() },
  ],
  fails: [
    {
      name: '新收 against 表三 · 总计 · 一、本年新收',
      report: figures([['新收', 15]]),
      findings: [
        {
          scope: '新收',
          cells: ['s3.new.total'],
          expected: 14,
          actual: 15,
          delta: 1,
          params: {
            phrase: '新收',
            targets: ['new'],
            sentence: '本年度新收15件。',
            stated: 15,
            table: 14,
            blanksAsZero: false,
          },
        },
      ],
    },
    {
      name: '不予公开 against the sum of its eight rows in the 总计 column, not one item',
      report: figures([['不予公开', 2]]),
      findings: [{ scope: '不予公开', cells: DENIED, expected: 0, actual: 2 }],
    },
    {
      name: 'RULES.md’s Shanghai example: both figures, the blank read as 0 and said',
      report: shanghai(),
      findings: [
        {
          scope: '予以公开及部分公开',
          cells: ['s3.granted.total', 's3.partial.total'],
          expected: 275,
          actual: 258,
          delta: -17,
          params: { targets: ['granted', 'partial'], blanksAsZero: false },
        },
        {
          scope: '无法提供',
          cells: ['s3.unable.notHeld.total', 's3.unable.needsCreation.total', 's3.unable.unclear.total'],
          expected: 337,
          actual: 265,
          params: { targets: ['unable'], blanksAsZero: true },
        },
      ],
    },
    {
      name: 'a blank 总计 cell: the sum of its row’s filled columns',
      report: figures([['新收', 15]], {
        ...textReport(),
        values: edit(busyReport(), { 's3.new.total': null, 's3.new.legal': null }).values,
      }),
      findings: [
        {
          cells: [
            's3.new.total',
            's3.new.natural',
            's3.new.business',
            's3.new.research',
            's3.new.nonprofit',
            's3.new.otherOrg',
          ],
          // Named by the 总计 cell whatever parts were read: a stable key.
          findingKey: findingKey('TEXT-NUMBERS', '新收', ['s3.new.total']),
          expected: 14,
          params: { blanksAsZero: true },
        },
      ],
    },
    {
      name: 'the same phrase stated twice: each statement its own finding',
      report: figures([
        ['新收', 14],
        ['新收', 13],
        ['新收', 12],
      ]),
      findings: [
        { scope: '新收#2', actual: 13 },
        { scope: '新收#3', actual: 12 },
      ],
    },
    {
      name: '行政诉讼 against both litigation groups; 行政复议 against its total',
      report: figures([
        ['行政复议', 1],
        ['行政诉讼', 3],
      ]),
      findings: [
        { scope: '行政复议', cells: ['s4.review.total'], expected: 2, actual: 1 },
        { scope: '行政诉讼', cells: ['s4.litigation.total', 's4.litigationAfterReview.total'], expected: 0, actual: 3 },
      ],
    },
    {
      name: '其他处理 in the 2019 format is one row',
      report: figures([['其他处理', 1]], { ...zeroReport('2019', 2020) }),
      findings: [{ cells: ['s3.other.total'], expected: 0 }],
    },
  ],
});

describe('the phrases TEXT-NUMBERS knows', () => {
  it.each([
    ['新收', ['new']],
    ['予以公开及部分公开', ['granted', 'partial']],
    ['予以公开 和 部分公开', ['granted', 'partial']],
    ['不予公开、无法提供', ['denied', 'unable']],
    ['结转下年度继续办理', ['carriedOver']],
  ])('%s → %p', (phrase, targets) => {
    expect(textNumberTargets(phrase)).toEqual(targets);
  });

  it.each(['热线', '予以公开及热线', ''])('%p is none', (phrase) => {
    expect(textNumberTargets(phrase)).toBeUndefined();
  });
});
