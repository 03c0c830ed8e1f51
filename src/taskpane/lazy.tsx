// Code the pane's first screen does not need arrives in chunks loaded on demand (webpack's `import()`):
// a chunk's load is started once and shared, retried after a failure, and a failure becomes an error
// in the user's language (a chunk that cannot be fetched must never leave the pane waiting).
import { useEffect, useReducer, type ComponentType, type ReactElement } from 'react';

/** A chunk of the pane could not be loaded; the message is already in the user's language. */
export class ChunkLoadFailed extends Error {
  constructor(
    message: string,
    readonly reason: unknown,
  ) {
    super(message);
    this.name = 'ChunkLoadFailed';
  }
}

/**
 * `load` run once and its promise shared; after a failure the next call tries again (webpack forgets
 * a chunk that failed). The failure is logged and rejected as ChunkLoadFailed with `message()`.
 */
export function loadOnce<T>(load: () => Promise<T>, message: () => string): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((reason: unknown) => {
      pending = undefined;
      console.error(reason);
      throw reason instanceof ChunkLoadFailed ? reason : new ChunkLoadFailed(message(), reason);
    });
    return pending;
  };
}

export interface LazyComponent<P extends object> {
  /** Renders the component once loaded (loading it on first render if nobody has preloaded it). */
  readonly Component: (props: P) => ReactElement | null;
  /** Starts loading; resolves once the component renders without waiting. Never rejects. */
  readonly preload: () => Promise<void>;
}

/**
 * A component from a lazy chunk. Unlike React.lazy, a preloaded component renders at once (React.lazy
 * suspends on its first render even when the chunk is already there); until it has loaded the
 * component shows `loading`, and `failed` if the chunk could not be loaded.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  render: {
    readonly loading: (props: P) => ReactElement | null;
    readonly failed: (props: P) => ReactElement | null;
  },
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let failed = false;
  let pending: Promise<void> | undefined;
  const preload = (): Promise<void> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        failed = false;
      },
      (reason: unknown) => {
        console.error(reason);
        failed = true;
        pending = undefined;
      },
    );
    return pending;
  };
  function Component(props: P): ReactElement | null {
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
      if (loaded === undefined && !failed) void preload().then(rerender);
    }, []);
    if (loaded !== undefined) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    return failed ? render.failed(props) : render.loading(props);
  }
  return { Component, preload };
}
