// S3-DOUBLE-COUNT: not a finding of its own but advice on S3-BALANCE, when total + carriedOver exceeds
// new + carriedIn: an application handled in parts counts once, under （二）部分公开.
import { defineRule } from '../define';
import type { Evaluation } from '../identity-check';
import { identityReads } from '../identity-check';

export const S3_DOUBLE_COUNT = 'S3-DOUBLE-COUNT';

/** More outcomes than applications: the result side of the balance is larger than the inputs. */
export const isDoubleCount = (balance: Evaluation): boolean => balance.actual > balance.expected;

export const s3DoubleCount = defineRule({
  id: S3_DOUBLE_COUNT,
  severity: 'info',
  tables: ['s3'],
  input: 'hint',
  clause:
    'When `total.c + carriedOver.c > new.c + carriedIn.c`, the message adds: an application handled in parts counts once, under （二）部分公开.',
  reads: (format) => identityReads(format, 'S3-BALANCE'),
});
