// The merge (汇总) of the reports of several units into one: pure, for the command line and the pane.
export { mergeReports } from './merge';
export { describeMergeNote, MERGE_NOTE_CODES } from './messages';
export { baseName, matchExpected, normalizeName, unitName } from './names';
export { exactSum, MAX_DECIMALS, type SumResult } from './sum';
export type * from './types';
export { mergeDetail, type DetailValue, type MergeDetail } from './detail';
export { unitsOfFile } from './units';
