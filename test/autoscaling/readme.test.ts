import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { Chart, Duration, Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as ts from 'typescript';
import { BACKEND_AUTOSCALING, buildBackend } from '../../examples/backend';
import * as lib from '../../src';
import { HpaSimulator, RolloutSimulation, SyncSample } from '../../src';
import { COUNTS } from '../conformance/hpa/upstream';
import { ofKind, synthValid } from '../util/validate';

const README = path.join(__dirname, '..', '..', 'docs', 'autoscaling.md');

/** The text between `<!-- begin:<id> -->` and `<!-- end:<id> -->` in the README, without the code fence. */
function readmeBlock(id: string): string {
  const text = fs.readFileSync(README, 'utf-8');
  const match = new RegExp(`<!-- begin:${id} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n<!-- end:${id} -->`).exec(text);
  if (!match) throw new Error(`README.md has no block ${id}`);
  return match[1];
}

/**
 * A busy hour for the example backend, one sample per 15 s sync: 2 pods idling at 55% cpu, a spike
 * worth 7 pods' cpu requests for four minutes, then 1.5 pods' worth; memory steady at 450Mi a pod.
 * New pods take 30 s to become ready.
 */
function busyHourTimeline(): string {
  const cpu = (t: number) => t < 60 ? 110 : t < 300 ? 700 : 150;
  const samples: SyncSample[] = Array.from({ length: 80 }, (_, i) => ({
    metrics: [{ total: cpu(i * 15) }, { value: 300 * 2 ** 20 }],
  }));
  const simulator = new HpaSimulator({ autoscaling: BACKEND_AUTOSCALING, podStartup: Duration.seconds(30) });
  return simulator.timeline(simulator.run({ initialReplicas: 2, samples }));
}

/** The example backend's autoscaling objects, as the README shows them. */
function backendAutoscalingYaml(): string {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  buildBackend(chart);
  const objects = synthValid(chart);
  return Yaml.stringify(...ofKind(objects, 'HorizontalPodAutoscaler'), ...ofKind(objects, 'PodDisruptionBudget'));
}

/** Runs a ```ts block of the guide as written, with `chart` in scope; returns its exports and what it logged. */
function runBlock(code: string): { exports: Record<string, unknown>; logged: string[] } {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: Record<string, unknown> = { 'cdk8s-patterns': lib, 'cdk8s': cdk8s, 'cdk8s-plus-27': kplus };
  const req = (name: string) => {
    if (!(name in modules)) throw new Error(`the guide's code imports ${name}`);
    return modules[name];
  };
  const exports: Record<string, unknown> = {};
  const logged: string[] = [];
  const console = { log: (...args: unknown[]) => logged.push(args.join(' ')) };
  const chart = new Chart(Testing.app(), 'guide', { namespace: 'shop' });
  new Function('require', 'exports', 'chart', 'console', js)(req, exports, chart, console);
  return { exports, logged };
}

/** Every ```ts block of the guide, in order. */
function tsBlocks(): string[] {
  const text = fs.readFileSync(README, 'utf-8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```\n/g)].map(m => m[1]);
}

/** The conformance counts as the guide shows them. */
function conformanceTable(): string {
  const rows = Object.values(COUNTS);
  const total = (k: 'tables' | 'ported' | 'agreeing' | 'notExpressible') => rows.reduce((sum, r) => sum + r[k], 0);
  return [
    '| Upstream file | Tables | Ported | Agreeing | Not expressible |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(r => `| ${r.file} | ${r.tables} | ${r.ported} | ${r.agreeing} | ${r.notExpressible} |`),
    `| **Total** | **${total('tables')}** | **${total('ported')}** | **${total('agreeing')}** | **${total('notExpressible')}** |`,
  ].join('\n') + '\n';
}

/** The raw text between the markers (no code fence). */
function rawBlock(id: string): string {
  const text = fs.readFileSync(README, 'utf-8');
  const begin = `<!-- begin:${id} -->\n`;
  return text.slice(text.indexOf(begin) + begin.length, text.indexOf(`<!-- end:${id} -->`));
}

function findingsBlock(prediction: RolloutSimulation): string {
  return '```text\n' + prediction.findings.join('\n') + '\n```\n';
}

const SVG = path.join(__dirname, '..', '..', 'docs', 'autoscaling-rollout.svg');

describe('README autoscaling section', () => {
  test('every TypeScript block runs as written', () => {
    const blocks = tsBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) expect(() => runBlock(block)).not.toThrow();
  });

  test('the pod-level example logs what the comment says', () => {
    const { logged } = runBlock(tsBlocks().find(b => b.includes('PodReadiness'))!);
    const last = logged[logged.length - 1];
    expect(tsBlocks().find(b => b.includes('PodReadiness'))).toContain(`console.log(step.message); // ${last}`);
  });

  test('shows the conformance counts the conformance tests assert', () => {
    expect(rawBlock('autoscaling-conformance')).toBe(conformanceTable());
  });

  test('the rollout picture and findings are what the shown code produces', () => {
    const code = rawBlock('autoscaling-rollout-code').replace(/^```ts\n/, '').replace(/```\n$/, '');
    const { exports } = runBlock(code);
    const prediction = exports.prediction as RolloutSimulation;
    if (process.env.UPDATE_README) {
      fs.writeFileSync(SVG, exports.svg as string);
      const text = fs.readFileSync(README, 'utf-8');
      const begin = '<!-- begin:autoscaling-rollout-findings -->\n';
      const from = text.indexOf(begin) + begin.length;
      fs.writeFileSync(README, text.slice(0, from) + findingsBlock(prediction) + text.slice(text.indexOf('<!-- end:autoscaling-rollout-findings -->')));
    }
    expect(fs.readFileSync(SVG, 'utf-8')).toBe(exports.svg);
    expect(rawBlock('autoscaling-rollout-findings')).toBe(findingsBlock(prediction));
    // the picture the text describes: the canary capped at 4 while 100% needs 8, the stable version lagging down
    expect(prediction.steps.map(st => [st.canaryWeight, st.canary.replicas, st.canary.needed]))
      .toEqual([[10, 1, 1], [25, 2, 2], [50, 4, 4], [100, 4, 8]]);
    expect(prediction.stable.replicas.slice(0, 12).every(r => r === 8)).toBe(true);
  });

  test('shows the simulated timeline busyHourTimeline() renders', () => {
    expect(readmeBlock('autoscaling-timeline')).toBe(busyHourTimeline());
  });

  test('shows the YAML the example backend synthesizes', () => {
    expect(readmeBlock('autoscaling-yaml')).toBe(backendAutoscalingYaml());
  });
});
