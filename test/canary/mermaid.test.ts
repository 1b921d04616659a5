import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { buildReviews } from './reviews';
import { CanaryService, LoadBalancerSettings } from '../../src';
import { only, synthValid } from '../util/validate';

describe('toMermaid()', () => {
  test('draws the rules in evaluation order, the weighted split, 0% edges dotted, mirrors dotted', () => {
    // GIVEN three versions, a header rule with a mirror, a URI rule, and v3 at 0%
    const c = new CanaryService(Testing.chart(), 'shop', {
      versions: ['v1', 'v2', 'v3'].map(name => ({ name, containers: [{ image: `ghcr.io/example/shop:${name}`, portNumber: 8080 }] })),
      weights: { v1: 90, v2: 10 },
      trafficPolicy: { loadBalancer: LoadBalancerSettings.random() },
    });
    c.routeUri({ prefix: '/beta' }, 'v3');
    c.addRoute({ match: { headers: { 'user-agent': { regex: '.*"Mobile".*' } } }, version: 'v2', mirror: { version: 'v3', percentage: 5 } });
    // WHEN / THEN
    expect(c.toMermaid()).toBe([
      'flowchart LR',
      '  request(["shop"])',
      '  rule1{"1. header user-agent ~ .*#quot;Mobile#quot;.*"}',
      '  rule2{"2. uri starts with /beta"}',
      '  rule3{"3. weighted split"}',
      '  subset0["v1<br/>RANDOM"]',
      '  subset1["v2<br/>RANDOM"]',
      '  subset2["v3<br/>RANDOM"]',
      '  request --> rule1',
      '  rule1 -->|match| subset1',
      '  rule1 -.->|mirror 5%| subset2',
      '  rule1 -->|no match| rule2',
      '  rule2 -->|match| subset2',
      '  rule2 -->|no match| rule3',
      '  rule3 -->|90%| subset0',
      '  rule3 -->|10%| subset1',
      '  rule3 -.->|0%| subset2',
      '',
    ].join('\n'));
  });
});

describe('README', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../docs/canary.md'), 'utf-8');

  /** The text between `<!-- begin:id -->` and `<!-- end:id -->`, without the code fence. */
  function block(id: string): string {
    const found = new RegExp(`<!-- begin:${id} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n<!-- end:${id} -->`).exec(readme);
    if (!found) throw new Error(`README.md has no block ${id}`);
    return found[1];
  }

  // GIVEN the seed example, as the README shows it
  const chart = Testing.chart();
  const service = buildReviews(chart);
  const objects = synthValid(chart);

  test('shows the example code word for word', () => {
    const source = fs.readFileSync(path.join(__dirname, 'reviews.ts'), 'utf-8');
    const code = /\/\/ begin:readme\n([\s\S]*?)\s*\/\/ end:readme/.exec(source)![1].replace(/^ {2}/gm, '');
    // the guide's block imports what it uses (test/docs/samples.test.ts runs it); the rest is this code
    expect(block('canary-code').replace(/^(import .*\n)+\n/, '')).toBe(`${code}\n`);
  });

  test('shows the DestinationRule and VirtualService it produces', () => {
    const yaml = ['DestinationRule', 'VirtualService'].map(kind => stringify(only(objects, kind))).join('---\n');
    expect(block('canary-yaml')).toBe(yaml);
  });

  test('shows the diagram toMermaid() draws', () => {
    expect(block('canary-mermaid')).toBe(service.toMermaid());
  });
});
