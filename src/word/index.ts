// The Word side: the live writer of the skeleton, the refresh of its linked figures, and the port the
// task pane uses. Only this folder (and the pane's composition root) touches Word.
export {
  FEATURE_MIN_WORD_API,
  planWordApi,
  REQUIRED_WORD_API,
  type WordApiPlan,
  type WordFeature,
} from './api-support';
export { WordLinkError, type WordLinkErrorCode } from './errors';
export type { HandEditedFigure, LinkOutcome, LockedFigure, UpdatedFigure } from './link';
export {
  createWordPort,
  type GenerateOptions,
  type WordPort,
  type WordPortOptions,
  type WordRunner,
  type WordSupport,
} from './port';
export { refreshFigures, type LinkReport, type RefreshOptions } from './refresh';
export { renderOutline, type RenderOptions, type RenderResult } from './render';
export {
  SNAPSHOT_SETTING,
  SnapshotStore,
  type SavedSnapshot,
  type SnapshotSource,
  type StoredSnapshot,
} from './snapshot-store';
