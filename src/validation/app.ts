import * as path from 'path';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { addWarning, WARNING_METADATA_TYPE } from '../common/warnings';
import { groupOf, isClusterScoped } from './kubernetes/object-meta';
import { oncePerSynth, renderedForValidation, renderOncePerSynth } from '../synth/render-once';

/**
 * Whole-App checks, run once per App at synth: what no single object shows, only the objects together.
 *
 * - the same object identity (group, kind, namespace, name) written twice: the second apply replaces the
 *   first (Helm refuses to install two releases that own one object);
 * - cluster-wide singletons configured twice (the kube-proxy configuration: kube-proxy reads exactly one);
 * - host ports claimed twice by workloads that can land on the same nodes (host network, or `hostPort`): the
 *   scheduler never places the second pod on a node where the port is taken;
 * - output paths that collide: two umbrella charts writing the same `<outdir>/<name>`, two objects written
 *   to the same file with `YamlOutputType.FILE_PER_RESOURCE`;
 * - cluster-scoped RBAC objects bound to a namespaced ServiceAccount whose name lacks that namespace: the
 *   same app synthesized for two namespaces (staging, prod) writes one object twice, and each apply rebinds
 *   the other's subjects.
 */

/** One written object as the checks see it. */
export interface WrittenObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** The object as written, or undefined when it must not be rendered (the checks that need it skip it). */
  readonly json: any;
  /** Where it comes from: a construct path or a manifest file and index. */
  readonly where: string;
  /** Whether its scheduling is unknown to the checks (host-port overlaps are then only warnings). */
  readonly schedulingUnknown?: boolean;
}

/** A finding of a whole-App (or whole-manifest-set) check on one written object. */
export interface SetProblem {
  readonly object: WrittenObject;
  readonly message: string;
  readonly rule: string;
  readonly error: boolean;
}

/** The checks over a set of written objects (an App's, or the manifests given to the public API). */
export function objectSetProblems(objects: readonly WrittenObject[]): SetProblem[] {
  return [
    ...duplicateIdentities(objects),
    ...kubeProxySingletons(objects),
    ...hostPortClaims(objects),
    ...clusterScopedNames(objects),
  ];
}

/** Whether an object was written by one of the library's constructs (one that validates what it writes). */
let libraryObject: (obj: ApiObject) => boolean = () => false;

/** Set by `construct.ts` (which knows the library's validating constructs). Internal. */
export function setLibraryObjectTest(test: (obj: ApiObject) => boolean): void {
  libraryObject = test;
}

/** The cdk8s-plus construct that owns an ApiObject (its `apiObject`), if any. */
function l2Owner(obj: ApiObject): any {
  const scope: any = obj.node.scope;
  return scope && scope.apiObject === obj ? scope : undefined;
}

const NEEDS_JSON = new Set(['ConfigMap', 'DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet', 'ClusterRoleBinding']);

/**
 * An ApiObject as the checks see it. Library objects are rendered (and the render kept for their own
 * validation), plain ApiObjects too; objects a user's cdk8s-plus construct owns are never rendered here (a
 * render before synth would change them: spread anti-affinity terms repeat), their pod spec is read from the
 * construct's model.
 */
export function writtenOf(obj: ApiObject): WrittenObject {
  const base = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.name, namespace: obj.metadata.namespace, where: obj.node.path };
  if (!NEEDS_JSON.has(obj.kind)) return { ...base, json: undefined };
  if (libraryObject(obj)) return { ...base, json: renderedForValidation(obj) };
  const owner = l2Owner(obj);
  if (!owner) return { ...base, json: renderedForValidation(obj) };
  return { ...base, json: modelJson(owner, obj.kind), schedulingUnknown: true };
}

