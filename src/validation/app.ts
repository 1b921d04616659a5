import * as path from 'path';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { addWarning } from '../common/warnings';
import { groupOf, isClusterScoped } from './kubernetes/object-meta';

/**
 * Whole-App checks, run once per App at synth: what no single object shows, only the App as a whole.
 *
 * - the same object identity (group, kind, namespace, name) written twice: the second apply replaces the
 *   first (Helm refuses to install two releases that own one object);
 * - cluster-wide singletons configured twice (the kube-proxy configuration: kube-proxy reads exactly one);
 * - host ports claimed twice by workloads that can land on the same nodes (host network, or `hostPort`): the
 *   scheduler never places the second pod on a node where the port is taken;
 * - output paths that collide: two umbrella charts writing the same `<outdir>/<name>`, two objects written
 *   to the same file with `YamlOutputType.FILE_PER_RESOURCE`;
 * - cluster-scoped RBAC objects of the library bound to a namespaced ServiceAccount whose name lacks that
 *   namespace: the same app synthesized for two namespaces (staging, prod) writes one object twice, and each
 *   apply rebinds the other's subjects.
 */
export function appProblems(root: IConstruct): AppProblem[] {
  rendered = new WeakMap();
  const objects = root.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
  return [
    ...duplicateIdentities(objects),
    ...kubeProxySingletons(objects),
    ...hostPortClaims(objects),
    ...outputCollisions(root, objects),
    ...clusterScopedNames(objects),
  ];
}

/**
 * Rendered objects the App checks made for library-owned objects, taken (once) by `validateWrittenObjects` in
 * the same validation pass, so each object is rendered once per synth (cdk8s-plus pod specs grow on every render).
 */
let rendered = new WeakMap<ApiObject, any>();

/** The rendered JSON the App checks left for `obj` in this validation pass (removed), or a fresh render. */
export function takeRendered(obj: ApiObject): any {
  const json = rendered.get(obj);
  if (json === undefined) return obj.toJson();
  rendered.delete(obj);
  return json;
}

/** The cdk8s-plus construct that owns an ApiObject (its `apiObject`), if any. */
function l2Owner(obj: ApiObject): any {
  const scope: any = obj.node.scope;
  return scope && scope.apiObject === obj ? scope : undefined;
}

/**
 * The object as written, for the App checks: library objects are rendered (and the render kept for their own
 * validation), plain ApiObjects too; objects a user's cdk8s-plus construct owns are not rendered (a render
 * before synth would change them), so the checks that need their spec read the construct's model instead.
 */
function renderForChecks(obj: ApiObject): any {
  if (libraryObject(obj)) {
    const json = obj.toJson();
    rendered.set(obj, json);
    return json;
  }
  return l2Owner(obj) ? undefined : obj.toJson();
}

/** A finding of a whole-App check: the construct it is reported on, the message, error or warning. */
export interface AppProblem {
  readonly scope: IConstruct;
  readonly message: string;
  readonly rule: string;
  readonly error: boolean;
}

const registered = new WeakSet<IConstruct>();

/**
 * Adds the whole-App checks to the root of `scope`'s tree, once per root (idempotent): errors fail the synth
 * under the construct path of the object written last, warnings are recorded on it.
 */
export function registerAppChecks(scope: IConstruct): void {
  const root = scope.node.root;
  if (registered.has(root)) return;
  registered.add(root);
  root.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      for (const p of appProblems(root)) {
        const message = `${p.message} [${p.rule}]`;
        if (p.error) errors.push(`[${p.scope.node.path}] ${message}`);
        else addWarning(p.scope, message);
      }
      return errors;
    },
  });
}

/** `group/Kind namespace/name` as `kubectl` would name it. */
function identityOf(obj: ApiObject): { key: string; text: string } {
  const group = groupOf(obj.apiVersion);
  const clusterScoped = isClusterScoped(obj.apiVersion, obj.kind);
  const namespace = clusterScoped ? '' : obj.metadata.namespace ?? '';
  const kind = group === '' ? obj.kind : `${obj.kind}.${group}`;
  const text = clusterScoped ? `${kind} ${obj.name}` : `${kind} ${namespace === '' ? '(release namespace)' : namespace}/${obj.name}`;
  return { key: JSON.stringify([group, obj.kind, namespace, obj.name]), text };
}

function duplicateIdentities(objects: ApiObject[]): AppProblem[] {
  const first = new Map<string, ApiObject>();
  const problems: AppProblem[] = [];
  for (const obj of objects) {
    const id = identityOf(obj);
    const earlier = first.get(id.key);
    if (!earlier) {
      first.set(id.key, obj);
      continue;
    }
    const singleton = SINGLETONS[id.key];
    problems.push({
      scope: obj,
      rule: singleton ? 'app cluster-wide singleton' : 'app duplicate object identity',
      error: true,
      message: singleton
        ? `${id.text} is ${singleton}, and the App writes it twice (also at ${earlier.node.path}): the second replaces the first. Write it once.`
        : `${id.text} is written twice in the App (also at ${earlier.node.path}): the second apply replaces the first, and Helm refuses an object owned by two releases. Give one a different name or namespace.`,
    });
  }
  return problems;
}

