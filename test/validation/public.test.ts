import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ManifestValidation, ProblemSeverity } from '../../src';

const deployment = (env: any[]) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', env }] } },
  },
});

describe('ManifestValidation.validateManifests', () => {
  test('a valid manifest has no problems', () => {
    expect(ManifestValidation.validateManifests([deployment([{ name: 'A', value: '1' }])])).toEqual([]);
  });

  test('problems carry the object identity, the JSON path, the value and the upstream rule', () => {
    const problems = ManifestValidation.validateManifests([
      deployment([{ name: 'A', value: '1' }, { name: 'A', value: '2' }]),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'Web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
    ]);
    expect(problems).toEqual([
      {
        source: 'manifests[0]',
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        path: 'spec.template.spec.containers[0].env[1]',
        value: 'A',
        rule: 'ssa x-kubernetes-list-map-keys',
        severity: ProblemSeverity.ERROR,
        message: 'must have a unique name: env[0] already has name "A", and server-side apply refuses duplicate entries of a list-map',
      },
      {
        source: 'manifests[1]',
        apiVersion: 'v1',
        kind: 'Service',
        name: 'Web',
        path: 'metadata.name',
        value: 'Web',
        rule: 'k8s ValidateObjectMeta',
        severity: ProblemSeverity.ERROR,
        message: "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, "
          + "and end with an alphanumeric character (e.g. 'my-name' or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      },
    ]);
  });

  test('the checks over the set: one identity twice', () => {
    const problems = ManifestValidation.validateManifests([deployment([]), deployment([])]);
    expect(problems.map(ManifestValidation.format)).toEqual([
      "[manifests[1]] Deployment web: '(object)' (\"Deployment.apps shop/web\") Deployment.apps shop/web is written twice (also at manifests[0]): "
      + 'the second apply replaces the first, and Helm refuses an object owned by two releases. Give one a different name or namespace. [app duplicate object identity]',
    ]);
  });

  test('not an array, or garbage entries: problems, never a TypeError', () => {
    expect(ManifestValidation.validateManifests(undefined as any)).toEqual([]);
    expect(() => ManifestValidation.validateManifests([null, 3, 'x', { kind: 'Deployment', apiVersion: 'apps/v1' }])).not.toThrow();
    expect(ManifestValidation.validateManifests([{ kind: 'Deployment', apiVersion: 'apps/v1' }])[0]).toMatchObject({
      path: 'metadata', message: 'must be an object with a name',
    });
  });
});

describe('ManifestValidation.validateConstructs', () => {
  test('hand-written ApiObjects and cdk8s-plus objects of an App are checked, with their construct path', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { '..bad': 'x' } });
    new kplus.Service(chart, 'svc', { metadata: { name: '9lives' }, ports: [{ port: 80 }] });
    const problems = ManifestValidation.validateConstructs(chart);
    expect(problems.map(p => `${p.source} ${p.path} ${p.rule}`)).toEqual([
      'test/cm data["..bad"] k8s ValidateConfigMap',
      'test/svc/Resource metadata.name k8s ValidateObjectMeta',
    ]);
  });
});

describe('the cdk8s-cli validation plugin', () => {
  test('`cdk8s synth` with the plugin from a local path reports violations per construct and fails, offline', () => {
    // GIVEN an app dir with a hand-written Deployment that repeats an env var, and cdk8s.yaml naming the plugin by path
    const root = path.resolve(__dirname, '../..');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-patterns-plugin-'));
    fs.mkdirSync(path.join(dir, 'plugin'));
    // the plugin package: the library's validation sources through ts-node (the test runs without a build; the
    // published package exports the same class from its main module)
    fs.writeFileSync(path.join(dir, 'plugin', 'index.js'), [
      `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(root, 'tsconfig.json'))}, compilerOptions: { module: 'commonjs' } });`,
      `module.exports = require(${JSON.stringify(path.join(root, 'src', 'validation', 'public.ts'))});`,
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'main.js'), [
      `const { App, Chart, ApiObject } = require(${JSON.stringify(require.resolve('cdk8s'))});`,
      'const app = new App();',
      "const chart = new Chart(app, 'shop');",
      `new ApiObject(chart, 'web', ${JSON.stringify(deployment([{ name: 'A', value: '1' }, { name: 'A', value: '2' }]))});`,
      'app.synth();',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), [
      'app: node main.js',
      'language: typescript',
      'validations:',
      '  - package: ./plugin',
      '    version: 0.0.0',
      '    class: ManifestValidationPlugin',
    ].join('\n'));

    // WHEN
    let output = '';
    let status = 0;
    try {
      output = execFileSync(process.execPath, [path.join(root, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), 'synth'], {
        cwd: dir, encoding: 'utf-8', stdio: 'pipe', env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true' },
      });
    } catch (e: any) {
      status = e.status;
      output = `${e.stdout}${e.stderr}`;
    }

    // THEN the CLI's own report, with the construct path from construct-metadata.json
    expect(status).not.toBe(0);
    expect(output).toContain('Status  │ failure');
    expect(output).toContain('error: ssa x-kubernetes-list-map-keys (1 occurrences)');
    expect(output).toContain('- Construct Path: shop/web');
    expect(output).toContain('- Manifest Path: dist/shop.k8s.yaml');
    expect(output).toContain('> spec.template.spec.containers[0].env[1]');
    expect(output).toContain('Validation failed. See above reports for details');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
