import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { packageShop } from './umbrella';
import { istio } from 'cdk8s-patterns';

/**
 * A small shop, composed from cdk8s-patterns constructs the way an application repository would.
 */
export function buildShop(app: App): void {
  const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  const frontend = new kplus.Deployment(chart, 'frontend', {
    metadata: { name: 'frontend' },
    containers: [{ image: 'ghcr.io/example/shop-frontend:1.4.0', portNumber: 8080, securityContext: { user: 1000 } }],
  });
  const service = frontend.exposeViaService({ name: 'frontend', ports: [{ port: 80, targetPort: 8080, name: 'http' }] });
  new istio.VirtualService(chart, 'frontend-routes', {
    metadata: { name: 'frontend' },
    spec: { hosts: [service.name], http: [{ route: [{ destination: { host: service.name }, weight: 100 }] }] },
  });
  packageShop(app); // keep last: packages every chart above as one Helm umbrella chart
}
