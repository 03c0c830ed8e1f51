// The pane's DOM as the driver uses it, from inside the pane's own page: what it shows (the findings'
// data-rule / data-severity / data-cells, outside 已忽略, and the [data-status] line, as test/e2e/run.mjs
// reads them) and its controls, found by structure or by the pane's own strings in the pane's language
// (Office's display language decides it), then used as a user would: typed into, clicked.
import { pickLocale, strings, type TaskpaneStrings } from '../../src/i18n';
import type { Locale } from '../../src/format';
import type { ShownFinding } from './scenario';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The pane's language, as its composition root set it on <html lang>. */
export function paneLocale(doc: Document = document): Locale {
  return pickLocale(doc.documentElement.lang);
}

export function paneStrings(doc: Document = document): TaskpaneStrings {
  return strings(paneLocale(doc)).taskpane;
}

export interface Shown {
  readonly findings: ShownFinding[];
  readonly status: string;
}

/** What the pane shows: the findings not dismissed, and the status line. */
export function shown(doc: Document = document): Shown {
  const findings = Array.from(doc.querySelectorAll('li[data-rule]'))
    .filter((li) => li.getAttribute('data-dismissed') !== 'true')
    .map((li) => ({
      rule: li.getAttribute('data-rule') ?? '',
      severity: li.getAttribute('data-severity') ?? '',
      cells: (li.getAttribute('data-cells') ?? '').split(' ').filter(Boolean),
    }));
  const status = doc.querySelector('[data-status]');
  return { findings, status: status ? (status.textContent ?? '').trim() : '' };
}

/** The pane says it is still starting (its main element is aria-busy): not settled yet. */
export function paneBusy(doc: Document = document): boolean {
  return doc.querySelector('main[aria-busy="true"]') !== null;
}

/** Polls `find` until it returns something (or throws after `timeoutMs` with `what`). */
export async function waitFor<T>(find: () => T | null | undefined, what: string, timeoutMs = 15000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== null && found !== undefined) return found;
    if (Date.now() > until) throw new Error(`等待超时：${what}`);
    await sleep(50);
  }
}

const text = (el: Element): string => (el.textContent ?? '').trim();

/** The first enabled button inside `root` whose text passes `test`. */
export function buttonWhere(root: ParentNode, test: (label: string) => boolean): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll('button')).find((b) => !b.disabled && test(text(b)));
}

function itemOf(rule: string, dismissed: boolean, doc: Document): HTMLElement | null {
  const items = Array.from(doc.querySelectorAll<HTMLElement>('li[data-rule]'));
  return (
    items.find(
      (li) => li.getAttribute('data-rule') === rule && (li.getAttribute('data-dismissed') === 'true') === dismissed,
    ) ?? null
  );
}

/** The first finding shown for a rule (not a dismissed one). */
export function findingItem(rule: string, doc: Document = document): HTMLElement | null {
  return itemOf(rule, false, doc);
}

/** The first dismissed finding of a rule (under 已忽略). */
export function dismissedItem(rule: string, doc: Document = document): HTMLElement | null {
  return itemOf(rule, true, doc);
}

/** Sets a React-controlled input's value as typing does (the native setter, then an input event). */
export function fill(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The pane has rendered its UI (run.mjs waits for the same element). */
export function paneReady(doc: Document = document): Promise<HTMLElement> {
  return waitFor(() => doc.querySelector<HTMLElement>('main'), '任务窗格 <main>', 30000);
}

/** The 修正为 N button of a finding, with N read from its label. */
export function fixButton(
  item: ParentNode,
  t: TaskpaneStrings,
): { button: HTMLButtonElement; value: string } | undefined {
  const marker = '\u0000';
  const [prefix, suffix] = t.live.fix(marker).split(marker);
  const button = buttonWhere(item, (label) => label.startsWith(prefix) && label.endsWith(suffix));
  if (!button) return undefined;
  const label = text(button);
  return { button, value: label.slice(prefix.length, label.length - suffix.length).trim() };
}
