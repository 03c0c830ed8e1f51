import { SECTIONS } from '../../src/format';
import { BLANK_FIGURE, buildOutline, plainText, type FigureRun, type Outline } from '../../src/outline';
import type { Report } from '../../src/report';
import {
  ACTIVE,
  allText,
  figuresIn,
  firstText,
  isParagraph,
  REQUESTS,
  S4_HEADING,
  seed004,
  under,
  withValues,
  zeroReport,
} from './helpers';

const headings = (outline: Outline, level: 1 | 2): string[] =>
  outline.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));

const sentenceFigures = (outline: Outline, heading: string): FigureRun[] => figuresIn(under(outline, heading));
const figure = (outline: Outline, heading: string, tag: string): FigureRun | undefined =>
  sentenceFigures(outline, heading).find((f) => f.tag === tag);

describe('buildOutline on seed 004 (河东区行政审批服务局 2022)', () => {
  const outline = buildOutline(seed004());

  it('titles the document with the agency and year', () => {
    expect(outline.title).toBe('河东区行政审批服务局2022年政府信息公开工作年度报告');
    const first = outline.blocks[0];
    expect(first.kind === 'paragraph' && first.style === 'title' && plainText(first.runs)).toBe(outline.title);
  });

  it('opens with the basis, the 2021 format document, the six parts, the period and prompts for where and whom', () => {
    const opening = outline.blocks[1];
    if (!isParagraph(opening)) throw new Error('no opening');
    const text = plainText(opening.runs);
    expect(text).toContain('《中华人民共和国政府信息公开条例》');
    expect(text).toContain('《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）');
    expect(text).not.toContain('试行');
    for (const s of SECTIONS) expect(text).toContain(s.heading.slice(2));
    expect(text).toContain('2022年1月1日起至2022年12月31日');
    const prompts = opening.runs.filter((r) => r.kind === 'prompt').map((r) => r.tag);
    expect(prompts).toEqual(['nianbao:prompt:opening.site', 'nianbao:prompt:opening.contact']);
  });

  it('has the six parts as level-1 headings in order, and the five aspects of 总体情况', () => {
    expect(headings(outline, 1)).toEqual(SECTIONS.map((s) => s.heading));
    expect(headings(outline, 2).slice(0, 5)).toEqual([
      '（一）主动公开',
      '（二）依申请公开',
      '（三）政府信息管理',
      '（四）政府信息公开平台建设',
      '（五）监督保障',
    ]);
  });

  it('states 本年新收 with the 3 in a figure tagged with the cell', () => {
    const text = firstText(outline, REQUESTS);
    expect(text).toMatch(/^本年新收政府信息公开申请3件/);
    expect(figure(outline, REQUESTS, 'nianbao:s3.new.total')?.text).toBe('3');
    expect(text).toBe(
      '本年新收政府信息公开申请3件（自然人3件），无上年结转申请。办结3件，其中予以公开2件、无法提供1件；无结转下年度继续办理的申请。',
    );
  });

  it('states 办结 and the outcome groups as derived sums', () => {
    expect(figure(outline, REQUESTS, 'nianbao:sum:s3.closed.total')?.text).toBe('3');
    expect(figure(outline, REQUESTS, 'nianbao:sum:s3.unable.total')?.text).toBe('1');
    expect(figure(outline, REQUESTS, 'nianbao:s3.granted.total')?.text).toBe('2');
  });

  it('states 主动公开 without lists of zeros, the licences as a figure and the fee with its decimals', () => {
    const text = firstText(outline, ACTIVE);
    expect(text).toBe('本年未制发、废止规章和行政规范性文件；作出行政许可决定90025件；收取行政事业性收费13.39万元。');
    expect(text).not.toMatch(/0件/);
    expect(figure(outline, ACTIVE, 'nianbao:s2.fee.amount')?.text).toBe('13.39');
  });

  it('says that there was no review or litigation', () => {
    expect(allText(outline, S4_HEADING)).toBe('本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。');
  });

  it('is a department: no government items', () => {
    const text = outline.blocks
      .map((b) => (b.kind === 'heading' ? b.text : isParagraph(b) ? plainText(b.runs) : ''))
      .join('\n');
    expect(text).not.toContain('工作考核、社会评议和责任追究结果情况');
    expect(text).not.toContain('政务公开工作要点');
    expect(headings(outline, 2).slice(5)).toEqual([
      '（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况',
      '（二）其他需要报告的事项',
    ]);
  });

  it('offers the 信息处理费 statement as a prompt with both sentence patterns, no invented numbers', () => {
    const fee = under(outline, '（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况').filter(
      isParagraph,
    )[0];
    expect(fee.runs).toHaveLength(1);
    expect(fee.runs[0].kind).toBe('prompt');
    expect(fee.runs[0].text).toContain('本年度未收取信息处理费');
    expect(fee.runs[0].text).toContain(
      `共发出收费通知${BLANK_FIGURE}件，总金额${BLANK_FIGURE}元，实际收取${BLANK_FIGURE}元`,
    );
  });

  it('has three prompts under 五', () => {
    const blocks = under(outline, SECTIONS[4].heading).filter(isParagraph);
    expect(blocks.map((b) => b.runs.map((r) => r.kind))).toEqual([['prompt'], ['prompt'], ['prompt']]);
    expect(blocks.map((b) => b.runs[0].text).join('')).toMatch(/整改.*主要问题.*改进措施/);
  });

  it('closes with the agency and January of the next year, right-aligned', () => {
    const closing = outline.blocks.slice(-2);
    expect(closing.map((b) => isParagraph(b) && b.style)).toEqual(['closing', 'closing']);
    expect(closing.map((b) => (isParagraph(b) ? plainText(b.runs) : ''))).toEqual([
      '河东区行政审批服务局',
      `2023年1月${BLANK_FIGURE}日`,
    ]);
  });

  it('never prints undefined, NaN or null anywhere', () => {
    const everything = JSON.stringify(outline);
    expect(everything).not.toMatch(/undefined|NaN|null/);
  });

  it('gives every prompt a distinct tag', () => {
    const tags = outline.blocks
      .filter(isParagraph)
      .flatMap((b) => b.runs.filter((r) => r.kind === 'prompt').map((r) => r.tag));
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('the closing date', () => {
  it('uses the publication date when the profile has one', () => {
    const report = seed004();
    report.profile.published = '2023-01-18';
    const last = buildOutline(report).blocks.slice(-1)[0];
    expect(isParagraph(last) && plainText(last.runs)).toBe('2023年1月18日');
  });
});

describe('a report without applications', () => {
  const outline = buildOutline(zeroReport());

  it('says so in its own sentence, with no list of zeros', () => {
    expect(firstText(outline, REQUESTS)).toBe('本年度未收到政府信息公开申请，无上年结转申请。');
  });

  it('says that nothing was made, decided or charged in 主动公开', () => {
    expect(firstText(outline, ACTIVE)).toBe(
      '本年未制发、废止规章和行政规范性文件；未作出行政许可、行政处罚和行政强制决定；未收取行政事业性收费。',
    );
  });

  it('mentions 上年结转 when only carried-in applications exist', () => {
    const report = withValues(zeroReport(), {
      's3.carriedIn.total': 2,
      's3.carriedIn.natural': 2,
      's3.granted.total': 2,
      's3.granted.natural': 2,
    });
    expect(firstText(buildOutline(report), REQUESTS)).toBe(
      '本年度未收到新的政府信息公开申请，上年结转2件。办结2件，其中予以公开2件；无结转下年度继续办理的申请。',
    );
  });
});

describe('主动公开 with some items', () => {
  it('lists only the non-zero items', () => {
    const report = withValues(zeroReport(), {
      's2.normative.issued': 2,
      's2.normative.valid': 15,
      's2.penalty.decisions': 7,
      's2.fee.amount': 0.5,
    });
    expect(firstText(buildOutline(report), ACTIVE)).toBe(
      '本年制发行政规范性文件2件，现行有效行政规范性文件15件；作出行政处罚决定7件；收取行政事业性收费0.5万元。',
    );
  });

  it('writes 万元 with the amount’s own decimals: 13.39, 0.5, 120', () => {
    for (const [value, text] of [
      [13.39, '13.39万元'],
      [0.5, '0.5万元'],
      [120, '120万元'],
      [13.390000000001, '13.39万元'],
    ] as const) {
      const outline = buildOutline(withValues(zeroReport(), { 's2.fee.amount': value }));
      expect(firstText(outline, ACTIVE)).toContain(`收取行政事业性收费${text}`);
    }
  });
});

describe('year-on-year', () => {
  const current = (newTotal: number, review = 0, litigation = 0, afterReview = 0): Report =>
    withValues(zeroReport(), {
      's3.new.total': newTotal,
      's3.new.natural': newTotal,
      's3.granted.total': newTotal,
      's3.granted.natural': newTotal,
      's4.review.total': review,
      's4.review.upheld': review,
      's4.litigation.total': litigation,
      's4.litigation.upheld': litigation,
      's4.litigationAfterReview.total': afterReview,
      's4.litigationAfterReview.pending': afterReview,
    });
  const withPrevious = (
    report: Report,
    values: Report['values'],
    profile: Report['profile'] = { year: 2022 },
  ): Report => ({
    ...report,
    previous: { profile, values },
  });

  it('adds 同比增加 N 件 after 本年新收 when last year had fewer', () => {
    const outline = buildOutline(withPrevious(current(5), { 's3.new.total': 3 }));
    expect(firstText(outline, REQUESTS)).toMatch(
      /^本年新收政府信息公开申请5件（自然人5件），同比增加2件，无上年结转申请。/,
    );
    expect(figure(outline, REQUESTS, 'nianbao:sum:yoy.s3.new.total')?.text).toBe('同比增加2件');
  });

  it('adds 同比减少 N 件 when last year had more', () => {
    const outline = buildOutline(withPrevious(current(3), { 's3.new.total': 11 }));
    expect(firstText(outline, REQUESTS)).toContain('同比减少8件');
  });

  it('adds 与上年持平 when the same', () => {
    const outline = buildOutline(withPrevious(current(4), { 's3.new.total': 4 }));
    expect(firstText(outline, REQUESTS)).toContain('4件（自然人4件），与上年持平');
  });

  it('adds nothing when last year’s value is blank, text or absent, or there is no last year', () => {
    for (const previous of [{ 's3.new.total': null }, { 's3.new.total': '不详' }, {}] as Report['values'][]) {
      const text = firstText(buildOutline(withPrevious(current(5), previous)), REQUESTS);
      expect(text).not.toMatch(/同比|持平/);
    }
    expect(firstText(buildOutline(current(5)), REQUESTS)).not.toMatch(/同比|持平/);
  });

  it('compares 行政复议 and 行政诉讼 totals, litigation as the sum of both groups', () => {
    const report = withPrevious(current(1, 3, 1, 1), {
      's4.review.total': 1,
      's4.litigation.total': 2,
      's4.litigationAfterReview.total': 2,
    });
    const outline = buildOutline(report);
    expect(allText(outline, S4_HEADING)).toBe(
      '本年度因政府信息公开工作被申请行政复议3件（结果维持3件），同比增加2件；被提起行政诉讼2件，同比减少2件，其中未经复议直接起诉1件（结果维持1件），复议后起诉1件（尚未审结1件）。',
    );
    expect(figure(outline, S4_HEADING, 'nianbao:sum:s4.litigationAll.total')?.text).toBe('2');
  });

  it('compares a 2021 report with a 2019-format last year on the cells both have', () => {
    const report = withPrevious(
      current(6, 1),
      {
        's3.new.total': 6,
        's3.other.total': 4,
        's4.review.total': 2,
        's4.litigation.total': 0,
        's4.litigationAfterReview.total': 0,
      },
      { year: 2020, format: '2019' },
    );
    const outline = buildOutline(report);
    expect(firstText(outline, REQUESTS)).toContain('（自然人6件），与上年持平');
    expect(allText(outline, S4_HEADING)).toContain('被申请行政复议1件（结果维持1件），同比减少1件；未被提起行政诉讼');
  });

  it('leaves out litigation’s 同比 when a part of last year’s sum is blank', () => {
    const report = withPrevious(current(0, 0, 1), { 's4.litigation.total': 2, 's4.litigationAfterReview.total': null });
    const text = allText(buildOutline(report), S4_HEADING);
    expect(text).toContain('被提起行政诉讼1件，其中');
    expect(text).not.toMatch(/同比|持平/);
  });
});

describe('government and office', () => {
  for (const kind of ['government', 'office'] as const) {
    it(`adds the items only ${kind} must report`, () => {
      const outline = buildOutline({ ...seed004(), profile: { ...seed004().profile, kind } });
      expect(allText(outline, '（五）监督保障')).toContain('工作考核、社会评议和责任追究结果情况');
      expect(headings(outline, 2).slice(5)).toEqual([
        '（一）依据《政府信息公开信息处理费管理办法》收取信息处理费的情况',
        '（二）本行政机关落实上级年度政务公开工作要点情况',
        '（三）本行政机关人大代表建议和政协提案办理结果公开情况',
        '（四）本行政机关年度政务公开工作创新情况',
        '（五）本行政机关政府信息公开工作年度报告数据统计需要说明的事项',
        '（六）其他需要报告的事项',
      ]);
    });
  }

  it('keeps 工作考核… as text before its prompt, so filling the prompt does not erase the item', () => {
    const outline = buildOutline({ ...seed004(), profile: { ...seed004().profile, kind: 'government' } });
    const assessment = under(outline, '（五）监督保障').filter(isParagraph)[1];
    expect(assessment.runs.map((r) => r.kind)).toEqual(['text', 'prompt']);
  });
});

describe('blank cells', () => {
  const blank = (report: Report): Report => ({
    ...report,
    values: Object.fromEntries(Object.keys(report.values).map((k) => [k, null])),
  });
  const outline = buildOutline(blank(seed004()));

  it('keeps every clause with BLANK_FIGURE instead of taking blanks for zeros', () => {
    const b = BLANK_FIGURE;
    expect(firstText(outline, REQUESTS)).toBe(
      `本年新收政府信息公开申请${b}件（自然人${b}件，法人或其他组织${b}件），上年结转${b}件。` +
        `办结${b}件，其中予以公开${b}件、部分公开${b}件、不予公开${b}件、无法提供${b}件、不予处理${b}件、其他处理${b}件；` +
        `结转下年度继续办理${b}件。`,
    );
    expect(firstText(outline, ACTIVE)).toContain(`收取行政事业性收费${b}万元`);
    expect(allText(outline, S4_HEADING)).toMatch(new RegExp(`^本年度因政府信息公开工作被申请行政复议${b}件`));
  });

  it('makes a sum blank when any one part is blank', () => {
    const report = withValues(seed004(), { 's3.denied.query.total': null });
    const denied = figure(buildOutline(report), REQUESTS, 'nianbao:sum:s3.denied.total');
    expect(denied?.text).toBe(BLANK_FIGURE);
    expect(firstText(buildOutline(report), REQUESTS)).toContain(`不予公开${BLANK_FIGURE}件`);
  });

  it('shows text as typed and treats it as unknown in sums', () => {
    const report = withValues(seed004(), { 's3.granted.total': '两件' });
    const outline = buildOutline(report);
    expect(figure(outline, REQUESTS, 'nianbao:s3.granted.total')?.text).toBe('两件');
    expect(figure(outline, REQUESTS, 'nianbao:sum:s3.closed.total')?.text).toBe(BLANK_FIGURE);
  });
});

describe('a report without agency or year', () => {
  const report: Report = { profile: {}, values: {} };
  const outline = buildOutline(report);
  const text = JSON.stringify(outline);

  it('never says undefined and asks for the agency and year in the title', () => {
    expect(text).not.toMatch(/undefined|NaN/);
    expect(outline.title).toBe('政府信息公开工作年度报告');
    const title = outline.blocks[0];
    expect(isParagraph(title) && title.runs.filter((r) => r.kind === 'prompt').map((r) => r.tag)).toEqual([
      'nianbao:prompt:title.agency',
      'nianbao:prompt:title.year',
    ]);
  });

  it('calls the agency 本机关 in the opening and leaves the period’s year blank', () => {
    const opening = outline.blocks[1];
    const t = isParagraph(opening) ? plainText(opening.runs) : '';
    expect(t).toContain('本机关编制本报告');
    expect(t).toContain(`${BLANK_FIGURE}年1月1日起至${BLANK_FIGURE}年12月31日`);
  });

  it('asks for the agency and the date in the closing', () => {
    const closing = outline.blocks.slice(-2);
    expect(
      closing.flatMap((b) => (isParagraph(b) ? b.runs.map((r) => (r.kind === 'text' ? r.kind : r.tag)) : [])),
    ).toEqual(['nianbao:prompt:closing.agency', 'nianbao:prompt:closing.date']);
  });
});

describe('a 2019-format report (2020)', () => {
  const report: Report = withValues(zeroReport('2019'), {
    's2.normative.made': 3,
    's2.normative.published': 3,
    's2.normative.total': 40,
    's2.license.previous': 148,
    's2.license.decisions': 257,
    's2.fee.previous': 2,
    's2.fee.change': -1,
    's2.procurement.count': 72,
    's2.procurement.amount': 31.65,
    's3.new.total': 4,
    's3.new.natural': 3,
    's3.new.business': 1,
    's3.granted.total': 2,
    's3.other.total': 2,
  });
  const outline = buildOutline(report);

  it('cites the 2019 format document', () => {
    const opening = outline.blocks[1];
    const t = isParagraph(opening) ? plainText(opening.runs) : '';
    expect(t).toContain('《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）');
    expect(t).not.toContain('30号');
    expect(t).toContain('2020年1月1日起至2020年12月31日');
  });

  it('states 主动公开 in the 2019 terms', () => {
    expect(firstText(outline, ACTIVE)).toBe(
      '本年新制作规范性文件3件，新公开规范性文件3件，累计对外公开规范性文件40件；作出行政许可处理决定257件；' +
        '行政事业性收费项目上一年2项，本年增/减-1项；政府集中采购项目72项，采购总金额31.65（金额单位）。',
    );
  });

  it('states 其他处理 from the single 2019 row', () => {
    const text = firstText(outline, REQUESTS);
    expect(text).toBe(
      '本年新收政府信息公开申请4件（自然人3件，法人或其他组织1件），无上年结转申请。办结4件，其中予以公开2件、其他处理2件；无结转下年度继续办理的申请。',
    );
    expect(figure(outline, REQUESTS, 'nianbao:s3.other.total')?.text).toBe('2');
  });

  it('says nothing was made or procured when the 2019 cells are all zero', () => {
    expect(firstText(buildOutline(zeroReport('2019')), ACTIVE)).toBe(
      '本年未新制作、新公开规章和规范性文件；未作出行政许可、其他对外管理服务事项、行政处罚和行政强制处理决定；无行政事业性收费项目；未开展政府集中采购。',
    );
  });

  it('takes the version from the year when the profile does not name one', () => {
    const text = JSON.stringify(buildOutline({ profile: { year: 2020 }, values: {} }));
    expect(text).toContain('60号');
    expect(text).toContain('nianbao:s2.procurement.amount');
  });
});