/** What the checks need of a cdk8s-plus construct, read from its model (never rendered). */
function modelJson(owner: any, kind: string): any {
  if (kind === 'ConfigMap') return { data: owner.data };
  const container = (c: any) => ({
    restartPolicy: c.restartPolicy,
    ports: (c.ports ?? []).map((p: any) => ({ containerPort: p.number, hostPort: p.hostPort, hostIP: p.hostIp, protocol: p.protocol })),
  });
  if (!Array.isArray(owner.containers)) return undefined;
  return {
    spec: {
      template: {
        spec: {
          hostNetwork: owner.hostNetwork,
          containers: owner.containers.map(container),
          initContainers: (owner.initContainers ?? []).map(container),
        },
      },
    },
  };
}

const registered = new WeakSet<IConstruct>();

/**
 * Adds the whole-App checks to the root of `scope`'s tree, once per root (idempotent): errors fail the synth
 * under the construct path of the object concerned, warnings are recorded on it.
 */
export function registerAppChecks(scope: IConstruct): void {
  const root = scope.node.root;
  if (registered.has(root)) return;
  registered.add(root);
  root.node.addValidation({
    validate: oncePerSynth(() => {
      const errors: string[] = [];
      let constructs: Map<string, IConstruct> | undefined;
      for (const p of appProblems(root)) {
        const message = `${p.message} [${p.rule}]`;
        if (p.error) {
          errors.push(`[${p.object.where}] ${message}`);
          continue;
        }
        constructs ??= new Map(root.node.findAll().map(c => [c.node.path, c]));
        warnOnce(constructs.get(p.object.where) ?? root, message);
      }
      return errors;
    }),
  });
}

/** cdk8s validates the App once per chart during one synth: a warning is recorded once. */
export function warnOnce(scope: IConstruct, message: string): void {
  if (!scope.node.metadata.some(m => m.type === WARNING_METADATA_TYPE && m.data === message)) addWarning(scope, message);
}

/** Every whole-App problem of the tree `root`: the object-set checks over its ApiObjects, and its output paths. */
export function appProblems(root: IConstruct): SetProblem[] {
  const apiObjects = root.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  apiObjects.forEach(renderOncePerSynth);
  const written = apiObjects.map(writtenOf);
  return [...objectSetProblems(written), ...outputCollisions(root, apiObjects, written)];
}

/** `Kind.group namespace/name` as `kubectl` would name it, and its identity key. */
export function identityOf(o: WrittenObject): { key: string; text: string } {
  const group = groupOf(o.apiVersion);
  const clusterScoped = isClusterScoped(o.apiVersion, o.kind);
  const namespace = clusterScoped ? '' : o.namespace ?? '';
  const kind = group === '' ? o.kind : `${o.kind}.${group}`;
  const text = clusterScoped ? `${kind} ${o.name}` : `${kind} ${namespace === '' ? '(release namespace)' : namespace}/${o.name}`;
  return { key: JSON.stringify([group, o.kind, namespace, o.name]), text };
}

/** Objects the cluster has exactly one of, by identity key. */
const SINGLETONS: Record<string, string> = {
  [JSON.stringify(['', 'ConfigMap', 'kube-system', 'kube-proxy'])]: "the cluster's one kube-proxy configuration",
  [JSON.stringify(['', 'ConfigMap', 'kube-system', 'coredns'])]: "the cluster's one CoreDNS configuration",
  [JSON.stringify(['apps', 'DaemonSet', 'kube-system', 'kube-proxy'])]: "the cluster's kube-proxy",
};

function duplicateIdentities(objects: readonly WrittenObject[]): SetProblem[] {
  const first = new Map<string, WrittenObject>();
  const problems: SetProblem[] = [];
  for (const o of objects) {
    const id = identityOf(o);
    const earlier = first.get(id.key);
    if (!earlier) {
      first.set(id.key, o);
      continue;
    }
    const singleton = SINGLETONS[id.key];
    problems.push({
      object: o,
      rule: singleton ? 'app cluster-wide singleton' : 'app duplicate object identity',
      error: true,
      message: singleton
        ? `${id.text} is ${singleton}, and it is written twice (also at ${earlier.where}): the second replaces the first. Write it once.`
        : `${id.text} is written twice (also at ${earlier.where}): the second apply replaces the first, and Helm refuses an object `
          + 'owned by two releases. Give one a different name or namespace.',
    });
  }
  return problems;
}

