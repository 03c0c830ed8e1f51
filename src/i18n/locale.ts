// Which of our two languages a language tag means; small, for the task pane's first screen and the CLI.
import type { Locale } from '../format/types';

/**
 * A language tag (Office's display language, `--lang`, `NIANBAO_LANG`, `?lang=`) to our locale: any
 * English is en-US, everything else zh-CN, the product's language.
 */
export function pickLocale(tag: string | null | undefined): Locale {
  return tag && /^en(?:-|_|$)/i.test(tag.trim()) ? 'en-US' : 'zh-CN';
}

/** A tag that names one of our languages (`zh`, `zh-TW`, `en_GB` …), for options that must. */
export function isLocaleTag(tag: string): boolean {
  return /^(?:zh|en)(?:[-_].*)?$/i.test(tag.trim());
}
