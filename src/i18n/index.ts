// Every user-visible string, one place per locale (zh-CN first, en-US second), and the functions that
// turn data — findings, input errors — into words.
export type { Locale } from '../format';
export { describeInputError, formatMessage, localize, LOCALES, type LocalizedFinding } from './messages';
export { displayPath, displayText, escapeUnprintable, DISPLAY_LIMIT, UNPRINTABLE_CLASS } from './display-text';
export { formatBytes } from './input-error-kit';
export { createKit, quoteUserText, signed, TEXT_LIMIT, type MessageKit } from './kit';
export type { CliLimits, CliStrings, InputErrorMessages, RuleMessage, RuleMessages } from './types';
export { GUIDANCE, guidanceFor, type CellGuidance, type GuidanceStrings, type RowGuidance } from './guidance';

import type { Locale } from '../format';
import { LOCALES } from './messages';

/** Every string of one locale. */
export type Strings = (typeof LOCALES)['zh-CN'];
/** The task pane's strings. */
export type TaskpaneStrings = Strings['taskpane'];

export function strings(locale: Locale): Strings {
  return LOCALES[locale];
}

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
