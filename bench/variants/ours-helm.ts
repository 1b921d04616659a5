// ours → Helm: the workload written as an UmbrellaChart directory (no plain manifests).
import { App } from 'cdk8s';
import { UmbrellaChart } from 'cdk8s-patterns';
import { measure, variantArgs } from '../measure';
import { buildOurs } from '../workload';

const { services, outdir } = variantArgs();
measure(outdir, () => {
  const app = new App({ outdir });
  const chart = buildOurs(app, services);
  const umbrella = new UmbrellaChart(app, 'umbrella', { name: 'bench', version: '0.1.0', appVersion: '1.0.0', outdir });
  umbrella.addSubchart(chart);
  umbrella.synth();
});
