/**
 * The shared oracle: synthesize, then validate every emitted object against schemas someone else wrote.
 *
 * - Kubernetes kinds: `kubernetes-models` (generated from the Kubernetes OpenAPI spec).
 * - Istio kinds: `@kubernetes-models/istio` (generated from Istio's CRDs).
 * - Gateway API kinds (`gateway.networking.k8s.io`): `@kubernetes-models/gateway-api` (generated from its CRDs).
 * - Custom resources: the `openAPIV3Schema` of a CustomResourceDefinition in the same output, with ajv.
 *
 * An object of a kind none of these knows is a failure, never a pass.
 */
import Ajv, { ValidateFunction } from 'ajv';
import { Chart, Testing } from 'cdk8s';

export interface ManifestObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name?: string; readonly namespace?: string; readonly [k: string]: any };
  readonly [k: string]: any;
}

const ISTIO_GROUPS = new Set(['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io']);
const GATEWAY_API_GROUPS = new Set(['gateway.networking.k8s.io']);

/** Synthesizes one chart and validates every object in it; returns the objects. */
export function synthValid(chart: Chart): ManifestObject[] {
  const objects = Testing.synth(chart) as ManifestObject[];
  validateObjects(objects);
  return objects;
}

/** Validates a whole set of objects (e.g. every chart of an app), CRDs and their instances together. */
export function validateObjects(objects: readonly ManifestObject[]): void {
  const crds = customResourceValidators(objects);
  const problems: string[] = [];
  for (const obj of objects) {
    const where = `${obj?.apiVersion} ${obj?.kind} ${obj?.metadata?.namespace ? obj.metadata.namespace + '/' : ''}${obj?.metadata?.name}`;
    try {
      validateObject(obj, crds);
    } catch (e: any) {
      problems.push(`${where}: ${e.message}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`schema validation failed:\n${problems.join('\n')}`);
  }
}

function validateObject(obj: ManifestObject, crds: Map<string, ValidateFunction>): void {
  if (!obj || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
    throw new Error('object lacks apiVersion/kind');
  }
  if (!obj.metadata?.name) throw new Error('object lacks metadata.name');
  const crd = crds.get(`${obj.apiVersion}/${obj.kind}`);
  if (crd) {
    if (!crd(obj)) {
      throw new Error(`does not match its CRD schema: ${crd.errors!.map(e => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
    }
    return;
  }
  const Model = modelClass(obj.apiVersion, obj.kind);
  new Model(obj).validate();
}

/** The kubernetes-models class for an apiVersion/kind, or an error saying no schema knows it. */
function modelClass(apiVersion: string, kind: string): any {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const modulePath = ISTIO_GROUPS.has(group)
    ? `@kubernetes-models/istio/${group}/${version}/${kind}`
    : GATEWAY_API_GROUPS.has(group)
      ? `@kubernetes-models/gateway-api/${group}/${version}/${kind}`
      : `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`;
  let mod: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(modulePath);
  } catch (e: any) {
    throw new Error(`no schema knows ${apiVersion} ${kind} (${modulePath}: ${e.message.split('\n')[0]})`);
  }
  if (!mod[kind]) throw new Error(`no schema knows ${apiVersion} ${kind} (${modulePath} has no ${kind})`);
  return mod[kind];
}

/** One ajv validator per served version of every CRD in the output, keyed `group/version/Kind`. */
function customResourceValidators(objects: readonly ManifestObject[]): Map<string, ValidateFunction> {
  // useDefaults: the apiserver applies schema defaults before it validates
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, useDefaults: true });
  const validators = new Map<string, ValidateFunction>();
  for (const crd of objects.filter(o => o?.kind === 'CustomResourceDefinition')) {
    for (const version of crd.spec?.versions ?? []) {
      const schema = version.schema?.openAPIV3Schema;
      if (!schema) continue;
      const root = stripKubernetesExtensions(schema);
      // apiVersion, kind and metadata are always allowed at the root; a schema may restrict only
      // metadata.name/generateName, never forbid labels or annotations
      const metadata = root.properties?.metadata ? { ...root.properties.metadata, additionalProperties: true } : { type: 'object' };
      root.properties = { ...root.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata };
      const validate = ajv.compile(root);
      // validate a copy: defaulting must not change the object under test
      const onCopy = ((obj: unknown) => {
        const ok = validate(structuredClone(obj));
        onCopy.errors = validate.errors;
        return ok;
      }) as ValidateFunction;
      validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, onCopy);
    }
  }
  return validators;
}

/** The apiserver's structural-schema extensions that JSON Schema does not know, mapped to their meaning. */
function stripKubernetesExtensions(schema: any): any {
  if (Array.isArray(schema)) return schema.map(stripKubernetesExtensions);
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-kubernetes-')) continue;
    out[k] = stripKubernetesExtensions(v);
  }
  if (schema['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans beside minimum/maximum; JSON Schema as numbers
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof schema[flag] === 'boolean') {
      delete out[flag];
      if (schema[flag] && bound in schema) {
        out[flag] = schema[bound];
        delete out[bound];
      }
    }
  }
  if (schema.nullable) {
    delete out.nullable;
    if (out.type) out.type = [out.type, 'null'];
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] && out.type === 'object' && !out.properties) {
    out.additionalProperties = true;
  }
  if (out.type === 'object' && out.properties && schema.properties && !('additionalProperties' in schema)) {
    // the apiserver prunes unknown fields; an emitted unknown field would be silently dropped, so refuse it
    if (!schema['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  }
  return out;
}

/** Objects of one kind. */
export function ofKind(objects: readonly ManifestObject[], kind: string): ManifestObject[] {
  return objects.filter(o => o.kind === kind);
}

/** The one object of a kind (and name, when given); fails when there is not exactly one. */
export function only(objects: readonly ManifestObject[], kind: string, name?: string): ManifestObject {
  const found = objects.filter(o => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${kind}${name ? ` named ${name}` : ''}, found ${found.length}`);
  }
  return found[0];
}
