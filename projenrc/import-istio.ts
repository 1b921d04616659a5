/**
 * Regenerates imports/networking.istio.io.ts: the `cdk8s import` bindings for Istio's networking API.
 *
 * Source: the pinned upstream CRD bundle, or a local copy named by ISTIO_CRDS (offline builds).
 * Only the GA `v1` version of VirtualService, DestinationRule, Gateway and ServiceEntry is kept,
 * so the generated classes carry no version suffix and the bindings stay small.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';

export const ISTIO_VERSION = '1.30.3';
export const ISTIO_CRDS_URL = `https://raw.githubusercontent.com/istio/istio/${ISTIO_VERSION}/manifests/charts/base/files/crd-all.gen.yaml`;
const KINDS = ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry'];
const VERSION = 'v1';

async function readSource(): Promise<string> {
  const local = process.env.ISTIO_CRDS;
  if (local) {
    console.log(`reading Istio CRDs from ${local}`);
    return fs.readFileSync(local, 'utf-8');
  }
  console.log(`downloading Istio CRDs from ${ISTIO_CRDS_URL}`);
  const res = await fetch(ISTIO_CRDS_URL);
  if (!res.ok) throw new Error(`GET ${ISTIO_CRDS_URL}: ${res.status} ${res.statusText}`);
  return res.text();
}

async function main() {
  const docs = parseAllDocuments(await readSource()).map(d => d.toJS()).filter(Boolean);
  const kept = docs
    .filter((d: any) => d.kind === 'CustomResourceDefinition'
      && d.spec?.group === 'networking.istio.io'
      && KINDS.includes(d.spec?.names?.kind))
    .map((d: any) => ({ ...d, spec: { ...d.spec, versions: d.spec.versions.filter((v: any) => v.name === VERSION) } }))
    .sort((a: any, b: any) => KINDS.indexOf(a.spec.names.kind) - KINDS.indexOf(b.spec.names.kind));
  const missing = KINDS.filter(k => !kept.some((d: any) => d.spec.names.kind === k && d.spec.versions.length === 1));
  if (missing.length) throw new Error(`the CRD source lacks ${VERSION} of: ${missing.join(', ')}`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-crds-'));
  const file = path.join(tmp, 'istio.yaml');
  fs.writeFileSync(file, kept.map(d => stringify(d)).join('---\n'));
  const outdir = path.resolve(__dirname, '..', 'imports');
  execFileSync('npx', ['cdk8s', 'import', file, '--language', 'typescript', '--output', outdir, '--no-save', '--no-check-upgrade'], { stdio: 'inherit' });
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
