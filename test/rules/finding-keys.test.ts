// Finding keys are stored in workbooks with each dismissal: a key that changes between releases
// would bring back every warning a user dismissed last year. These keys were computed once and
// must never change; a rule whose scope or key cells change needs a migration, not a new pin.
import { check } from './support';
import { KITCHEN } from './finding-keys.reports';

const PINNED: Readonly<Record<keyof typeof KITCHEN, readonly string[]>> = {
  '2021 with last year': [
    'CELL-BLANK|s3.new.otherOrg|7bc71d9b',
    'CELL-NOT-NUMBER|s3.new.nonprofit|0501c030',
    'CELL-NEGATIVE|s3.new.legal|c5387f30',
    'CELL-NOT-INTEGER|s3.new.research|3d330a42',
    'CELL-PRECISION|s2.fee.amount|0b55c178',
    'S3-BALANCE|natural|90787c7c',
    'S3-BALANCE|research|3f099740',
    'S3-BALANCE|legal|8ac2439c',
    'S3-OUTCOME-TOTAL|natural|83e99dc2',
    'S3-ROW-TOTAL|total|80a22e39',
    'S4-GROUP-TOTAL|review|8d9ec5fa',
    'S2-FEE-UNIT|fee|0b55c178',
    'S2-REGULATION-AUTHORITY|regulation|438aaffd',
    'S3-CARRY-CONTINUITY|natural|74a79069',
    'S3-CARRY-CONTINUITY|total|cede5a11',
    'S2-VALID-STOCK|normative|012457ab',
  ],
  'zero year and mixed layouts': [
    'FORMAT-VERSION|foreignRow:s3.other|771ba119',
    'S3-ZERO-YEAR|research|00c532f0',
    'S3-ZERO-YEAR|total|e9b27b79',
  ],
  '2019 layout in 2022': ['FORMAT-VERSION|year|61e35ce3', 'S2-2019-DECISIONS|license|6b6dfeb9'],
  'copied from last year': [
    'S3-CARRY-CONTINUITY|natural|74a79069',
    'S3-CARRY-CONTINUITY|total|cede5a11',
    'S3-SAME-AS-LAST-YEAR|s3|e8fdf679',
    'S3-SAME-AS-LAST-YEAR|s2|f271c4ad',
    'S3-SAME-AS-LAST-YEAR|s4|555622b0',
    'S2-VALID-STOCK|normative|012457ab',
  ],
};

it.each(Object.entries(KITCHEN))('the finding keys of “%s” are the pinned ones', (name, report) => {
  expect(check(report).map((f) => f.findingKey)).toEqual(PINNED[name as keyof typeof KITCHEN]);
});

it('pins a key for every rule the engine runs', () => {
  const ruled = new Set(Object.values(PINNED).flatMap((keys) => keys.map((k) => k.split('|')[0])));
  expect([...ruled].sort()).toEqual(
    [
      'CELL-BLANK',
      'CELL-NEGATIVE',
      'CELL-NOT-INTEGER',
      'CELL-NOT-NUMBER',
      'CELL-PRECISION',
      'FORMAT-VERSION',
      'S2-2019-DECISIONS',
      'S2-FEE-UNIT',
      'S2-REGULATION-AUTHORITY',
      'S2-VALID-STOCK',
      'S3-BALANCE',
      'S3-CARRY-CONTINUITY',
      'S3-OUTCOME-TOTAL',
      'S3-ROW-TOTAL',
      'S3-SAME-AS-LAST-YEAR',
      'S3-ZERO-YEAR',
      'S4-GROUP-TOTAL',
    ].sort(),
  );
});
