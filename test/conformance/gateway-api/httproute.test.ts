import { HTTPROUTE_TABLES } from './httproute-tables';
import { CaseResult, runCase } from './upstream';

/**
 * Gateway API v1.5.1's own HTTPRoute CEL tests (tests/cel/httproute_test.go, httproute_standard_test.go),
 * every case run through `validateObject` (src/validation/gateway): accepted exactly when upstream's API
 * server accepts, and every error string upstream expects found among our Problems.
 *
 * Stricter by design: none. Gateway API has had no validating webhook since v1.1, so the CRD (schema and CEL)
 * is the whole of its admission and these tables are all of its HTTPRoute admission tests.
 */
const STRICTER_BY_DESIGN: ReadonlyArray<[table: string, name: string, why: string]> = [];

const results: CaseResult[] = HTTPROUTE_TABLES.flatMap(table => table.cases.map(c => runCase(table, c)));

describe.each(HTTPROUTE_TABLES.map(t => [t.test, t] as const))('%s (gateway-api v1.5.1)', (_, table) => {
  test.each(table.cases.map(c => [c.name, c] as const))('%s', (__, c) => {
    const r = runCase(table, c);
    const stricter = STRICTER_BY_DESIGN.some(([t, n]) => t === table.test && n === c.name);
    if (stricter) {
      expect(r.weRefuse && !r.upstreamRefuses).toBe(true);
    } else {
      expect({ refused: r.weRefuse, missing: r.missing }).toEqual({ refused: r.upstreamRefuses, missing: [] });
    }
  });
});

test('counts: ported, agreeing, stricter by design, not expressible by CanaryService', () => {
  const agreeing = results.filter(r => r.weRefuse === r.upstreamRefuses && r.missing.length === 0);
  const counts = {
    ported: results.length,
    agreeing: agreeing.length,
    stricterByDesign: STRICTER_BY_DESIGN.length,
    notExpressibleByTheConstruct: results.filter(r => !r.expressible).length,
    expressibleAndAgreeing: agreeing.filter(r => r.expressible).length,
  };
  // eslint-disable-next-line no-console
  console.log(`gateway-api v1.5.1 HTTPRoute CEL tests: ${JSON.stringify(counts)}`);
  expect(counts).toEqual({ ported: 97, agreeing: 97, stricterByDesign: 0, notExpressibleByTheConstruct: 80, expressibleAndAgreeing: 17 });
});
