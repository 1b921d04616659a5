// ours: the workload with cdk8s-patterns constructs, synthesized with app.synth().
import { App } from 'cdk8s';
import { measure, variantArgs } from '../measure';
import { buildOurs } from '../workload';

const { services, outdir } = variantArgs();
measure(outdir, () => {
  const app = new App({ outdir });
  buildOurs(app, services);
  app.synth();
});
