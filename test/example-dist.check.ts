// Run by .ci/run after `npm run example`: the files `cdk8s synth` wrote to examples/dist/ with the compiled
// package must pass the shared validation and equal what the same app synthesizes from source.
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { listFiles, synthExample } from './util/example';
import { ManifestObject, validateObjects } from './util/validate';

const DIST = path.resolve(__dirname, '..', 'examples', 'dist');

test('npm run example wrote valid manifests identical to the in-process synth', () => {
  const written = listFiles(DIST).filter(f => f.endsWith('.k8s.yaml'));
  expect(written.length).toBeGreaterThan(0);
  const objects = written.flatMap(f => parseAllDocuments(fs.readFileSync(path.join(DIST, f), 'utf-8')).map(d => d.toJS() as ManifestObject));
  expect(() => validateObjects(objects)).not.toThrow();

  const fromSource = synthExample();
  for (const f of listFiles(fromSource)) {
    expect({ file: f, bytes: fs.readFileSync(path.join(DIST, f), 'utf-8') })
      .toEqual({ file: f, bytes: fs.readFileSync(path.join(fromSource, f), 'utf-8') });
  }
});
