// The Word skeleton as data (types.ts) and everything built from a report: the outline, the figure
// texts, the custom XML snapshot, and the signature the renderers' parity test compares.
export * from './types';
export { buildOutline, outlineTitle, type BuildOutlineOptions } from './build';
export { figureRunsOf, figureText, figuresOf, MAX_DECIMALS, numberText } from './figures';
export { SUMS, sumDef, sumValue, YOY_SUBJECTS, type SumDef } from './sums';
export { outlineSignature, plainText } from './signature';
export {
  buildSnapshotXml,
  escapeXmlAttribute,
  escapeXmlText,
  parseSnapshotXml,
  SNAPSHOT_NAMESPACE,
  SNAPSHOT_VERSION,
  SnapshotXmlError,
  type ParseXml,
  type Snapshot,
  type SnapshotInput,
  type SnapshotXmlProblem,
} from './snapshot';
