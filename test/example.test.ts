import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { listFiles, synthExample } from './util/example';
import { ManifestObject, validateObjects } from './util/validate';

describe('example app', () => {
  const first = synthExample();
  const second = synthExample();

  test('synthesizes byte-identical files twice in a row', () => {
    const files = listFiles(first);
    expect(files.length).toBeGreaterThan(0);
    expect(listFiles(second)).toEqual(files);
    for (const f of files) {
      expect({ file: f, bytes: fs.readFileSync(path.join(second, f), 'utf-8') })
        .toEqual({ file: f, bytes: fs.readFileSync(path.join(first, f), 'utf-8') });
    }
  });

  test('writes manifests that pass the shared schema validation', () => {
    const objects = listFiles(first)
      .filter(f => f.endsWith('.k8s.yaml'))
      .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(first, f), 'utf-8')).map(d => d.toJS() as ManifestObject));
    expect(objects.length).toBeGreaterThan(0);
    expect(() => validateObjects(objects)).not.toThrow();
  });
});
