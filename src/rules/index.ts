// Validation: the rules of RULES.md, one file each, the catalogue derived from them, the identities
// as data, one engine, and messages per locale.
export { RULES, RULE_IDS, isRuleId, ruleDef, severityOf, type AnyRule, type ParamsOf, type RuleId } from './catalogue';
export { createContext, type ValidateOptions } from './context';
export { validate, validateText, summarize, type Summary } from './engine';
export { BLANK_LIST_LIMIT, findingKey, findingTable, type Finding, type FindingTable } from './finding';
export {
  dismiss,
  fingerprintOf,
  isDismissable,
  partitionFindings,
  restore,
  type DismissedFinding,
  type Dismissal,
  type PartitionedFindings,
} from './dismissals';
export { identitiesOf } from './identities';
export { sectionOfHeading } from './text/text-rules';
export { TEXT_NUMBER_PHRASES, textNumberCells, textNumberTargets, type TextNumberTarget } from './text/text-numbers';
export type * from './types';
