/**
 * The anchor the README compares against: `cdk8s synth --format helm` of the cdk8s CLI, run for real.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App, Chart } from 'cdk8s';
import { ALERT_RULES, canonical, helmTemplate, lintStrict, readTree, tmpdir } from './util';
import { UmbrellaChart } from '../../src/helm';
import { helm } from '../util/helm';

const ROOT = path.resolve(__dirname, '..', '..');

/** An app directory whose charts.js defines two charts (a ConfigMap holding a Prometheus alert rule, a Service). */
function appDir(): string {
  const dir = tmpdir('cdk8s-cli-');
  fs.writeFileSync(path.join(dir, 'charts.js'), `module.exports = (cdk8s, app) => {
  const backend = new cdk8s.Chart(app, 'backend', { namespace: 'shop' });
  new cdk8s.ApiObject(backend, 'rules', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'rules' }, data: { 'rules.yaml': ${JSON.stringify(ALERT_RULES)} } });
  const frontend = new cdk8s.Chart(app, 'frontend', { namespace: 'shop' });
  new cdk8s.ApiObject(frontend, 'web', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } });
  return { backend, frontend };
};
`);
  fs.writeFileSync(path.join(dir, 'main.js'), `const cdk8s = require(${JSON.stringify(require.resolve('cdk8s'))});
const app = new cdk8s.App();
require('./charts.js')(cdk8s, app);
app.synth();
`);
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'app: node main.js\n');
  return dir;
}

/** Runs `cdk8s synth` of the cdk8s CLI in the app directory; returns its output directory. */
function cliSynth(dir: string, ...args: string[]): string {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/cdk8s-cli/bin/cdk8s'), 'synth', '--no-check-upgrade', '-o', 'out', ...args],
    { cwd: dir, encoding: 'utf-8' });
  if (res.status !== 0) throw new Error(`cdk8s synth failed:\n${res.stderr}${res.stdout}`);
  return path.join(dir, 'out');
}

function helmFails(args: string[]): string {
  try {
    helm(args);
  } catch (e: any) {
    return e.message;
  }
  throw new Error(`helm ${args.join(' ')} succeeded`);
}

describe('compared with cdk8s synth --format helm (cdk8s-cli, run for real)', () => {
  test('v2: one flat templates/ for all charts, no values, no subcharts, no escaping: helm fails on {{ $labels }}', () => {
    // WHEN
    const out = cliSynth(appDir(), '--format', 'helm', '--chart-version', '1.0.0');
    // THEN
    expect(Object.keys(readTree(out))).toEqual(['Chart.yaml', 'README.md', 'templates/backend.k8s.yaml', 'templates/frontend.k8s.yaml']);
    expect(fs.readFileSync(path.join(out, 'templates/backend.k8s.yaml'), 'utf-8')).toContain('Instance {{ $labels.instance }} down');
    expect(helmFails(['lint', '--strict', out])).toContain('undefined variable "$labels"');
    expect(helmFails(['template', 'release', out])).toContain('undefined variable "$labels"');
  });

  test('v1: writes a type field, which helm lint rejects in an apiVersion v1 chart', () => {
    const out = cliSynth(appDir(), '--format', 'helm', '--chart-version', '1.0.0', '--chart-api-version', 'v1');
    expect(fs.readFileSync(path.join(out, 'Chart.yaml'), 'utf-8')).toMatch(/^apiVersion: "v1"\n[^]*^type: application$/m);
    expect(helmFails(['lint', '--strict', out])).toContain("chart type is not valid in apiVersion 'v1'. It is valid in apiVersion 'v2'");
  });

  test('UmbrellaChart of the same charts: one subchart each, values, lint clean, the objects cdk8s synthesizes', () => {
    // GIVEN
    const app = new App({ outdir: tmpdir('umbrella-cli-') });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { backend, frontend } = require(path.join(appDir(), 'charts.js'))(cdk8s, app) as { backend: Chart; frontend: Chart };
    const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0' });
    umbrella.addSubchart(backend);
    umbrella.addSubchart(frontend);
    const expected = [...backend.toJson(), ...frontend.toJson()];
    // WHEN
    app.synth();
    const dir = umbrella.synth();
    // THEN
    lintStrict(dir);
    expect(canonical(helmTemplate(dir).map(r => r.object))).toEqual(canonical(expected));
    expect(canonical(helmTemplate(dir, '--set', 'backend.enabled=false').map(r => r.object))).toEqual(canonical(frontend.toJson()));
  });
});
