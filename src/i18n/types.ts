// The shapes every locale fills in: one message template per rule, typed by the rule's own
// parameters, so that a misspelt parameter fails to compile instead of printing an empty string.
import type { Finding, RuleId } from '../rules';
import type { MessageKit } from './kit';

export type RuleMessage<R extends RuleId> = (f: Finding<R>, k: MessageKit) => string;

export type RuleMessages = { readonly [R in RuleId]: RuleMessage<R> };
