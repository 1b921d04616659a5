// The small app as a user runs it through `cdk8s synth`: `node cli-app.js <ours|cdk8s-plus> <services>`.
// The CLI passes the output directory in CDK8S_OUTDIR, which App reads by default.
import { App } from 'cdk8s';
import { buildOurs, buildPlus } from '../workload';

const [variant, services] = process.argv.slice(2);
const build = { 'ours': buildOurs, 'cdk8s-plus': buildPlus }[variant];
if (!build || !services) throw new Error('usage: cli-app.js <ours|cdk8s-plus> <services>');
const app = new App();
build(app, Number(services));
app.synth();
