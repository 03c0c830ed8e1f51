/**
 * @jest-environment jsdom
 */
// The Excel side of the task pane as a user meets it: the form, what the button sends, and that a
// failure is shown, never swallowed.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { ExcelView, type InsertTemplateAction } from '../../src/taskpane/components/ExcelView';
import { strings as localeStrings } from '../../src/i18n';

function show(onInsertTemplate: InsertTemplateAction, locale: 'zh-CN' | 'en-US' = 'zh-CN'): void {
  const view: ReactElement = (
    <FluentProvider theme={webLightTheme}>
      <ExcelView strings={localeStrings(locale).taskpane} currentYear={2026} onInsertTemplate={onInsertTemplate} />
    </FluentProvider>
  );
  render(view);
}

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('ExcelView', () => {
  it('sends the year, the format for that year, the agency and its kind', async () => {
    const insert = jest
      .fn<ReturnType<InsertTemplateAction>, Parameters<InsertTemplateAction>>()
      .mockResolvedValue(undefined);
    show(insert);
    fireEvent.change(screen.getByPlaceholderText('例如：某某市人民政府办公室'), {
      target: { value: ' 某区政务服务中心 ' },
    });
    fireEvent.click(screen.getByLabelText('政府办公厅（室）'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入官方表格' }));
    });
    expect(insert).toHaveBeenCalledWith({
      formatVersion: '2021',
      year: 2025,
      agencyName: '某区政务服务中心',
      kind: 'office',
    });
    await waitFor(() => expect(screen.getByText('已插入官方表格。')).toBeTruthy());
  });

  it('follows the year with the format until the user picks one', async () => {
    const insert = jest
      .fn<ReturnType<InsertTemplateAction>, Parameters<InsertTemplateAction>>()
      .mockResolvedValue(undefined);
    show(insert);
    fireEvent.change(screen.getByDisplayValue('2025'), { target: { value: '２０２０' } });
    expect(screen.getByText('2020 年度的报告应使用 2019 格式。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入官方表格' }));
    });
    expect(insert.mock.calls[0][0]).toMatchObject({ formatVersion: '2019', year: 2020 });
  });

  it('refuses a year outside 2019 to the current year', () => {
    show(jest.fn());
    fireEvent.change(screen.getByDisplayValue('2025'), { target: { value: '2018' } });
    expect(screen.getByText('请输入 2019 至 2026 之间的年份。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '插入官方表格' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the error an insertion throws, in words the user can act on', async () => {
    show(() => Promise.reject(new Error('工作表受保护，无法插入。')));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入官方表格' }));
    });
    await waitFor(() => expect(screen.getByText('工作表受保护，无法插入。')).toBeTruthy());
    expect(screen.getByText('操作失败')).toBeTruthy();
  });

  it('shows a warning outcome (features skipped for lack of API support) as a warning', async () => {
    show(() => Promise.resolve({ intent: 'warning', message: '已插入表格，但此版本的 Excel 不支持数据验证。' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '插入官方表格' }));
    });
    await waitFor(() => expect(screen.getByText('已插入表格，但此版本的 Excel 不支持数据验证。')).toBeTruthy());
  });

  it('speaks English with the en-US strings', () => {
    show(jest.fn(), 'en-US');
    expect(screen.getByRole('button', { name: 'Insert official tables' })).toBeTruthy();
    expect(screen.getByText('Kind of agency')).toBeTruthy();
  });
});
