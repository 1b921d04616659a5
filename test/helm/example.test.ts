import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { canonical, helmTemplate, lintStrict, readTree, tmpdir } from './util';
import { synthShop } from '../../examples/shop';

/** What examples/main.ts does, into a fresh directory. */
function runExample(): { outdir: string; charts: string[] } {
  const app = new App({ outdir: tmpdir('shop-example-') });
  synthShop(app);
  return { outdir: app.outdir, charts: [path.join(app.outdir, 'helm', 'shop')] };
}

describe('the example app packaged as an umbrella chart', () => {
  const first = runExample();

  test('writes one chart, dist/helm/shop, with a subchart per chart of the app', () => {
    expect(first.charts).toEqual([path.join(first.outdir, 'helm', 'shop')]);
    const manifests = fs.readdirSync(first.outdir).filter(f => f.endsWith('.k8s.yaml'));
    const subcharts = fs.readdirSync(path.join(first.charts[0], 'charts')).sort();
    expect(subcharts).toEqual(manifests.map(f => f.replace(/^\d{4}-/, '').replace('.k8s.yaml', '')).sort());
  });

  test('helm lint --strict --with-subcharts is clean', () => {
    expect(() => lintStrict(first.charts[0])).not.toThrow();
  });

  test('helm template renders exactly the objects of the manifests cdk8s wrote', () => {
    const written = fs.readdirSync(first.outdir).filter(f => f.endsWith('.k8s.yaml'))
      .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(first.outdir, f), 'utf-8')).map(d => d.toJS()));
    expect(written.length).toBeGreaterThan(0);
    expect(canonical(helmTemplate(first.charts[0], '--include-crds').map(r => r.object))).toEqual(canonical(written));
  });

  test('is byte-identical on a second run', () => {
    const second = runExample();
    expect(readTree(second.charts[0])).toEqual(readTree(first.charts[0]));
  });
});
