// How a rule file declares its rule: `defineRule({...})` keeps the id as a literal type and infers
// the parameter type from the check's reporter, so messages are typed against it.
import type { RuleDefinition } from './types';

/** Declares one rule. `P` comes from the check's `Reporter<P>` annotation, or is given explicitly. */
export function defineRule<const Id extends string, P extends object = Record<never, never>>(
  definition: RuleDefinition<Id, P>,
): RuleDefinition<Id, P> {
  return definition;
}

/** Rounds away binary noise (0.1 + 0.2) so that deltas print as people write them. */
export const clean = (n: number): number => Math.round(n * 1e6) / 1e6;
