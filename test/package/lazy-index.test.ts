/**
 * The compiled entry point loads each export's module on first use (projenrc/lazy-index.ts): `require` of the
 * package loads nothing else, every name of the source index is there (for `require` and for ESM `import`),
 * and using one construct loads its capability, not the others.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as src from '../../src';
import { ensureCompiled, ROOT } from '../util/compiled';

const INDEX = path.join(ROOT, 'lib', 'src', 'index.js');
const LIB = path.join(ROOT, 'lib') + path.sep;

/** Runs `script` (CommonJS, or ESM when `esm`) in a fresh Node process and returns what it prints as JSON. */
function inFreshNode(script: string, esm = false): any {
  return JSON.parse(execFileSync(process.execPath, [...(esm ? ['--input-type=module'] : []), '-e', script], { encoding: 'utf-8' }));
}

const LOADED_LIB = `Object.keys(require.cache).filter(f => f.startsWith(${JSON.stringify(LIB)})).map(f => f.slice(${LIB.length}))`;

describe('lazy index', () => {
  beforeAll(() => ensureCompiled());

  test('require loads the index alone', () => {
    const loaded = inFreshNode(`require(${JSON.stringify(INDEX)}); console.log(JSON.stringify({ lib: ${LOADED_LIB}, all: Object.keys(require.cache).length }))`);
    expect(loaded).toEqual({ lib: ['src/index.js'], all: 1 });
  });

  test('exports every name of the source index, in its order', () => {
    const names = inFreshNode(`console.log(JSON.stringify(Object.keys(require(${JSON.stringify(INDEX)}))))`);
    expect(names).toEqual(Object.keys(src));
    expect(names).toContain('CanaryService');
    expect(names).toContain('istio');
  });

  test('ESM named imports see every name', () => {
    const names = inFreshNode(`import * as m from ${JSON.stringify(INDEX)}; const { CanaryService } = await import(${JSON.stringify(INDEX)});
      console.log(JSON.stringify([...Object.keys(m).filter(k => !['default', 'module.exports', '__esModule'].includes(k)), typeof CanaryService]))`, true);
    expect(names).toEqual([...Object.keys(src).sort(), 'function']);
  });

  test('using CanaryService loads the canary and what it needs, not the Helm, IPVS or CRD code', () => {
    const loaded: string[] = inFreshNode(`const p = require(${JSON.stringify(INDEX)}); void p.CanaryService; console.log(JSON.stringify(${LOADED_LIB}))`);
    expect(loaded).toContain('src/canary/canary-service.js');
    expect(loaded.filter(f => /^src\/(helm|ipvs|crd)\//.test(f))).toEqual([]);
  });

  test('synthesizing a CanaryService app loads neither the CRD, Gateway API, Istio Gateway or ServiceEntry validators nor the Helm, IPVS or CRD constructs', () => {
    const script = `
      const { App, Chart } = require(${JSON.stringify(require.resolve('cdk8s'))});
      const { CanaryService } = require(${JSON.stringify(INDEX)});
      const app = new App({ outdir: require('fs').mkdtempSync(require('os').tmpdir() + '/lazy-') });
      new CanaryService(new Chart(app, 'shop', { namespace: 'shop' }), 'web', {
        versions: [{ name: 'v1', containers: [{ image: 'nginx:1.27', portNumber: 8080 }] }, { name: 'v2', containers: [{ image: 'nginx:1.28', portNumber: 8080 }] }],
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
        canaryWeight: 10,
      });
      app.synth();
      console.log(JSON.stringify(${LOADED_LIB}));`;
    const loaded: string[] = inFreshNode(script);
    expect(loaded).toEqual(expect.arrayContaining(['src/validation/kubernetes/index.js', 'src/validation/istio/index.js']));
    expect(loaded.filter(f => /^src\/(helm|ipvs|crd|validation\/apiextensions|validation\/gateway)\/|^src\/validation\/istio\/(gateway|service-entry)\.js$/.test(f))).toEqual([]);
  });

  test('a namespace export is the module itself', () => {
    const same = inFreshNode(`const p = require(${JSON.stringify(INDEX)}); console.log(JSON.stringify(p.istio === require(${JSON.stringify(path.join(ROOT, 'lib', 'imports', 'networking.istio.io.js'))}) && typeof p.istio.VirtualService))`);
    expect(same).toBe('function');
  });
});
