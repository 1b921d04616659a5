/**
 * The canary guide's coverage sections stay true (docs/canary.md, `<!-- begin:canary-coverage-… -->`): each
 * code block type-checks against the sources and runs as written (a `chart` in scope, 'cdk8s-patterns'
 * resolved to the sources), its output passes the schema oracle with only Istio 1.30.3 CRD fields, and the
 * YAML block equals what the code writes. `UPDATE_README=1 npx jest --ci test/canary/guide.test.ts` rewrites
 * the YAML block on purpose.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as ts from 'typescript';
import { stringify } from 'yaml';
import { expectCrdFields } from './crd-fields';
import * as lib from '../../src';
import { ManifestObject, only, synthValid } from '../util/validate';

const GUIDE = path.join(__dirname, '..', '..', 'docs', 'canary.md');
const CODE_BLOCKS = ['canary-coverage-http', 'canary-coverage-l4', 'canary-coverage-gateways'];

function block(guide: string, id: string): string {
  const begin = `<!-- begin:${id} -->\n`;
  const from = guide.indexOf(begin);
  const to = guide.indexOf(`<!-- end:${id} -->`);
  if (from < 0 || to < from) throw new Error(`the guide has no ${id} block`);
  return guide.slice(from + begin.length, to);
}

function code(guide: string, id: string): string {
  return block(guide, id).replace(/^```ts\n/, '').replace(/```\n$/, '');
}

/** Runs a block with `chart` in scope; returns what the chart synthesizes (validated). */
function run(source: string): ManifestObject[] {
  const chart: Chart = Testing.chart();
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: Record<string, unknown> = { 'cdk8s-patterns': lib, 'cdk8s': cdk8s, 'cdk8s-plus-27': kplus };
  const req = (name: string) => {
    if (!(name in modules)) throw new Error(`the guide's code imports ${name}`);
    return modules[name];
  };
  new Function('require', 'exports', 'chart', js)(req, {}, chart);
  return synthValid(chart);
}

function virtualServiceYaml(objects: ManifestObject[]): string {
  return '```yaml\n' + stringify(only(objects, 'VirtualService'), { lineWidth: 0 }) + '```\n';
}

describe('docs/canary.md coverage sections', () => {
  const guide = fs.readFileSync(GUIDE, 'utf-8');

  test('every code block type-checks as written against the sources', () => {
    // GIVEN each block in a file of its own, with the preamble's `chart`
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-guide-'));
    const files = CODE_BLOCKS.map(id => {
      const file = path.join(dir, `${id}.ts`);
      fs.writeFileSync(file, `declare const chart: import('cdk8s').Chart;\n${code(guide, id)}\nexport {};\n`);
      return file;
    });
    // WHEN compiled with 'cdk8s-patterns' resolved to the sources
    const root = path.join(__dirname, '..', '..');
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      baseUrl: root,
      paths: { 'cdk8s-patterns': ['src/index.ts'], '*': ['node_modules/*'] },
      typeRoots: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).filter(d => d.file && files.includes(path.resolve(d.file.fileName)))
      .map(d => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    fs.rmSync(dir, { recursive: true, force: true });
    // THEN
    expect(problems).toEqual([]);
  }, 120_000);

  test('the HTTP block writes each field it shows', () => {
    const { vs, dr } = expectCrdFields(run(code(guide, 'canary-coverage-http')));
    expect(vs.http.map((r: any) => r.redirect ?? r.directResponse ?? r.fault ?? r.route.length)).toEqual([
      { abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 50 } } }, 2, { uri: '/basket', redirectCode: 308 },
      { status: 503, body: { string: 'back soon' } }, 2,
    ]);
    const catchAll = vs.http[vs.http.length - 1];
    expect(catchAll.rewrite).toEqual({ uriRegexRewrite: { match: '^/api/v1/(.*)$', rewrite: '/\\1' } });
    expect(catchAll.retries).toEqual({ attempts: 3, perTryTimeout: '2s', backoff: '50ms', retryOn: '5xx,reset' });
    expect(catchAll.route[1].headers).toEqual({ response: { set: { 'x-served-by': 'v2' } } });
    expect(dr.trafficPolicy.loadBalancer.consistentHash).toEqual({
      httpCookie: { name: 'session', ttl: '1h', attributes: [{ name: 'SameSite', value: 'Strict' }] }, maglev: { tableSize: 65537 },
    });
    expect(dr.trafficPolicy.retryBudget).toEqual({ percent: 20 });
    expect(dr.subsets[1].trafficPolicy.loadBalancer).toEqual({ simple: 'LEAST_REQUEST', warmup: { duration: '1m' } });
  });

  test('the TCP/TLS block writes the VirtualService shown below it', () => {
    const objects = run(code(guide, 'canary-coverage-l4'));
    const { vs } = expectCrdFields(objects);
    expect(vs.tcp.map((r: any) => r.match)).toEqual([[{ sourceLabels: { app: 'ledger-replica' } }], [{ port: 7000 }]]);
    expect(vs.tls.map((r: any) => r.match)).toEqual([[{ sniHosts: ['ledger'], sourceNamespace: 'audit' }], [{ port: 8443, sniHosts: ['ledger'] }]]);
    const yaml = virtualServiceYaml(objects);
    if (process.env.UPDATE_README) {
      const begin = '<!-- begin:canary-coverage-l4-yaml -->\n';
      fs.writeFileSync(GUIDE, guide.slice(0, guide.indexOf(begin) + begin.length) + yaml + guide.slice(guide.indexOf('<!-- end:canary-coverage-l4-yaml -->')));
    } else {
      expect(block(guide, 'canary-coverage-l4-yaml')).toBe(yaml);
    }
  });

  test('the gateways block writes the gateways as given, mesh included by hand', () => {
    const { vs } = expectCrdFields(run(code(guide, 'canary-coverage-gateways')));
    expect(vs.gateways).toEqual(['istio-system/public', 'mesh']);
    expect(vs.http[0].match).toEqual([{ sourceLabels: { app: 'loadtest' } }]);
    // and without mesh, the same rule is refused with the message the guide quotes
    const without = code(guide, 'canary-coverage-gateways').replace("gateways: ['istio-system/public', 'mesh']", "gateways: ['istio-system/public']");
    expect(() => run(without)).toThrow(/'routes\[0\]\.match\.sourceLabels' \(\{"app":"loadtest"\}\) only ever match sidecar traffic, but 'gateways'/);
    expect(guide.replace(/\n/g, ' ')).toContain('Write gateways: ["istio-system/public","mesh"] (the VirtualService, weighted split included, then also applies to sidecar clients)');
  });
});