/** Objects the cluster has exactly one of, by identity key. */
const SINGLETONS: Record<string, string> = {
  [JSON.stringify(['', 'ConfigMap', 'kube-system', 'kube-proxy'])]: "the cluster's one kube-proxy configuration",
  [JSON.stringify(['', 'ConfigMap', 'kube-system', 'coredns'])]: "the cluster's one CoreDNS configuration",
  [JSON.stringify(['apps', 'DaemonSet', 'kube-system', 'kube-proxy'])]: "the cluster's kube-proxy",
};

/** ConfigMaps that carry a KubeProxyConfiguration under other names: kube-proxy reads one of them. */
function kubeProxySingletons(objects: ApiObject[]): AppProblem[] {
  const holders = objects.filter(o => o.kind === 'ConfigMap' && o.apiVersion === 'v1').filter(o => {
    const data = renderForChecks(o)?.data ?? (l2Owner(o)?.data as Record<string, string> | undefined) ?? {};
    return Object.values(data).some(v => typeof v === 'string' && /^kind:\s*KubeProxyConfiguration\s*$/m.test(v));
  });
  const distinct = new Map<string, ApiObject>();
  for (const o of holders) if (!distinct.has(identityOf(o).key)) distinct.set(identityOf(o).key, o);
  const list = [...distinct.values()];
  return list.slice(1).map(o => ({
    scope: o,
    rule: 'app cluster-wide singleton',
    error: false,
    message: `${identityOf(o).text} holds a KubeProxyConfiguration, and so does ${identityOf(list[0]).text} (${list[0].node.path}): `
      + 'kube-proxy reads exactly one configuration, so one of them is ignored',
  }));
}

interface PortClaim {
  readonly obj: ApiObject;
  readonly port: number;
  readonly protocol: string;
  readonly hostIp: string;
  readonly nodeSelector: Record<string, string>;
  readonly constrained: boolean;
}

/** Host ports claimed by each workload's pod template (host network: every container port). */
function portClaims(obj: ApiObject): PortClaim[] {
  if (obj.apiVersion !== 'apps/v1' || !['DaemonSet', 'Deployment', 'StatefulSet', 'ReplicaSet'].includes(obj.kind)) return [];
  const owner = l2Owner(obj);
  const spec = owner && !libraryObject(obj) ? modelPodSpec(owner) : renderForChecks(obj)?.spec?.template?.spec;
  if (!spec) return [];
  const hostNetwork = spec.hostNetwork === true;
  const claims: PortClaim[] = [];
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((c: any) => c?.restartPolicy === 'Always')];
  for (const c of containers) {
    for (const port of c?.ports ?? []) {
      const hostPort = port?.hostPort || (hostNetwork ? port?.containerPort : undefined);
      if (!hostPort) continue;
      claims.push({
        obj,
        port: hostPort,
        protocol: port.protocol ?? 'TCP',
        hostIp: port.hostIP ?? '',
        nodeSelector: spec.nodeSelector ?? {},
        constrained: spec.affinity?.nodeAffinity !== undefined || spec.nodeName !== undefined,
      });
    }
  }
  return claims;
}

/** The host-port-relevant part of a cdk8s-plus workload's pod spec, read from its model (never rendered). */
function modelPodSpec(owner: any): any {
  const container = (c: any) => ({
    restartPolicy: c.restartPolicy,
    ports: (c.ports ?? []).map((p: any) => ({ containerPort: p.number, hostPort: p.hostPort, hostIP: p.hostIp, protocol: p.protocol })),
  });
  return {
    hostNetwork: owner.hostNetwork,
    containers: (owner.containers ?? []).map(container),
    initContainers: (owner.initContainers ?? []).map(container),
    // its scheduling (node attraction) is not read: claims are reported as possible overlaps (warnings)
    affinity: { nodeAffinity: {} },
  };
}

/** Whether two nodeSelectors can select one node (no key with two different values). */
function selectorsOverlap(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.entries(a).every(([k, v]) => b[k] === undefined || b[k] === v);
}

function sameSelector(a: Record<string, string>, b: Record<string, string>): boolean {
  return Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
}

