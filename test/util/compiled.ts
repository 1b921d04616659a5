/**
 * The compiled package (lib/ and .jsii), as `npx projen compile` writes it. Tests that read the jsii assembly,
 * load lib/ or pack the tarball call `ensureCompiled()`: it runs the compile task (jsii, then the lazy index)
 * once when the output is missing or older than a source file, under a lock so parallel test files never
 * compile at the same time.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
const ASSEMBLY = path.join(ROOT, '.jsii');
const INDEX = path.join(ROOT, 'lib', 'src', 'index.js');
const LOCK = path.join(ROOT, '.cache', 'compile.lock');

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(path.join(ROOT, 'imports'));
  return newest;
}

function upToDate(): boolean {
  // the lazy index is the compile task's last step
  const mtime = (f: string) => fs.statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return mtime(ASSEMBLY) >= newestSource() && mtime(INDEX) >= mtime(ASSEMBLY);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Compiles the package unless lib/ and .jsii are newer than every source file; returns the assembly path. */
export function ensureCompiled(): string {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // another test file is compiling; a lock older than five minutes was left by a killed run
      if (Date.now() - fs.statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 300_000) fs.rmdirSync(LOCK);
      else sleep(500);
    }
  }
  try {
    if (!upToDate()) {
      execFileSync(process.execPath, [require.resolve('projen/bin/projen'), 'compile'], { cwd: ROOT, stdio: 'pipe' });
    }
  } finally {
    fs.rmdirSync(LOCK);
  }
  return ASSEMBLY;
}
