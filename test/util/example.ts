import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { synthShop } from '../../examples/shop';

/** Synthesizes the example app from source into a fresh directory, as `cdk8s synth` does; returns it. */
export function synthExample(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-'));
  synthShop(new App({ outdir }));
  return outdir;
}

/** Every file below a directory, relative and sorted. */
export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
