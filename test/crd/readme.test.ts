import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Document, isScalar, isSeq, visit } from 'yaml';
import { addScheduler } from '../../examples/scheduler';
import { only, synthValid } from '../util/validate';

const ROOT = path.resolve(__dirname, '..', '..');

/** The text between `<!-- begin:<id> -->` and `<!-- end:<id> -->` in the README, without its code fence. */
function readmeBlock(id: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'docs', 'custom-resources.md'), 'utf-8');
  const m = new RegExp(`<!-- begin:${id} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n<!-- end:${id} -->`).exec(readme);
  if (!m) throw new Error(`README.md has no block ${id}`);
  return m[1];
}

/** YAML documents with lists of scalars in flow style (`verbs: [get, list, watch]`), as the README shows them. */
function compactYaml(objects: unknown[]): string {
  return objects.map(o => {
    const doc = new Document(o, { version: '1.1' });
    visit(doc, { Seq: (_, node) => { if (isSeq(node) && node.items.every(isScalar)) node.flow = true; } });
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }).join('---\n');
}

describe('README custom resources section', () => {
  test('shows the code of examples/scheduler.ts', () => {
    const source = fs.readFileSync(path.join(ROOT, 'examples', 'scheduler.ts'), 'utf-8');
    const region = /\/\/ begin:crd-example\n([\s\S]*?)\n\s*\/\/ end:crd-example/.exec(source)![1];
    const dedented = region.split('\n').map(l => l.replace(/^ {2}/, '')).join('\n');
    // the guide's block imports what it uses (test/docs/samples.test.ts runs it); the rest is the example's code
    expect(readmeBlock('crd-code').replace(/^(import .*\n)+\n/, '')).toEqual(`${dedented}\n`);
  });

  test('shows the YAML that code synthesizes', () => {
    // GIVEN the shop's chart
    const chart = new Chart(new App(), 'shop', { namespace: 'shop', disableResourceNameHashes: true });

    // WHEN
    addScheduler(chart);
    const objects = synthValid(chart);

    // THEN the CRD, the instance and the two roles are shown as synthesized
    const shown = ['CustomResourceDefinition', 'At', 'ClusterRole', 'Role'].map(kind => only(objects, kind));
    expect(readmeBlock('crd-yaml')).toEqual(compactYaml(shown));
  });
});
