/**
 * `npm run bench [-- --quick]`: synth speed, memory and scaling of cdk8s-patterns against cdk8s-plus,
 * the raw cdk8s floor and `helm template`, side by side in one run.
 *
 * Every variant runs in its own Node (or helm) process, repeated, interleaved (the order rotates each
 * round so machine drift cancels), and we report medians. Wall time and peak RSS come from GNU time
 * around the process; "work" is the in-process time of building and writing (module loading excluded).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { Measurement, writtenBelow } from './measure';
import { writeHelmValues } from './workload';

const OUT = path.resolve(__dirname);
const VARIANTS_DIR = path.join(OUT, 'variants');
const HELM_CHART = path.resolve(__dirname, '..', '..', 'bench', 'helm-template-chart');
const CDK8S_CLI = path.resolve(__dirname, '..', '..', 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
/** The small app of the `cdk8s synth` row: the example's shape (10 services). */
const CLI_APP_SERVICES = 10;

interface Sample extends Measurement {
  readonly wallMs: number;
}

interface Variant {
  readonly name: string;
  /** Runs the variant once for `services` services into `outdir`. */
  run(services: number, outdir: string): Sample;
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): { wallMs: number; rssMb: number; stdout: string } {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args], { encoding: 'utf-8', env, cwd, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stderr}`);
  const rssMb = Number(fs.readFileSync(rssFile, 'utf-8').trim().split('\n').pop()) / 1024;
  return { wallMs, rssMb, stdout: res.stdout };
}

function nodeVariant(name: string, script: string, extraArgs: (services: number) => string[] = () => [], env: NodeJS.ProcessEnv = {}): Variant {
  return {
    name,
    run(services, outdir) {
      const args = [path.join(VARIANTS_DIR, script), String(services), outdir, ...extraArgs(services)];
      const { wallMs, rssMb, stdout } = timed(process.execPath, args, { ...process.env, ...env });
      const m: Measurement = JSON.parse(stdout.trim().split('\n').pop()!);
      return { ...m, wallMs, rssMb };
    },
  };
}

function helmBinary(): string {
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  const onPath = spawnSync('sh', ['-c', 'command -v helm'], { encoding: 'utf-8' });
  if (onPath.status === 0) return onPath.stdout.trim();
  const cached = path.resolve(__dirname, '..', '..', '.cache', 'helm', 'helm');
  if (fs.existsSync(cached)) return cached;
  throw new Error('no helm: set HELM_BIN, put helm on PATH, or run the test suite once (it unpacks .cache/helm/helm)');
}

function helmTemplateVariant(work: string): Variant {
  return {
    name: 'helm-template',
    run(services, outdir) {
      fs.rmSync(outdir, { recursive: true, force: true });
      const values = path.join(work, `values-${services}.yaml`);
      const { wallMs, rssMb } = timed(helmBinary(), ['template', 'bench', HELM_CHART, '-f', values, '--output-dir', outdir]);
      return { wallMs, rssMb, workMs: NaN, ...writtenBelow(outdir) };
    },
  };
}

/**
 * The small app through the real cdk8s CLI, whole process (CLI start, the app's node process, writing):
 * what a user waits for. The upgrade check is off, as it needs the network.
 */
function cliAppVariant(name: 'ours' | 'cdk8s-plus', work: string): Variant {
  const dir = path.join(work, `cli-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  const app = `'${process.execPath}' '${path.join(VARIANTS_DIR, 'cli-app.js')}' ${name} ${CLI_APP_SERVICES}`;
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), `app: ${JSON.stringify(app)}\n`);
  return {
    name: `cli-${name}`,
    run(_services, outdir) {
      fs.rmSync(outdir, { recursive: true, force: true });
      const { wallMs, rssMb } = timed(process.execPath, [CDK8S_CLI, 'synth', '--no-check-upgrade', '--output', outdir], process.env, dir);
      return { wallMs, rssMb, workMs: NaN, ...writtenBelow(outdir) };
    },
  };
}

function readYamlBelow(dir: string): string {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.yaml') && e.name !== 'Chart.yaml' && e.name !== 'values.yaml')
    .map(e => path.join(e.parentPath, e.name))
    .sort()
    .map(f => fs.readFileSync(f, 'utf-8'))
    .join('\n---\n');
}

