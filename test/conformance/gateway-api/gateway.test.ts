import { TestValidateGateway, TestValidateGatewayStatusCases } from './gateway-tables';
import { runCase } from './upstream';

/**
 * Gateway API v1.5.1's own Gateway CEL tests (tests/cel/gateway_test.go, TestValidateGateway) through
 * `validateObject` (src/validation/gateway): the waypoint Gateway a CanaryService writes is one of these
 * objects. Stricter by design: none.
 */
const results = TestValidateGateway.cases.map(c => runCase(TestValidateGateway, c));

describe('TestValidateGateway (gateway-api v1.5.1)', () => {
  test.each(TestValidateGateway.cases.map(c => [c.name, c] as const))('%s', (_, c) => {
    const r = runCase(TestValidateGateway, c);
    expect({ refused: r.weRefuse, missing: r.missing }).toEqual({ refused: r.upstreamRefuses, missing: [] });
  });
});

test('counts: ported, agreeing, stricter by design, not expressible', () => {
  const counts = {
    ported: results.length,
    agreeing: results.filter(r => r.weRefuse === r.upstreamRefuses && r.missing.length === 0).length,
    stricterByDesign: 0,
    notExpressibleByTheConstruct: results.filter(r => !r.expressible).length,
    statusUpdatesNotRun: TestValidateGatewayStatusCases.length,
  };
  // eslint-disable-next-line no-console
  console.log(`gateway-api v1.5.1 Gateway CEL tests: ${JSON.stringify(counts)}`);
  expect(counts).toEqual({ ported: 30, agreeing: 30, stricterByDesign: 0, notExpressibleByTheConstruct: 30, statusUpdatesNotRun: 2 });
});
