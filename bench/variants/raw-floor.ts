// The raw cdk8s floor: the objects `ours` wrote, re-emitted as plain ApiObjects and synthesized.
import * as fs from 'fs';
import { ApiObject, App, Chart } from 'cdk8s';
import { measure, variantArgs } from '../measure';

const { outdir } = variantArgs();
const objects: any[] = JSON.parse(fs.readFileSync(process.argv[4], 'utf-8'));
measure(outdir, () => {
  const app = new App({ outdir });
  const chart = new Chart(app, 'bench', { disableResourceNameHashes: true });
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
  app.synth();
});
