// The task pane's strings by locale, loadable without the rule and CLI catalogues (src/i18n/index.ts
// assembles everything). The pane's first screen imports only ./first.ts, a part of these.
import type { Locale } from '../../format/types';
import { taskpaneEnUS } from './en-US';
import { taskpaneZhCN } from './zh-CN';

export { pickLocale } from '../locale';
export { firstScreenStrings, type FirstScreenStrings } from './first';

/** The task pane's strings. */
export type TaskpaneStrings = typeof taskpaneZhCN;

const TASKPANE: Readonly<Record<Locale, TaskpaneStrings>> = { 'zh-CN': taskpaneZhCN, 'en-US': taskpaneEnUS };

export function taskpaneStrings(locale: Locale): TaskpaneStrings {
  return TASKPANE[locale];
}
