/**
 * The npm tarball (and the jsii tarball the Python, Java, .NET and Go packages embed, which `npm pack` makes
 * the same way) holds only what a user needs.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureCompiled, ROOT } from '../util/compiled';

interface PackedFile { readonly path: string; readonly size: number }

// lib/ and .jsii are about 3.4 MB unpacked and the bundled runtime dependencies (ajv, re2js, …) 2.5 MB,
// 1.4 MB packed in all (2026-12-02). 3 MB leaves room for the validators and engines still to come, and
// fails at once on what must never ship: the helm binary of the tests alone is 63 MB.
const MAX_PACKED_BYTES = 3 * 1024 * 1024;

const SHIPPED = [
  /^lib\/.+\.(js|js\.map|d\.ts)$/,
  /^\.jsii$/,
  /^(README|API|istio)\.md$/,
  /^docs\/[a-z-]+\.(md|svg)$/,
  /^LICENSE$/,
  /^package\.json$/,
];

describe('npm pack', () => {
  let files: PackedFile[];
  let packedSize: number;

  beforeAll(() => {
    ensureCompiled();
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf-8' }));
    files = pack.files;
    packedSize = pack.size;
  });

  test('ships the compiled library, its assembly, the docs and the license', () => {
    const paths = files.map(f => f.path);
    expect(paths).toEqual(expect.arrayContaining(['lib/src/index.js', 'lib/src/index.d.ts', '.jsii', 'README.md', 'API.md', 'LICENSE', 'package.json']));
    expect(paths.filter(p => p.startsWith('lib/imports/')).length).toBeGreaterThan(0);
  });

  test('ships nothing else: no sources, tests, benchmark, example, CI script or helm binary', () => {
    const unexpected = files.map(f => f.path).filter(p => !SHIPPED.some(re => re.test(p)) && !isRuntimeDependency(p));
    expect(unexpected).toEqual([]);
  });

  test(`stays under ${MAX_PACKED_BYTES / 1048576} MB packed`, () => {
    expect(packedSize).toBeLessThan(MAX_PACKED_BYTES);
    expect(files.find(f => f.size > 2 * 1024 * 1024)).toBeUndefined();
  });
});

const LOCK = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf-8'));

/** A file of a bundled runtime dependency or of a package one needs (npm bundles those too); never a dev one. */
function isRuntimeDependency(p: string): boolean {
  const m = /^node_modules\/((@[^/]+\/)?[^/]+)\//.exec(p);
  const entry = m && LOCK.packages[`node_modules/${m[1]}`];
  return !!entry && entry.dev !== true;
}
