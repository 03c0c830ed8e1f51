// The task pane's first-screen strings by locale: what the pane imports before its first render (the
// header, banners, the insert form, the Word view's buttons). Everything else comes with the lazy parts.
import type { Locale } from '../../format/types';
import { firstEnUS } from './first-en-US';
import { firstZhCN } from './first-zh-CN';

export { pickLocale } from '../locale';

/** The first screen's strings: a part of TaskpaneStrings. */
export type FirstScreenStrings = typeof firstZhCN;

const FIRST: Readonly<Record<Locale, FirstScreenStrings>> = { 'zh-CN': firstZhCN, 'en-US': firstEnUS };

export function firstScreenStrings(locale: Locale): FirstScreenStrings {
  return FIRST[locale];
}
