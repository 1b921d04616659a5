import { App, Chart } from 'cdk8s';
import { UmbrellaChart, VersioningStrategy } from 'cdk8s-patterns';

/**
 * Packages the shop as one Helm umbrella chart: one subchart per cdk8s chart of the app, each switchable with
 * `--set <chart>.enabled=false`. Call it last in `buildShop`, once every chart exists; `main.ts` writes it
 * after `app.synth()` (`UmbrellaChart.synthAll(app)`), into `examples/dist/helm/shop/`.
 */
export function packageShop(app: App, charts: Chart[] = app.charts): UmbrellaChart {
  const umbrella = new UmbrellaChart(app, 'umbrella', {
    name: 'shop',
    appVersion: '1.4.0',
    versioning: VersioningStrategy.LOCK_STEP,
    description: 'The example shop, one subchart per cdk8s chart',
    home: 'https://github.com/cdk8s-patterns/cdk8s-patterns',
    sources: ['https://github.com/cdk8s-patterns/cdk8s-patterns/tree/main/examples'],
    maintainers: [{ name: 'cdk8s-patterns developers', email: 'dev@cdk8s-patterns.dev' }],
    kubeVersion: '>=1.27.0-0',
  });
  for (const chart of charts) umbrella.addSubchart(chart);
  return umbrella;
}
