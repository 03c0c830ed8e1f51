// The message of a finding in a locale: the rule's template, then the advice of its hints.
import type { FormatVersion, Locale } from '../format';
import type { ReportInputError } from '../report';
import type { Finding, RuleId } from '../rules';
import { enUS } from './en-US';
import { printableParams } from './input-error-kit';
import { createKit, type MessageKit } from './kit';
import type { RuleMessage } from './types';
import { zhCN } from './zh-CN';

export const LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } as const;

const KITS = new Map<string, MessageKit>();

function kitFor(version: FormatVersion, locale: Locale): MessageKit {
  const id = `${version}/${locale}`;
  let kit = KITS.get(id);
  if (!kit) {
    kit = createKit(version, locale);
    KITS.set(id, kit);
  }
  return kit;
}

/** A rule's template applied to one of its findings (the map is typed per rule, the lookup is not). */
function render(rule: RuleId, finding: Finding, kit: MessageKit, locale: Locale): string {
  const template = LOCALES[locale].rules[rule] as RuleMessage<RuleId>;
  return template(finding, kit);
}

/** The message of a finding in a locale, with the advice of its hints appended. */
export function formatMessage(finding: Finding, version: FormatVersion, locale: Locale = 'zh-CN'): string {
  const kit = kitFor(version, locale);
  const main = render(finding.rule, finding, kit, locale);
  const hints = (finding.hints ?? []).map((hint) => render(hint, finding, kit, locale));
  return [main, ...hints].join(locale === 'zh-CN' ? '' : ' ');
}

export type LocalizedFinding = Finding & { readonly message: string };

export function localize(
  findings: readonly Finding[],
  version: FormatVersion,
  locale: Locale = 'zh-CN',
): LocalizedFinding[] {
  return findings.map((f) => ({ ...f, message: formatMessage(f, version, locale) }));
}

/** What went wrong reading an input, in the user's language (file names and texts made printable). */
export function describeInputError(error: ReportInputError, locale: Locale = 'zh-CN'): string {
  return LOCALES[locale].inputErrors[error.code](printableParams(error.params));
}
