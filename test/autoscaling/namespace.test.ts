/**
 * A namespace set on the AutoscaledDeployment's own Deployment (issue 13): the autoscaler and the
 * PodDisruptionBudget follow it instead of refusing with a message about a 'target' the user never set.
 */
import { Chart, Testing } from 'cdk8s';
import { AutoscaledDeployment } from '../../src';
import { synthValid } from '../util/validate';

test('GIVEN metadata.namespace on the Deployment WHEN synthesized THEN the HPA and the PDB are in that namespace', () => {
  // GIVEN a chart in namespace shop and a Deployment placed in batch
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  new AutoscaledDeployment(chart, 'backend', {
    metadata: { namespace: 'batch' },
    containers: [{ name: 'app', image: 'ghcr.io/example/backend:2.1.0', portNumber: 8080 }],
    maxReplicas: 5,
    podDisruptionBudget: true,
  });
  // WHEN
  const objects = synthValid(chart);
  // THEN every object is in batch, the HPA scales the Deployment of its own namespace
  expect(objects.map(o => [o.kind, o.metadata.namespace, o.metadata.name])).toEqual([
    ['Deployment', 'batch', 'shop-backend'],
    ['HorizontalPodAutoscaler', 'batch', 'shop-backend'],
    ['PodDisruptionBudget', 'batch', 'shop-backend'],
  ]);
});
