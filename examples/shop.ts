import { App, Chart } from 'cdk8s';
import { buildBackend } from './backend';
import { addEntryPoint } from './entry';
import { buildFrontend } from './frontend';
import { addScheduler } from './scheduler';

/**
 * A small shop, composed from cdk8s-patterns constructs the way an application repository would.
 */
export function buildShop(app: App): void {
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  buildFrontend(chart);
  buildBackend(chart);
  addEntryPoint(chart);
  addScheduler(chart);
}
