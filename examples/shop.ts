import { App, Chart } from 'cdk8s';
import { UmbrellaChart } from 'cdk8s-patterns';
import { buildBackend } from './backend';
import { buildCluster } from './cluster';
import { addEntryPoint } from './entry';
import { buildFrontend } from './frontend';
import { buildRatings } from './ratings';
import { addScheduler } from './scheduler';
import { packageShop } from './umbrella';

/**
 * A small shop, composed from cdk8s-patterns constructs the way an application repository would: one
 * cdk8s chart per part (each becomes a subchart of the shop's Helm umbrella chart).
 */
export function buildShop(app: App): void {
  const part = (id: string) => new Chart(app, id, { namespace: 'shop', disableResourceNameHashes: true });
  buildFrontend(part('frontend'));
  buildBackend(part('backend'));
  buildRatings(part('ratings'));
  addEntryPoint(part('entry'));
  addScheduler(part('scheduler'));
  const umbrella = packageShop(app); // packages every chart above as one Helm umbrella chart
  // cluster-wide (kube-system), so deliberately outside the shop's release
  const cluster = new Chart(app, 'cluster', { disableResourceNameHashes: true });
  buildCluster(cluster);
  umbrella.leaveOut(cluster);
}

/**
 * What `cdk8s synth` runs (main.ts): the manifests, one file per chart, then the umbrella chart in helm/shop/.
 */
export function synthShop(app: App): void {
  buildShop(app);
  app.synth();
  UmbrellaChart.synthAll(app); // cdk8s has no synth hook: the umbrella chart is written after app.synth()
}
