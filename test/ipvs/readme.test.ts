/**
 * The README's IpvsLoadBalancer section stays true: its code block is run as it is, and the rules, manifests,
 * stats table and metric mapping between `<!-- begin:ipvs-… -->` / `<!-- end:ipvs-… -->` are regenerated from it
 * and compared. `UPDATE_README=1 npx jest --ci test/ipvs/readme.test.ts` rewrites the blocks on purpose.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as ts from 'typescript';
import { stringify } from 'yaml';
import * as lib from '../../src';
import { docBlock, replaceDocBlock } from '../util/doc-blocks';
import { ManifestObject, synthValid } from '../util/validate';

const README = path.join(__dirname, '..', '..', 'docs', 'ipvs.md');
const TRAFFIC: lib.IpvsTrafficProfile = { inPackets: 6, outPackets: 4, inBytes: 420, outBytes: 1380 };
const CONNECTIONS = 11;

/** Runs the README's TypeScript block with `chart` in scope and 'cdk8s-patterns' resolved to the sources. */
function runReadmeCode(code: string, chart: Chart): void {
  const source = code.replace(/^```ts\n/, '').replace(/```\n$/, '');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: Record<string, unknown> = { 'cdk8s-patterns': lib, 'cdk8s': cdk8s, 'cdk8s-plus-27': kplus };
  const req = (name: string) => {
    if (!(name in modules)) throw new Error(`README code imports ${name}`);
    return modules[name];
  };
  new Function('require', 'exports', 'chart', js)(req, {}, chart);
}

/** The manifests, trimmed to the fields the section talks about. */
function trimmed(objects: ManifestObject[]): string {
  const docs = objects.map(o => {
    if (o.kind !== 'DaemonSet') return o;
    const pod = o.spec.template.spec;
    const container = (c: any) => ({
      name: c.name,
      image: c.image,
      ...(c.command ? { command: c.command } : {}),
      ...(c.args ? { args: c.args } : {}),
      securityContext: c.securityContext,
    });
    const { ['ipvs.cdk8s-patterns.dev/rules-sha256']: _hash, ...annotations } = o.spec.template.metadata.annotations;
    return {
      apiVersion: o.apiVersion,
      kind: o.kind,
      metadata: o.metadata,
      spec: {
        template: {
          metadata: { annotations },
          spec: {
            hostNetwork: pod.hostNetwork,
            nodeSelector: pod.nodeSelector,
            securityContext: pod.securityContext,
            initContainers: pod.initContainers.map(container),
            containers: pod.containers.map(container),
          },
        },
      },
    };
  });
  return '```yaml\n' + docs.map(d => stringify(d, { lineWidth: 0 })).join('---\n') + '```\n';
}

function stats(vs: lib.IpvsVirtualServer): string {
  const prediction = lib.IpvsPrediction.predict(vs, CONNECTIONS);
  const short = (s: string) => s.replace(/:\d+$/, '');
  return [
    '```',
    `# IpvsPrediction.predict(): ${CONNECTIONS} new connections, ${vs.scheduler}, in the kernel's order`,
    `#   ${prediction.sequence.map(short).join(' ')}`,
    ...prediction.realServers.map(s => `#   ${s.server} weight ${s.weight}: ${s.connections} connections`),
    '$ ipvsadm -L -n --stats',
    lib.IpvsStatsTable.predict([vs], CONNECTIONS, TRAFFIC).trimEnd(),
    '```',
    '',
  ].join('\n');
}

describe('README IpvsLoadBalancer section', () => {
  let readme = fs.readFileSync(README, 'utf-8');
  const chart = new Chart(new App(), 'shop', { disableResourceNameHashes: true });
  runReadmeCode(docBlock(readme, 'ipvs-code'), chart);
  const objects = synthValid(chart);
  const lb = chart.node.findAll().find((c): c is lib.IpvsLoadBalancer => c instanceof lib.IpvsLoadBalancer)!;
  const rules = lb.rules!;
  const expected: Record<string, string> = {
    'ipvs-rules': '```\n' + rules + '```\n',
    'ipvs-manifests': trimmed(objects),
    'ipvs-stats': stats(lb.director!.virtualServers[0]),
    'ipvs-metrics': lib.IpvsMetrics.markdownTable(),
  };

  if (process.env.UPDATE_README) {
    for (const [id, content] of Object.entries(expected)) readme = replaceDocBlock(readme, id, content);
    fs.writeFileSync(README, readme);
  }

  test('the code block is the seed setup', () => {
    expect(objects.find(o => o.kind === 'ConfigMap' && o.data['rules.ipvsadm'])!.data['rules.ipvsadm']).toBe(rules);
    expect(rules).toBe('-A -t 1.2.3.4:80 -s rr\n-a -t 1.2.3.4:80 -r 172.17.0.3:80 -m -w 1\n-a -t 1.2.3.4:80 -r 172.17.0.4:80 -m -w 1\n');
  });

  test.each(Object.keys(expected))('the %s block is what the code produces', id => {
    expect(docBlock(readme, id)).toBe(expected[id]);
  });
});
