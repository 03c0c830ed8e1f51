// The profile as users see it in the sheet: agency kinds and the 规章 flag in Chinese words, read
// back into the report's codes. Shared by the layout (list validations) and the readers.
import { strings } from '../i18n';
import { AGENCY_KINDS, type AgencyKind } from '../report';

/** The kinds as the sheet's list offers them: the short zh-CN labels (the sheet is in Chinese). */
export const KIND_LABELS: Readonly<Record<AgencyKind, string>> = Object.fromEntries(
  AGENCY_KINDS.map((kind) => [kind, strings('zh-CN').kinds[kind].label]),
) as Record<AgencyKind, string>;

export const REGULATION_LABELS = strings('zh-CN').sheet.regulations;

const normalise = (text: string): string => text.trim().replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

/** The kind named by a cell: its Chinese label, a looser spelling of it, or the code itself. */
export function kindFromText(text: string): AgencyKind | undefined {
  const t = normalise(text);
  if (t === '') return undefined;
  for (const [kind, label] of Object.entries(KIND_LABELS) as [AgencyKind, string][]) {
    if (t === label || t.toLowerCase() === kind) return kind;
  }
  if (/办公厅|办公室/.test(t)) return 'office';
  if (/部门|机关|局|委/.test(t)) return 'department';
  if (/人民政府|政府$|乡|镇|街道/.test(t)) return 'government';
  return undefined;
}

/** 是/否 (or yes/no, true/false) as a boolean; anything else is unknown. */
export function regulationsFromText(text: string): boolean | undefined {
  const t = normalise(text).toLowerCase();
  if (t === REGULATION_LABELS.yes || t === 'yes' || t === 'true' || t === '有') return true;
  if (t === REGULATION_LABELS.no || t === 'no' || t === 'false' || t === '无') return false;
  return undefined;
}
