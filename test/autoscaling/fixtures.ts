import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AutoscaledDeploymentProps } from '../../src';

/** A chart whose object names are readable (no hashes), in namespace `shop`. */
export function shopChart(id = 'shop'): Chart {
  return new Chart(Testing.app(), id, { namespace: 'shop', disableResourceNameHashes: true });
}

/** A cdk8s-plus Deployment with one container (cdk8s-plus' default requests: 1 cpu, 512Mi). */
export function plainDeployment(chart: Chart, id = 'worker', props: kplus.DeploymentProps = {}): kplus.Deployment {
  return new kplus.Deployment(chart, id, {
    metadata: { name: id },
    containers: [{ name: 'app', image: 'ghcr.io/example/worker:1.0.0', portNumber: 8080 }],
    ...props,
  });
}

/** The smallest AutoscaledDeployment props. */
export const BACKEND: AutoscaledDeploymentProps = {
  metadata: { name: 'backend' },
  containers: [{ name: 'app', image: 'ghcr.io/example/backend:2.1.0', portNumber: 8080 }],
  maxReplicas: 10,
};