function hostPortClaims(objects: ApiObject[]): AppProblem[] {
  const claims = objects.flatMap(portClaims);
  const problems: AppProblem[] = [];
  const reported = new Set<string>();
  for (let j = 0; j < claims.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = claims[i];
      const b = claims[j];
      if (a.obj === b.obj || a.port !== b.port || a.protocol !== b.protocol) continue;
      if (a.hostIp !== '' && b.hostIp !== '' && a.hostIp !== '0.0.0.0' && b.hostIp !== '0.0.0.0' && a.hostIp !== b.hostIp) continue;
      if (!selectorsOverlap(a.nodeSelector, b.nodeSelector)) continue;
      const key = `${b.obj.node.path}|${b.port}/${b.protocol}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const certain = !a.constrained && !b.constrained && sameSelector(a.nodeSelector, b.nodeSelector)
        && a.obj.kind === 'DaemonSet' && b.obj.kind === 'DaemonSet';
      problems.push({
        scope: b.obj,
        rule: 'app host port claimed twice',
        error: certain,
        message: `${identityOf(b.obj).text} claims host port ${b.port}/${b.protocol}, which ${identityOf(a.obj).text} (${a.obj.node.path}) `
          + `also claims on ${certain ? 'the same' : 'possibly the same'} nodes: the scheduler never places a second pod on a node `
          + 'where the host port is taken. Give one of them another port (or disjoint nodeSelectors).',
      });
    }
  }
  return problems;
}

const UMBRELLA_SYMBOL = Symbol.for('cdk8s-patterns.UmbrellaChart');

function outputCollisions(root: IConstruct, objects: ApiObject[]): AppProblem[] {
  const problems: AppProblem[] = [];
  const dirs = new Map<string, IConstruct>();
  for (const c of root.node.findAll()) {
    if (!(UMBRELLA_SYMBOL in c)) continue;
    const umbrella = c as unknown as { outdir: string; name: string };
    const dir = path.resolve(umbrella.outdir, umbrella.name);
    const earlier = dirs.get(dir);
    if (earlier) {
      problems.push({
        scope: c,
        rule: 'app output directory collision',
        error: true,
        message: `'name' (${JSON.stringify(umbrella.name)}) writes the chart directory ${path.join(umbrella.outdir, umbrella.name)}, which the umbrella chart at `
          + `${earlier.node.path} writes too: the second synth replaces the first. Give each umbrella chart its own 'name' or 'outdir'.`,
      });
    } else {
      dirs.set(dir, c);
    }
  }
  const perResource = [YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE];
  if (root instanceof App && perResource.includes(root.yamlOutputType)) {
    const perChart = root.yamlOutputType === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE;
    const files = new Map<string, ApiObject>();
    for (const obj of objects) {
      // cdk8s App.synth names the file `<kind>.<name>` stripped of other characters; the namespace is not in it.
      const file = `${obj.kind}.${obj.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
      const key = perChart ? `${Chart.of(obj).node.path}/${file}` : file;
      const earlier = files.get(key);
      if (earlier && identityOf(earlier).key !== identityOf(obj).key) {
        problems.push({
          scope: obj,
          rule: 'app output file collision',
          error: true,
          message: `${identityOf(obj).text} is written to ${file}${root.outputFileExtension}, like ${identityOf(earlier).text} (${earlier.node.path}): `
            + 'with one file per resource the second overwrites the first. Give them different names.',
        });
      } else if (!earlier) {
        files.set(key, obj);
      }
    }
  }
  return problems;
}

/** Whether an object was written by one of the library's constructs (one that validates what it writes). */
let libraryObject: (obj: ApiObject) => boolean = () => false;

/** Set by `construct.ts` (which knows the library's validating constructs). Internal. */
export function setLibraryObjectTest(test: (obj: ApiObject) => boolean): void {
  libraryObject = test;
}

function clusterScopedNames(objects: ApiObject[]): AppProblem[] {
  const problems: AppProblem[] = [];
  const bindings = objects.filter(o => o.apiVersion === 'rbac.authorization.k8s.io/v1' && o.kind === 'ClusterRoleBinding');
  for (const binding of bindings) {
    const json = renderForChecks(binding) ?? {};
    const namespaces = [...new Set<string>((json.subjects ?? []).filter((s: any) => s?.kind === 'ServiceAccount' && s?.namespace).map((s: any) => s.namespace))];
    if (namespaces.length !== 1) continue;
    const ns = namespaces[0];
    const targets: ApiObject[] = [binding];
    const role = objects.find(o => o.kind === 'ClusterRole' && o.apiVersion === 'rbac.authorization.k8s.io/v1' && o.name === json.roleRef?.name);
    if (role) targets.push(role);
    for (const target of targets) {
      if (target.name.includes(ns)) continue;
      problems.push({
        scope: target,
        rule: 'app cluster-scoped name without namespace',
        error: false,
        message: `${identityOf(target).text} is cluster-scoped and serves the ServiceAccount in namespace ${JSON.stringify(ns)}, but its name does not include the namespace: `
          + 'the same app synthesized for another namespace writes the same object, and each apply rebinds the other\'s subjects. Put the namespace in the name.',
      });
    }
  }
  return problems;
}