/** Objects of a YAML stream, each as canonical JSON (sorted keys), sorted: a multiset to compare. */
function canonicalObjects(text: string): string[] {
  const sortKeys = (x: any): any => Array.isArray(x) ? x.map(sortKeys)
    : x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map(k => [k, sortKeys(x[k])])) : x;
  return parseAllDocuments(text).map(d => d.toJS()).filter(Boolean).map(o => JSON.stringify(sortKeys(o))).sort();
}

/** Every variant must produce the same objects; checked on a small N before anything is timed. */
function checkSameObjects(variants: Variant[], work: string, n = 3): void {
  prepare(work, n);
  const outputs = variants.map(v => {
    const outdir = path.join(work, `check-${v.name}`);
    v.run(n, outdir);
    // the umbrella chart is rendered by helm, as a user would install it
    const text = v.name === 'ours-helm'
      // installed into the workload's namespace: the chart writes the release's namespace where cdk8s wrote the chart's
      ? spawnSync(helmBinary(), ['template', 'bench', path.join(outdir, 'bench'), '--namespace', 'bench'], { encoding: 'utf-8' }).stdout
      : readYamlBelow(outdir);
    return { name: v.name, objects: canonicalObjects(text) };
  });
  const [reference, ...others] = outputs;
  for (const o of others) {
    if (JSON.stringify(o.objects) !== JSON.stringify(reference.objects)) {
      const i = o.objects.findIndex((x, j) => x !== reference.objects[j]);
      throw new Error(`${o.name} does not produce the same objects as ${reference.name} (${o.objects.length} vs ${reference.objects.length}); `
        + `first difference:\n${o.name}: ${o.objects[i]}\n${reference.name}: ${reference.objects[i]}`);
    }
  }
  console.log(`same objects: ${outputs.map(o => o.name).join(' = ')} (${reference.objects.length} objects for ${n} services)`);
}

