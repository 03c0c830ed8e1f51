// Every user-visible string, one place per locale (zh-CN first, en-US second), and the functions that
// turn data — findings, input errors — into words.
export type { Locale } from '../format';
export { formatMessage, localize, LOCALES, type LocalizedFinding } from './messages';
export { createKit, quoteUserText, signed, TEXT_LIMIT, type MessageKit } from './kit';
export type { RuleMessage, RuleMessages } from './types';
