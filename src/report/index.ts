// A report's values and profile, how raw cell input is read, and the JSON interchange.
export * from './cell-value';
export * from './errors';
export * from './json';
export * from './report';
export * from './year';
export type { ReportText, StatedFigure, TextHeading } from './text';
export {
  buildPreviousXml,
  PREVIOUS_NAMESPACE,
  previousFromFields,
  type PreviousFields,
  type StoredPrevious,
} from './previous-part';
