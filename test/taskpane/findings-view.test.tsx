/**
 * @jest-environment jsdom
 */
// The findings list as a user meets it: the status line, groups in printed order with errors first,
// the attributes the scenario runner reads, 修正 only on totals and only on click, 忽略 only with a
// reason, and the dismissed list with 恢复.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { strings as localeStrings, guidanceFor } from '../../src/i18n';
import { dismiss, partitionFindings, type Finding } from '../../src/rules';
import { FindingsView, type FindingActions } from '../../src/taskpane/components/FindingsView';
import { GuidanceView } from '../../src/taskpane/components/GuidanceView';
import { buildPaneModel, findingsAt, type PaneModel } from '../../src/taskpane/live/pane-model';
import { busyReport, check, edit } from '../rules/support';

const zh = localeStrings('zh-CN');

function actions(): jest.Mocked<FindingActions> {
  return { onLocate: jest.fn(), onFix: jest.fn(), onDismiss: jest.fn(), onRestore: jest.fn() };
}

function show(model: PaneModel, acts: FindingActions = actions()): HTMLElement {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView model={model} strings={zh.taskpane} groupTitle={zh.cli.groupTitle} actions={acts} />
    </FluentProvider>,
  );
  return container;
}

const broken = edit(busyReport(), { 's4.review.total': 3, 's2.regulation.issued': 1, 's2.regulation.valid': 1 });
const modelOf = (report = broken, store: Parameters<typeof partitionFindings>[1] = []) =>
  buildPaneModel(partitionFindings(check(report), store, report), '2021', 'zh-CN');

describe('FindingsView', () => {
  it('says 可以发布 on a clean report', () => {
    show(modelOf(busyReport()));
    expect(screen.getByRole('status').textContent).toContain('可以发布');
  });

  it('says how many errors and warnings, and lists each finding with the attributes the runner reads', () => {
    const container = show(modelOf());
    expect(screen.getByRole('status').textContent).toContain('1 个错误、1 个警告');
    const items = [...container.querySelectorAll('li[data-rule]')];
    expect(items.map((li) => [li.getAttribute('data-rule'), li.getAttribute('data-severity')])).toEqual([
      ['S2-REGULATION-AUTHORITY', 'warning'],
      ['S4-GROUP-TOTAL', 'error'],
    ]);
    expect(items[1].getAttribute('data-cells')?.split(' ')[0]).toBe('s4.review.total');
    expect(screen.getByRole('heading', { name: /表四/ })).toBeTruthy();
  });

  it('offers 修正 only on the total, and calls it only on click', () => {
    const acts = actions();
    const container = show(modelOf(), acts);
    const total = container.querySelector('li[data-rule="S4-GROUP-TOTAL"]') as HTMLElement;
    const warning = container.querySelector('li[data-rule="S2-REGULATION-AUTHORITY"]') as HTMLElement;
    expect(within(warning).queryByRole('button', { name: /修正/ })).toBeNull();
    expect(acts.onFix).not.toHaveBeenCalled();
    fireEvent.click(within(total).getByRole('button', { name: '修正为 2' }));
    expect(acts.onFix).toHaveBeenCalledWith(
      expect.objectContaining({ rule: 'S4-GROUP-TOTAL', fix: { cell: 's4.review.total', value: 2 } }),
    );
    fireEvent.click(within(total).getByRole('button', { name: '定位' }));
    expect(acts.onLocate).toHaveBeenCalledWith(expect.objectContaining({ rule: 'S4-GROUP-TOTAL' }));
  });

  it('dismisses a warning only with a reason; an error has no 忽略', () => {
    const acts = actions();
    const container = show(modelOf(), acts);
    const total = container.querySelector('li[data-rule="S4-GROUP-TOTAL"]') as HTMLElement;
    expect(within(total).queryByRole('button', { name: '忽略' })).toBeNull();
    const warning = container.querySelector('li[data-rule="S2-REGULATION-AUTHORITY"]') as HTMLElement;
    fireEvent.click(within(warning).getByRole('button', { name: '忽略' }));
    fireEvent.click(within(warning).getByRole('button', { name: '确认忽略' }));
    expect(acts.onDismiss).not.toHaveBeenCalled();
    expect(within(warning).getByText('请填写理由。')).toBeTruthy();
    fireEvent.change(within(warning).getByRole('textbox'), { target: { value: ' 本单位有规章制定权 ' } });
    fireEvent.click(within(warning).getByRole('button', { name: '确认忽略' }));
    expect(acts.onDismiss).toHaveBeenCalledWith(
      expect.objectContaining({ rule: 'S2-REGULATION-AUTHORITY' }),
      '本单位有规章制定权',
    );
  });

  it('lists a dismissed warning under 已忽略 with its reason, and 恢复 restores it', () => {
    const warning = check(broken).find((f) => f.rule === 'S2-REGULATION-AUTHORITY') as Finding;
    const acts = actions();
    const container = show(modelOf(broken, dismiss([], warning, broken, '有制定权', '2025-01-10T09:00:00Z')), acts);
    expect(screen.getByRole('status').textContent).toContain('1 个错误');
    expect(screen.getByRole('status').textContent).not.toContain('警告');
    const dismissed = container.querySelector('li[data-dismissed="true"]') as HTMLElement;
    expect(dismissed.getAttribute('data-rule')).toBe('S2-REGULATION-AUTHORITY');
    expect(within(dismissed).getByText('理由：有制定权')).toBeTruthy();
    fireEvent.click(within(dismissed).getByRole('button', { name: '恢复' }));
    expect(acts.onRestore).toHaveBeenCalledWith(warning.findingKey);
  });
});

describe('GuidanceView', () => {
  const showGuidance = (key: string, label: string): void => {
    const guidance = guidanceFor('2021', key, 'zh-CN');
    if (!guidance) throw new Error(`no guidance for ${key}`);
    render(
      <FluentProvider theme={webLightTheme}>
        <GuidanceView label={label} guidance={guidance} findings={findingsAt(modelOf(), key)} strings={zh.taskpane} />
      </FluentProvider>,
    );
  };

  it('says what a 表三 row counts, its article and the general counting rules', () => {
    showGuidance('s3.denied.secret.natural', '表三 · 自然人 · 1.属于国家秘密');
    expect(screen.getByRole('heading', { name: '当前单元格：表三 · 自然人 · 1.属于国家秘密' })).toBeTruthy();
    expect(screen.getAllByText(/国家秘密/).length).toBeGreaterThan(1);
    expect(screen.getByText('依据：《政府信息公开条例》第十四条')).toBeTruthy();
    expect(screen.getByRole('list', { name: '统计口径' }).textContent).toContain('部分公开');
    expect(screen.getByText('本单元格未发现问题。')).toBeTruthy();
  });

  it('lists the findings that involve the selected cell', () => {
    showGuidance('s4.review.upheld', '表四 · 行政复议 · 结果维持');
    expect(screen.getByText('本单元格涉及 1 个问题：')).toBeTruthy();
    expect(screen.getAllByText(/行政复议/).length).toBeGreaterThan(0);
  });
});
