// cdk8s-plus: the same objects assembled by hand with cdk8s-plus-27 L2s and raw Istio ApiObjects.
import { App } from 'cdk8s';
import { measure, variantArgs } from '../measure';
import { buildPlus } from '../workload';

const { services, outdir } = variantArgs();
measure(outdir, () => {
  const app = new App({ outdir });
  buildPlus(app, services);
  app.synth();
});