/** The raw floor's input (what ours wrote, as JSON) and the hand-written chart's values, for N services. */
function prepare(work: string, n: number): void {
  const objectsFile = path.join(work, `objects-${n}.json`);
  const res = spawnSync(process.execPath, [path.join(VARIANTS_DIR, 'dump-objects.js'), String(n), objectsFile], { encoding: 'utf-8' });
  if (res.status !== 0) throw new Error(res.stderr);
  writeHelmValues(path.join(work, `values-${n}.yaml`), JSON.parse(fs.readFileSync(objectsFile, 'utf-8')));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function fmt(ms: number): string {
  return Number.isNaN(ms) ? '-' : (ms / 1000).toFixed(3);
}

function main() {
  const quick = process.argv.includes('--quick');
  const sizes = quick ? [1000] : [100, 1000, 4000];
  const runs = quick ? 3 : 5;
  // the whole-process rows (cdk8s synth of the small app, require) take a second or less: more runs, less noise
  const shortRuns = quick ? 7 : 11;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-patterns-bench-'));

  const ours = nodeVariant('ours', 'ours.js');
  const variants: Variant[] = [
    ours,
    nodeVariant('cdk8s-plus', 'cdk8s-plus.js'),
    // ours with cdk8s's own YAML printer: what the library costs apart from the faster printer
    nodeVariant('ours-cdk8s-yaml', 'ours.js', undefined, { CDK8S_PATTERNS_FAST_YAML: '0' }),
    nodeVariant('raw-floor', 'raw-floor.js', n => [path.join(work, `objects-${n}.json`)]),
    helmTemplateVariant(work),
    nodeVariant('ours-helm', 'ours-helm.js'),
  ];
  // what runs at each size: everything at every size; --quick adds ours alone at 4000 for the linear ratio
  const plan: Array<{ n: number; variants: Variant[] }> = sizes.map(n => ({ n, variants }));
  if (quick) plan.push({ n: 4000, variants: [ours] });
  const cli = [cliAppVariant('ours', work), cliAppVariant('cdk8s-plus', work)];

  console.log(`cdk8s-patterns benchmark: ${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${runs} runs per variant (${shortRuns} of the cdk8s synth and load rows), medians`);
  checkSameObjects(variants, work);
  checkSameObjects(cli, work, CLI_APP_SERVICES);
  const results = new Map<string, Sample[]>();
  const sample = (v: Variant, n: number) => {
    const key = `${v.name}@${n}`;
    results.set(key, [...(results.get(key) ?? []), v.run(n, path.join(work, `${v.name}-${n}`))]);
  };
  for (const { n, variants: vs } of plan) {
    prepare(work, n);
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < vs.length; i++) sample(vs[(i + r) % vs.length], n);
    }
  }
  for (let r = 0; r < shortRuns; r++) {
    for (let i = 0; i < cli.length; i++) sample(cli[(i + r) % cli.length], CLI_APP_SERVICES);
  }

  const load = loadTimes(shortRuns);
  const med = (key: string, field: keyof Sample) => median(results.get(key)!.map(s => s[field] as number));

  console.log('\n| services | variant | wall s | work s | peak RSS MB | objects | bytes |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { n, variants: vs } of [...plan, { n: CLI_APP_SERVICES, variants: cli }]) {
    for (const v of vs) {
      const key = `${v.name}@${n}`;
      console.log(`| ${n} | ${v.name} | ${fmt(med(key, 'wallMs'))} | ${fmt(med(key, 'workMs'))} | ${med(key, 'rssMb').toFixed(0)} | ${med(key, 'objects')} | ${med(key, 'bytes')} |`);
    }
  }
  console.log(`\nload: require('cdk8s-patterns') ${load.ours.toFixed(1)} ms, require('cdk8s-plus-27') ${load.plus.toFixed(1)} ms; `
    + `with first use of CanaryService ${load.oursFirstUse.toFixed(1)} ms, of Deployment ${load.plusFirstUse.toFixed(1)} ms (medians of ${shortRuns}, each in a fresh process)`);
  console.log('ratios: node variants compare in-process work time; helm and cdk8s-cli comparisons compare process wall time\n');

  const ratio = (name: string, value: number) => console.log(`ratio ${name} ${value.toFixed(2)}`);
  for (const n of sizes) {
    ratio(`ours/raw-floor@${n}`, med(`ours@${n}`, 'workMs') / med(`raw-floor@${n}`, 'workMs'));
    ratio(`ours/cdk8s-plus@${n}`, med(`ours@${n}`, 'workMs') / med(`cdk8s-plus@${n}`, 'workMs'));
    ratio(`ours-cdk8s-yaml/cdk8s-plus@${n}`, med(`ours-cdk8s-yaml@${n}`, 'workMs') / med(`cdk8s-plus@${n}`, 'workMs'));
    ratio(`ours-helm/helm-template@${n}`, med(`ours-helm@${n}`, 'wallMs') / med(`helm-template@${n}`, 'wallMs'));
    ratio(`rss ours/cdk8s-plus@${n}`, med(`ours@${n}`, 'rssMb') / med(`cdk8s-plus@${n}`, 'rssMb'));
  }
  ratio('ours@4000/ours@1000', med('ours@4000', 'workMs') / med('ours@1000', 'workMs'));
  ratio('load ours/cdk8s-plus', load.ours / load.plus);
  ratio('load+first-use ours/cdk8s-plus', load.oursFirstUse / load.plusFirstUse);
  ratio(`cdk8s-synth ours/cdk8s-plus@${CLI_APP_SERVICES}`, med(`cli-ours@${CLI_APP_SERVICES}`, 'wallMs') / med(`cli-cdk8s-plus@${CLI_APP_SERVICES}`, 'wallMs'));
  fs.rmSync(work, { recursive: true, force: true });
}

/** Median time to require each package in a fresh Node process, interleaved. */
/**
 * `require` of each package in a fresh process, alone (what the lazy index costs) and with the first use of
 * what the workload builds on: CanaryService from ours, Deployment from cdk8s-plus.
 */
function loadTimes(runs: number): { ours: number; plus: number; oursFirstUse: number; plusFirstUse: number } {
  const cases = [['cdk8s-patterns'], ['cdk8s-plus-27'], ['cdk8s-patterns', 'CanaryService'], ['cdk8s-plus-27', 'Deployment']];
  const samples: number[][] = cases.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < cases.length; i++) {
      const c = (i + r) % cases.length;
      const res = spawnSync(process.execPath, [path.join(VARIANTS_DIR, 'load.js'), ...cases[c]], { encoding: 'utf-8' });
      if (res.status !== 0) throw new Error(res.stderr);
      samples[c].push(Number(res.stdout.trim()));
    }
  }
  const [ours, plus, oursFirstUse, plusFirstUse] = samples.map(median);
  return { ours, plus, oursFirstUse, plusFirstUse };
}

main();
