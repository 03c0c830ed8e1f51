/**
 * @jest-environment jsdom
 */
// Lazy chunks of the pane: a load is shared, retried after a failure, and a failure is an error in the
// user's language — the pane never waits for a chunk that did not come.
import { act, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { strings as localeStrings } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { LazyLivePanel } from '../../src/taskpane/components/LazyLivePanel';
import { ChunkLoadFailed, lazyComponent, loadOnce } from '../../src/taskpane/lazy';

// The live chunk cannot be fetched (the network went away): its import() rejects.
jest.mock('../../src/taskpane/components/LivePanel', () => {
  throw new Error('Loading chunk live failed.');
});

beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('loadOnce', () => {
  it('loads once for every caller', async () => {
    const load = jest.fn().mockResolvedValue('chunk');
    const get = loadOnce(load, () => 'failed');
    await expect(Promise.all([get(), get()])).resolves.toEqual(['chunk', 'chunk']);
    await get();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('rejects a failed load with the message given, keeps the reason, and tries again next time', async () => {
    const reason = new Error('Loading chunk 123 failed.');
    const load = jest.fn().mockRejectedValueOnce(reason).mockResolvedValueOnce('chunk');
    const get = loadOnce(load, () => localeStrings('en-US').taskpane.common.loadFailed);
    const failure = await get().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChunkLoadFailed);
    expect((failure as ChunkLoadFailed).message).toBe(localeStrings('en-US').taskpane.common.loadFailed);
    expect((failure as ChunkLoadFailed).reason).toBe(reason);
    await expect(get()).resolves.toBe('chunk');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

function Hello({ name }: { readonly name: string }): JSX.Element {
  return <p>hello {name}</p>;
}

describe('lazyComponent', () => {
  const views = {
    loading: () => <p>loading</p>,
    failed: ({ name }: { name: string }) => <p role="alert">failed {name}</p>,
  };

  it('shows the loading view, then the component once its chunk is there', async () => {
    let resolve: (c: (p: { name: string }) => JSX.Element) => void = () => undefined;
    const lazy = lazyComponent<{ name: string }>(() => new Promise((r) => (resolve = r)), views);
    render(<lazy.Component name="x" />);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => resolve(Hello));
    expect(screen.getByText('hello x')).toBeTruthy();
  });

  it('renders a preloaded component at once, without a loading view', async () => {
    const lazy = lazyComponent<{ name: string }>(async () => Hello, views);
    await lazy.preload();
    render(<lazy.Component name="y" />);
    expect(screen.getByText('hello y')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('shows the failed view when the chunk cannot be loaded, and preload does not reject', async () => {
    const lazy = lazyComponent<{ name: string }>(() => Promise.reject(new Error('offline')), views);
    await expect(lazy.preload()).resolves.toBeUndefined();
    render(<lazy.Component name="z" />);
    expect(screen.getByRole('alert').textContent).toBe('failed z');
  });
});

describe('LazyLivePanel', () => {
  it.each(['zh-CN', 'en-US'] as const)('says in %s that part of the pane could not be loaded', async (locale) => {
    const live = { sheets: [], damaged: [], starting: false };
    const noop = (): void => undefined;
    const actions = { onLocate: noop, onFix: noop, onDismiss: noop, onRestore: noop, onRecheck: noop, onRepair: noop };
    render(
      <FluentProvider theme={webLightTheme}>
        <LazyLivePanel state={live} locale={locale} actions={actions} />
      </FluentProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(localeStrings(locale).taskpane.common.loadFailed);
  });
});

describe('App', () => {
  it('shows a pane-level error (a chunk that failed to load) before live validation has started', () => {
    const message = localeStrings('zh-CN').taskpane.common.loadFailed;
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          host={{ kind: 'excel' }}
          locale="zh-CN"
          currentYear={2026}
          actions={{ onInsertTemplate: async () => undefined }}
          error={message}
        />
      </FluentProvider>,
    );
    expect(screen.getByText(message)).toBeTruthy();
    // The insert form is there all the same.
    expect(screen.getByRole('button', { name: '插入官方表格' })).toBeTruthy();
  });
});
