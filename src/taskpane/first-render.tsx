// The moment the pane's first screen is on the page: React has committed it (DOM and Fluent's styles in
// place; the browser paints it at its next frame). The composition root waits for it before it loads
// what the first screen does not need, and it is marked (performance mark `nianbao:first-render`,
// relative to navigation start) for profiling in the webview's developer tools. `npm run bench` times
// the same moment from outside, build-independently (test/e2e/bench.mjs).
import { useLayoutEffect, type ReactElement, type ReactNode } from 'react';

export const FIRST_RENDER_MARK = 'nianbao:first-render';

let rendered: () => void = () => undefined;
const firstRender = new Promise<void>((resolve) => {
  rendered = resolve;
});

/** Resolves after the first commit of whatever the pane renders first (at once if that has happened). */
export function whenFirstRendered(): Promise<void> {
  return firstRender;
}

/** Wraps the pane's tree; its first commit marks and resolves whenFirstRendered. */
export function FirstRender({ children }: { readonly children: ReactNode }): ReactElement {
  useLayoutEffect(() => {
    if (typeof performance !== 'undefined' && typeof performance.mark === 'function') {
      if (performance.getEntriesByName(FIRST_RENDER_MARK).length === 0) performance.mark(FIRST_RENDER_MARK);
    }
    rendered();
  }, []);
  return <>{children}</>;
}
