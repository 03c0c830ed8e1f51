// The importer names the figures the prose states (src/import/figure-phrases.ts); TEXT-NUMBERS compares
// each with the cells its own table says (src/rules/text/text-numbers.ts: the rules may not import the
// importer). The two lists must agree, phrase by phrase, in both formats.
import { getFormat } from '../../src/format';
import { FIGURE_PHRASES, figureTargets } from '../../src/import';
import { textNumberCells } from '../../src/rules';

describe('the phrases of the importer and of TEXT-NUMBERS', () => {
  it.each(FIGURE_PHRASES.map((p) => [p.phrase] as const))('%s is compared with the same cells', (phrase) => {
    for (const version of ['2021', '2019'] as const) {
      const cells = textNumberCells(phrase, getFormat(version));
      expect([version, cells]).toEqual([version, figureTargets(phrase, version)]);
      expect(cells.length).toBeGreaterThan(0);
    }
  });
});
