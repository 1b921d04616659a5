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

/** The shop's manifests: every file but the cluster chart's (kube-proxy, cluster-wide, outside the shop's release). */
function shopManifests(outdir: string): string[] {
  return fs.readdirSync(outdir).filter(f => f.endsWith('.k8s.yaml') && !/^(\d{4}-)?cluster\.k8s\.yaml$/.test(f));
}

describe('the example app packaged as an umbrella chart', () => {
  const first = runExample();

  test('writes one chart, dist/helm/shop, with a subchart per chart of the shop (the cluster chart stays apart)', () => {
    expect(first.charts).toEqual([path.join(first.outdir, 'helm', 'shop')]);
    const manifests = shopManifests(first.outdir);
    expect(fs.readdirSync(first.outdir).filter(f => f.endsWith('.k8s.yaml')).length).toBe(manifests.length + 1);
    const subcharts = fs.readdirSync(path.join(first.charts[0], 'charts')).sort();
    expect(subcharts).toEqual(manifests.map(f => f.replace(/^\d{4}-/, '').replace('.k8s.yaml', '')).sort());
  });

  test('helm lint --strict --with-subcharts is clean', () => {
    expect(() => lintStrict(first.charts[0])).not.toThrow();
  });

  test('helm template renders exactly the objects of the manifests cdk8s wrote', () => {
    const written = shopManifests(first.outdir)
      .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(first.outdir, f), 'utf-8')).map(d => d.toJS()));
    expect(written.length).toBeGreaterThan(0);
    expect(canonical(helmTemplate(first.charts[0], '--include-crds').map(r => r.object))).toEqual(canonical(written));
  });

  test('is byte-identical on a second run', () => {
    const second = runExample();
    expect(readTree(second.charts[0])).toEqual(readTree(first.charts[0]));
  });
});
