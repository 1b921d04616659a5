/**
 * docs/gateway-api.md stays true: its TypeScript blocks run as written (with `chart` from the guides' preamble),
 * the first one again with its `trafficBackend` line switched to `TrafficBackend.istio()`, and the YAML between
 * `<!-- begin:… -->` / `<!-- end:… -->` is regenerated from them and compared. `UPDATE_DOCS=1 npx jest --ci
 * test/canary/gateway-api/docs.test.ts` rewrites the blocks on purpose.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as constructs from 'constructs';
import * as ts from 'typescript';
import { stringify } from 'yaml';
import * as lib from '../../../src';
import { ManifestObject, ofKind, synthValid } from '../../util/validate';

const GUIDE = path.join(__dirname, '..', '..', '..', 'docs', 'gateway-api.md');

function block(doc: string, id: string): string {
  const begin = `<!-- begin:${id} -->\n`;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(`<!-- end:${id} -->`);
  if (from < 0 || to < from) throw new Error(`docs/gateway-api.md has no ${id} block`);
  return doc.slice(from + begin.length, to);
}

function replaceBlock(doc: string, id: string, content: string): string {
  const begin = `<!-- begin:${id} -->\n`;
  return doc.slice(0, doc.indexOf(begin) + begin.length) + content + doc.slice(doc.indexOf(`<!-- end:${id} -->`));
}

/** The guide's ```ts blocks, in order. */
function tsBlocks(doc: string): string[] {
  return [...doc.matchAll(/```ts\n([\s\S]*?)```\n/g)].map(m => m[1]);
}

/** Runs a guide block with `chart` in scope, the packages it imports resolved as a user's project would. */
function run(code: string): ManifestObject[] {
  const chart = Testing.chart();
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: Record<string, unknown> = { 'cdk8s-patterns': lib, 'cdk8s': cdk8s, 'cdk8s-plus-27': kplus, 'constructs': constructs };
  const req = (name: string) => {
    if (!(name in modules)) throw new Error(`guide code imports ${name}`);
    return modules[name];
  };
  new Function('require', 'exports', 'chart', js)(req, {}, chart as Chart);
  return synthValid(chart);
}

const yaml = (objects: ManifestObject[]) => objects.map(o => stringify(o)).join('---\n');
const fenced = (text: string) => '```yaml\n' + text + '```\n';

describe('docs/gateway-api.md', () => {
  let doc = fs.readFileSync(GUIDE, 'utf-8');
  const [canary, ambient] = tsBlocks(doc);
  const GATEWAY_LINE = 'trafficBackend: TrafficBackend.gatewayApi(),';
  const onGateway = run(canary);
  const onIstio = run(canary.replace(GATEWAY_LINE, 'trafficBackend: TrafficBackend.istio(),'));
  const withWaypoint = run(ambient);

  const expected: Record<string, string> = {
    'istio-yaml': fenced(yaml([...ofKind(onIstio, 'DestinationRule'), ...ofKind(onIstio, 'VirtualService')])),
    'gateway-api-yaml': fenced(yaml([
      ...ofKind(onGateway, 'Service').filter(s => s.metadata.name !== 'reviews'),
      ...ofKind(onGateway, 'DestinationRule'),
      ...ofKind(onGateway, 'HTTPRoute'),
    ])),
    'ambient-yaml': fenced(yaml([
      ...ofKind(withWaypoint, 'Service').filter(s => s.metadata.name === 'reviews').map(s => ({ ...s, spec: { selector: s.spec.selector } })),
      ...ofKind(withWaypoint, 'Gateway'),
    ])),
  };
  if (process.env.UPDATE_DOCS) {
    for (const [id, content] of Object.entries(expected)) doc = replaceBlock(doc, id, content);
    fs.writeFileSync(GUIDE, doc);
  }

  test('the example switches backend with its one trafficBackend line', () => {
    expect(canary).toContain(GATEWAY_LINE);
    expect(ofKind(onIstio, 'HTTPRoute')).toEqual([]);
    expect(ofKind(onGateway, 'VirtualService')).toEqual([]);
    // the Deployments and the root Service are the same under both
    const common = (objects: ManifestObject[]) => objects.filter(o => o.kind === 'Deployment' || (o.kind === 'Service' && o.metadata.name === 'reviews'));
    expect(common(onGateway)).toEqual(common(onIstio));
  });

  test.each(Object.keys(expected))('block %s is what the code writes', id => {
    expect(block(doc, id)).toBe(expected[id]);
  });
});
