// The kinds of agency in words, for the CLI's messages and the task pane's form (which loads before the rest).
import type { AgencyKind } from '../report/report';

export const KINDS: Readonly<Record<AgencyKind, { readonly label: string; readonly detail: string }>> = {
  government: { label: '人民政府', detail: '（含乡镇、街道）' },
  office: { label: '政府办公厅（室）', detail: '' },
  department: { label: '政府部门', detail: '及其他机关' },
};

export const KINDS_EN: Readonly<Record<AgencyKind, { readonly label: string; readonly detail: string }>> = {
  government: { label: 'People’s government', detail: ' (incl. townships and sub-districts)' },
  office: { label: 'General office of a government', detail: '' },
  department: { label: 'Government department', detail: ' or other body' },
};