/** ConfigMaps that carry a KubeProxyConfiguration under other names: kube-proxy reads one of them. */
function kubeProxySingletons(objects: readonly WrittenObject[]): SetProblem[] {
  const holders = objects.filter(o => o.kind === 'ConfigMap' && o.apiVersion === 'v1' && typeof o.json?.data === 'object' && o.json.data !== null
    && Object.values(o.json.data).some(v => typeof v === 'string' && /^kind:\s*KubeProxyConfiguration\s*$/m.test(v)));
  const distinct = new Map<string, WrittenObject>();
  for (const o of holders) if (!distinct.has(identityOf(o).key)) distinct.set(identityOf(o).key, o);
  const list = [...distinct.values()];
  return list.slice(1).map(o => ({
    object: o,
    rule: 'app cluster-wide singleton',
    error: false,
    message: `${identityOf(o).text} holds a KubeProxyConfiguration, and so does ${identityOf(list[0]).text} (${list[0].where}): `
      + 'kube-proxy reads exactly one configuration, so one of them is ignored',
  }));
}

interface PortClaim {
  readonly object: WrittenObject;
  readonly port: number;
  readonly protocol: string;
  readonly hostIp: string;
  readonly nodeSelector: Record<string, string>;
  readonly constrained: boolean;
}

const WORKLOADS = ['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet'];

/** Host ports claimed by a workload's pod template (with the host's network: every container port). */
function portClaims(o: WrittenObject): PortClaim[] {
  if (o.apiVersion !== 'apps/v1' || !WORKLOADS.includes(o.kind)) return [];
  const spec = o.json?.spec?.template?.spec;
  if (typeof spec !== 'object' || spec === null) return [];
  const hostNetwork = spec.hostNetwork === true;
  const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
  const containers = [...list(spec.containers), ...list(spec.initContainers).filter((c: any) => c?.restartPolicy === 'Always')];
  const claims: PortClaim[] = [];
  for (const c of containers) {
    for (const port of list(c?.ports)) {
      const hostPort = port?.hostPort || (hostNetwork ? port?.containerPort : undefined);
      if (typeof hostPort !== 'number') continue;
      claims.push({
        object: o,
        port: hostPort,
        protocol: port.protocol ?? 'TCP',
        hostIp: port.hostIP ?? '',
        nodeSelector: spec.nodeSelector ?? {},
        constrained: o.schedulingUnknown === true || spec.affinity?.nodeAffinity !== undefined || spec.nodeName !== undefined,
      });
    }
  }
  return claims;
}

/** Whether two nodeSelectors can select one node (no key with two different values). */
function selectorsOverlap(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.entries(a).every(([k, v]) => b[k] === undefined || b[k] === v);
}

function sameSelector(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
}

