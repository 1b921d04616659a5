import { ApiObject, App, Chart } from 'cdk8s';
import { AutoscaledDeployment, CanaryService, HelmValue, UmbrellaChart, VersioningStrategy } from 'cdk8s-patterns';

/**
 * Packages the shop as one Helm umbrella chart: one subchart per cdk8s chart of the app, each switchable with
 * `--set <chart>.enabled=false`, with Helm values that drive it. Call it last in `buildShop`, once every
 * chart exists; `app.synth()` writes it into `examples/dist/helm/shop/` right after the manifests.
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
  bindShopValues(app, umbrella);
  return umbrella;
}

/**
 * The shop's Helm values, each bound to what a construct writes (its default is what the construct got):
 * `frontend.image.stableTag` / `frontend.image.canaryTag` (the canary's image tags), `backend.replicas.min` /
 * `backend.replicas.max` (the autoscaler's bounds), `backend.resources` (the container's requests and
 * limits) and `backend.disruptionBudget` (whether the PodDisruptionBudget exists).
 */
export function bindShopValues(app: App, umbrella: UmbrellaChart): void {
  const frontend = app.node.tryFindChild('frontend')?.node.tryFindChild('frontend');
  if (frontend instanceof CanaryService) {
    const image = 'ghcr.io/example/shop-frontend:';
    for (const [key, version] of [['image.stableTag', 'v1-4-0'], ['image.canaryTag', 'v1-5-0']]) {
      const deployment = frontend.deployments[version];
      const tag = HelmValue.stringValue(key, {
        default: deployment.containers[0].image.slice(image.length),
        description: `The image tag of the frontend's ${version} version (${image}<tag>)`,
      });
      umbrella.bindValue(tag, deployment, 'spec.template.spec.containers[0].image', { prefix: image });
    }
  }

  const backend = app.node.tryFindChild('backend')?.node.tryFindChild('backend');
  if (backend instanceof AutoscaledDeployment) {
    const hpa = backend.autoscaler;
    umbrella.bindValue(HelmValue.integerValue('replicas.min', { default: hpa.minReplicas, description: 'The fewest backend pods' }),
      hpa.apiObject, 'spec.minReplicas');
    umbrella.bindValue(HelmValue.integerValue('replicas.max', { default: hpa.maxReplicas, description: 'The most backend pods' }),
      hpa.apiObject, 'spec.maxReplicas');
    const resources = ApiObject.of(backend.deployment).toJson().spec.template.spec.containers[0].resources;
    umbrella.bindValue(HelmValue.objectValue('resources', { default: resources, description: 'The backend container\'s requests and limits' }),
      backend.deployment, 'spec.template.spec.containers[0].resources');
    if (hpa.podDisruptionBudget) {
      umbrella.bindExistence(HelmValue.booleanValue('disruptionBudget', { default: true, description: 'Whether the backend has a PodDisruptionBudget' }),
        hpa.podDisruptionBudget);
    }
  }
}
