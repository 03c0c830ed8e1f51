// Every user-visible string, one place per locale (zh-CN first, en-US second), and the functions that
// turn data — findings, input errors — into words.
export type { Locale } from '../format';
export { describeInputError, formatMessage, localize, LOCALES, type LocalizedFinding } from './messages';
export { displayPath, displayText, escapeUnprintable, DISPLAY_LIMIT, UNPRINTABLE_CLASS } from './display-text';
export { formatBytes } from './input-error-kit';
export { createKit, quoteUserText, signed, TEXT_LIMIT, type MessageKit } from './kit';
export type { CliLimits, CliStrings, InputErrorMessages, RuleMessage, RuleMessages } from './types';
export { pickLocale, isLocaleTag } from './locale';
export { taskpaneStrings } from './taskpane';
export { GUIDANCE, guidanceFor, type CellGuidance, type GuidanceStrings, type RowGuidance } from './guidance';

import type { Locale } from '../format';
import { LOCALES } from './messages';

/** Every string of one locale. */
export type Strings = (typeof LOCALES)['zh-CN'];
/** The task pane's strings. */
export type { TaskpaneStrings } from './taskpane';

export function strings(locale: Locale): Strings {
  return LOCALES[locale];
}
