// Messages per locale, kept apart from the checks: a finding is data; its text is made here.
import type { FormatVersion, Locale } from '../../format';
import type { Finding } from '../types';
import { enUS } from './en-US';
import { createKit, type MessageCatalogue, type MessageKit } from './kit';
import { zhCN } from './zh-CN';

export const MESSAGES: Readonly<Record<Locale, MessageCatalogue>> = { 'zh-CN': zhCN, 'en-US': enUS };

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

/** The message of a finding in a locale, with the advice of its hints appended. */
export function formatMessage(finding: Finding, version: FormatVersion, locale: Locale = 'zh-CN'): string {
  const kit = kitFor(version, locale);
  const catalogue = MESSAGES[locale];
  const main = catalogue[finding.rule](finding, kit);
  const hints = (finding.hints ?? []).map((hint) => catalogue[hint](finding, kit));
  return [main, ...hints].join(locale === 'zh-CN' ? '' : ' ');
}

export interface LocalizedFinding extends Finding {
  readonly message: string;
}

export function localize(
  findings: readonly Finding[],
  version: FormatVersion,
  locale: Locale = 'zh-CN',
): LocalizedFinding[] {
  return findings.map((f) => ({ ...f, message: formatMessage(f, version, locale) }));
}

export { createKit, signed } from './kit';
export type { MessageCatalogue, MessageKit, MessageTemplate } from './kit';
