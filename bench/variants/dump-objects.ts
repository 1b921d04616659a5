// Writes the objects of the `ours` workload as JSON, the input of the raw cdk8s floor.
import * as fs from 'fs';
import { App } from 'cdk8s';
import { buildOurs } from '../workload';

const [services, file] = process.argv.slice(2);
const app = new App({ outdir: '/dev/null' });
buildOurs(app, Number(services));
fs.writeFileSync(file, JSON.stringify(app.charts.flatMap(c => Object.values(c.toJson()))));
