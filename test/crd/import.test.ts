import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Testing, Yaml } from 'cdk8s';
import * as ts from 'typescript';
import { atDefinition } from './at';
import { CustomResourceDefinition, ListType, Schema } from '../../src';
import { ofKind, synthValid } from '../util/validate';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Round trip: the CRDs the library writes are what `cdk8s import` reads. The work directory lives under
 * the repository's .cache/ so that the generated code resolves cdk8s and constructs from node_modules.
 */
describe('cdk8s import of the synthesized CRDs', () => {
  // GIVEN the At CRD and a CRD using every schema factory
  const chart = new Chart(Testing.app(), 'test', { namespace: 'cnat' });
  atDefinition(chart);
  new CustomResourceDefinition(chart, 'widget', {
    group: 'shop.example.com',
    kind: 'Widget',
    versions: [{
      name: 'v1',
      schema: Schema.object({
        properties: {
          spec: Schema.object({
            properties: {
              size: Schema.integer({ minimum: 1, default: 1 }),
              ratio: Schema.number(),
              enabled: Schema.boolean(),
              color: Schema.string({ enum: ['red', 'green'], nullable: true }),
              port: Schema.intOrString(),
              labels: Schema.map(Schema.string()),
              tags: Schema.array(Schema.string(), { listType: ListType.SET }),
              config: Schema.preserveUnknownFields(),
            },
            required: ['size'],
          }),
        },
      }),
    }],
  });
  // a CRD whose date-time format sits in an allOf: the API server still checks it, cdk8s import types it as string
  new CustomResourceDefinition(chart, 'timer', {
    group: 'timers.example.com',
    kind: 'Timer',
    versions: [{
      name: 'v1',
      schema: Schema.object({
        properties: {
          spec: Schema.object({
            properties: { schedule: Schema.fromJson({ type: 'string', allOf: [{ format: 'date-time' }] }) },
            required: ['schedule'],
          }),
        },
      }),
    }],
  });
  const crds = ofKind(synthValid(chart), 'CustomResourceDefinition');

  const cache = path.join(ROOT, '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const work = fs.mkdtempSync(path.join(cache, 'crd-import-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('generates TypeScript that compiles, with the At class', () => {
    // WHEN
    const file = path.join(work, 'crds.yaml');
    fs.writeFileSync(file, Yaml.stringify(...crds));
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'cdk8s'),
      ['import', file, '--language', 'typescript', '--output', path.join(work, 'imports'), '--no-save', '--no-check-upgrade'],
      { cwd: work, stdio: 'pipe' });
    const generated = fs.readdirSync(path.join(work, 'imports')).sort();

    // THEN one module per group
    expect(generated).toEqual(['cnat.programming-kubernetes.info.ts', 'shop.example.com.ts', 'timers.example.com.ts']);

    // and it compiles against cdk8s and constructs
    const files = generated.map(f => path.join(work, 'imports', f));
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);

    // and exports the classes named after the kinds, with the group/version of the CRD
    const checker = program.getTypeChecker();
    const exportsOf = (f: string) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(f)!)!).map(s => s.name);
    expect(exportsOf(files[0])).toEqual(expect.arrayContaining(['At', 'AtProps', 'AtSpec']));
    expect(exportsOf(files[1])).toEqual(expect.arrayContaining(['Widget', 'WidgetSpec', 'WidgetSpecPort']));
    expect(fs.readFileSync(files[0], 'utf-8')).toContain("apiVersion: 'cnat.programming-kubernetes.info/v1alpha1',");
  });

  describe('date-time fields (cdk8s 2.70 cannot render a Date)', () => {
    // the generated modules, loaded as they are (after the test above generated them)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (group: string) => require(path.join(work, 'imports', `${group}.ts`));

    test('a format: date-time field is typed Date, and an imported object holding a Date does not synthesize', () => {
      // GIVEN
      const { At } = load('cnat.programming-kubernetes.info');
      const c = new Chart(Testing.app(), 'app');

      // WHEN
      new At(c, 'at', { spec: { schedule: new Date('2019-07-03T02:00:00Z'), command: 'echo YAY' } });

      // THEN
      expect(() => Testing.synth(c)).toThrow("can't render non-simple object of type 'Date'");
    });

    test('workaround 1: the date-time format inside an allOf; the imported field is a string and synthesizes', () => {
      // GIVEN
      const { Timer } = load('timers.example.com');
      expect(fs.readFileSync(path.join(work, 'imports', 'timers.example.com.ts'), 'utf-8')).toContain('readonly schedule: string;');
      const c = new Chart(Testing.app(), 'app');

      // WHEN
      new Timer(c, 'timer', { spec: { schedule: '2019-07-03T02:00:00Z' } });

      // THEN
      expect(Testing.synth(c)[0].spec).toEqual({ schedule: '2019-07-03T02:00:00Z' });
    });

    test('workaround 2: keep the Date, render it with the generated manifest() into a plain ApiObject', () => {
      // GIVEN
      const { At } = load('cnat.programming-kubernetes.info');
      const c = new Chart(Testing.app(), 'app');

      // WHEN
      new ApiObject(c, 'at', At.manifest({ metadata: { name: 'at' }, spec: { schedule: new Date('2019-07-03T02:00:00Z'), command: 'echo YAY' } }));

      // THEN
      expect(Testing.synth(c)[0]).toEqual({
        apiVersion: 'cnat.programming-kubernetes.info/v1alpha1',
        kind: 'At',
        metadata: { name: 'at' },
        spec: { schedule: '2019-07-03T02:00:00.000Z', command: 'echo YAY' },
      });
    });
  });
});
