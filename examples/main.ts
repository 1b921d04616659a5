// The example app: run with `cdk8s synth` here (or `npm run example` at the repository root).
import { App } from 'cdk8s';
import { buildShop } from './shop';
import { UmbrellaChart } from 'cdk8s-patterns';

const app = new App();
buildShop(app);
app.synth();
UmbrellaChart.synthAll(app); // the Helm umbrella chart: dist/helm/shop/ (cdk8s has no synth hook)