function hostPortClaims(objects: readonly WrittenObject[]): SetProblem[] {
  const claims = objects.flatMap(portClaims);
  const problems: SetProblem[] = [];
  const reported = new Set<string>();
  for (let j = 0; j < claims.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = claims[i];
      const b = claims[j];
      if (a.object === b.object || a.port !== b.port || a.protocol !== b.protocol) continue;
      const specific = (ip: string) => ip !== '' && ip !== '0.0.0.0' && ip !== '::';
      if (specific(a.hostIp) && specific(b.hostIp) && a.hostIp !== b.hostIp) continue;
      if (!selectorsOverlap(a.nodeSelector, b.nodeSelector)) continue;
      const key = `${b.object.where}|${b.port}/${b.protocol}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const certain = !a.constrained && !b.constrained && sameSelector(a.nodeSelector, b.nodeSelector)
        && a.object.kind === 'DaemonSet' && b.object.kind === 'DaemonSet';
      problems.push({
        object: b.object,
        rule: 'app host port claimed twice',
        error: certain,
        message: `${identityOf(b.object).text} claims host port ${b.port}/${b.protocol}, which ${identityOf(a.object).text} (${a.object.where}) `
          + `also claims on ${certain ? 'the same' : 'possibly the same'} nodes: the scheduler never places a second pod on a node `
          + 'where the host port is taken. Give one of them another port (or disjoint nodeSelectors).',
      });
    }
  }
  return problems;
}

function clusterScopedNames(objects: readonly WrittenObject[]): SetProblem[] {
  const problems: SetProblem[] = [];
  const rbac = 'rbac.authorization.k8s.io/v1';
  for (const binding of objects.filter(o => o.apiVersion === rbac && o.kind === 'ClusterRoleBinding')) {
    const subjects: any[] = Array.isArray(binding.json?.subjects) ? binding.json.subjects : [];
    const namespaces = [...new Set<string>(subjects.filter(s => s?.kind === 'ServiceAccount' && typeof s?.namespace === 'string').map(s => s.namespace))];
    if (namespaces.length !== 1) continue;
    const ns = namespaces[0];
    const targets: WrittenObject[] = [binding];
    const role = objects.find(o => o.apiVersion === rbac && o.kind === 'ClusterRole' && o.name === binding.json?.roleRef?.name);
    if (role) targets.push(role);
    for (const target of targets) {
      if (target.name.includes(ns)) continue;
      problems.push({
        object: target,
        rule: 'app cluster-scoped name without namespace',
        error: false,
        message: `${identityOf(target).text} is cluster-scoped and serves the ServiceAccount of namespace ${JSON.stringify(ns)}, but its name `
          + 'does not include the namespace: the same app synthesized for another namespace writes the same object, and each apply '
          + "rebinds the other's subjects. Put the namespace in the name.",
      });
    }
  }
  return problems;
}

const UMBRELLA_SYMBOL = Symbol.for('cdk8s-patterns.UmbrellaChart');

function outputCollisions(root: IConstruct, apiObjects: ApiObject[], written: WrittenObject[]): SetProblem[] {
  const problems: SetProblem[] = [];
  const dirs = new Map<string, IConstruct>();
  for (const c of root.node.findAll()) {
    if (!(UMBRELLA_SYMBOL in c)) continue;
    const umbrella = c as unknown as { outdir: string; name: string };
    const dir = path.resolve(umbrella.outdir, umbrella.name);
    const earlier = dirs.get(dir);
    if (!earlier) {
      dirs.set(dir, c);
      continue;
    }
    problems.push({
      object: { apiVersion: 'v2', kind: 'HelmChart', name: umbrella.name, json: undefined, where: c.node.path },
      rule: 'app output directory collision',
      error: true,
      message: `'name' (${JSON.stringify(umbrella.name)}) writes the chart directory ${path.join(umbrella.outdir, umbrella.name)}, which the `
        + `umbrella chart at ${earlier.node.path} writes too: the second replaces the first. Give each umbrella chart its own 'name' or 'outdir'.`,
    });
  }
  const perResource = [YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE];
  if (root instanceof App && perResource.includes(root.yamlOutputType)) {
    const perChart = root.yamlOutputType === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE;
    const files = new Map<string, WrittenObject>();
    apiObjects.forEach((obj, i) => {
      // cdk8s App.synth names the file `<kind>.<name>` stripped of other characters; the namespace is not in it.
      const file = `${obj.kind}.${obj.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
      const key = perChart ? `${Chart.of(obj).node.path}/${file}` : file;
      const earlier = files.get(key);
      if (!earlier) {
        files.set(key, written[i]);
      } else if (identityOf(earlier).key !== identityOf(written[i]).key) {
        problems.push({
          object: written[i],
          rule: 'app output file collision',
          error: true,
          message: `${identityOf(written[i]).text} is written to ${file}${root.outputFileExtension}, like ${identityOf(earlier).text} `
            + `(${earlier.where}): with one file per resource the second overwrites the first. Give them different names.`,
        });
      }
    });
  }
  return problems;
}
