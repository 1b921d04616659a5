import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { addWarning } from '../common';
import { cidrContains, parseCidr, parseIp } from './ip-address';
import { IpvsProtocol, IpvsVirtualServer } from './ipvsadm-rules';
import { KUBE_ROUTER_DSR_ANNOTATION, KUBE_ROUTER_SCHEDFLAGS_ANNOTATION, KUBE_ROUTER_SCHEDULER_ANNOTATION } from './kube-router';
import { oncePerSynth } from '../synth/render-once';

const KUBE_ROUTER_ANNOTATIONS = [KUBE_ROUTER_SCHEDULER_ANNOTATION, KUBE_ROUTER_SCHEDFLAGS_ANNOTATION, KUBE_ROUTER_DSR_ANNOTATION];

/** What a director claims and where; what the App's other IPVS writers claim. Internal. */
export interface DirectorClaims {
  readonly scope: IConstruct;
  readonly virtualServers: readonly IpvsVirtualServer[];
}

/** Directors register here so one App-wide check can see all of them. */
const directorsByRoot = new WeakMap<IConstruct, DirectorClaims[]>();

/** Directors already warned (validations may run more than once per synth). */
const warned = new WeakSet<IConstruct>();

/** The construct that wrote an object: its path without the trailing `Resource` ids of L2 and L1 children. */
function ownerPath(obj: ApiObject): string {
  return obj.node.path.replace(/(\/Resource)+$/, '');
}

/** `1.2.3.4:80/TCP`, the identity of a virtual server in the kernel. */
function key(address: string, port: number, protocol: string): string {
  return `${parseIp(address)?.text ?? address}:${port}/${protocol}`;
}

/**
 * Registers a director and adds its synth-time check against the other IPVS writers of the same App: another
 * director or a Service claiming the same virtual IP and port is refused; kube-proxy in IPVS mode that would
 * clean its virtual servers up is refused; kube-router's service proxy (which deletes IPVS virtual services it
 * did not create) is a warning, since which nodes run it cannot be seen from the manifests.
 */
export function checkDirectorAmongProxies(director: DirectorClaims): void {
  const root = director.scope.node.root;
  const all = directorsByRoot.get(root) ?? [];
  all.push(director);
  directorsByRoot.set(root, all);
  director.scope.node.addValidation({ validate: oncePerSynth(() => conflicts(director, all)) });
}

function conflicts(director: DirectorClaims, all: readonly DirectorClaims[]): string[] {
  const errors: string[] = [];
  const mine = new Map(director.virtualServers.map(vs => [key(vs.address, vs.port, vs.protocol ?? IpvsProtocol.TCP), vs]));

  // another director earlier in the App with the same virtual server
  for (const other of all) {
    if (other === director) break;
    for (const vs of other.virtualServers) {
      const k = key(vs.address, vs.port, vs.protocol ?? IpvsProtocol.TCP);
      if (mine.has(k)) {
        errors.push(`virtual server ${k} is also claimed by the director ${other.scope.node.path}: two directors on one virtual IP and `
          + 'port overwrite each other\'s real servers');
      }
    }
  }

  let kubeRouter: string | undefined;
  for (const obj of director.scope.node.root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) {
    if (obj.kind === 'Service' && obj.apiVersion === 'v1') {
      const json = obj.toJson();
      const spec = json.spec ?? {};
      const annotations = json.metadata?.annotations ?? {};
      if (KUBE_ROUTER_ANNOTATIONS.some(a => a in annotations)) kubeRouter ??= ownerPath(obj);
      const addresses = [...(spec.externalIPs ?? []), spec.loadBalancerIP, spec.clusterIP].filter((a): a is string => typeof a === 'string');
      for (const port of spec.ports ?? []) {
        for (const address of addresses) {
          const k = key(address, port.port, port.protocol ?? 'TCP');
          if (mine.has(k)) {
            errors.push(`virtual server ${k} is also a Service address (${ownerPath(obj)}): the cluster's Service proxy programs the same `
              + 'virtual IP and port on every node; give the director an address of its own');
          }
        }
      }
    }
    if (obj.kind === 'ConfigMap' && obj.metadata.name === 'kube-proxy' && obj.metadata.namespace === 'kube-system') {
      errors.push(...unexcluded(obj, director));
    }
  }
  if (kubeRouter && !warned.has(director.scope)) {
    warned.add(director.scope);
    addWarning(director.scope, `kube-router's service proxy (its annotations are on ${kubeRouter}) deletes every IPVS virtual service it did `
      + 'not create on the nodes it runs on: run the director only on nodes without kube-router\'s --run-service-proxy '
      + '(the director\'s nodeSelector), or it loses its rules at kube-router\'s next sync');
  }
  return errors;
}

/** kube-proxy in IPVS mode cleans up virtual servers outside its excludeCIDRs, the director's included. */
function unexcluded(configMap: ApiObject, director: DirectorClaims): string[] {
  let doc: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    doc = (require('yaml') as typeof import('yaml')).parse(configMap.toJson().data?.['config.conf'] ?? '');
  } catch {
    return [];
  }
  if (doc?.mode !== 'ipvs') return [];
  const excluded = (doc.ipvs?.excludeCIDRs ?? []).map((c: string) => parseCidr(c)).filter((c: unknown) => c !== undefined);
  const addresses = [...new Set(director.virtualServers.map(vs => parseIp(vs.address)?.text ?? vs.address))];
  return addresses
    .filter(a => { const ip = parseIp(a); return ip !== undefined && !excluded.some((c: any) => cidrContains(c, ip)); })
    .map(a => `virtual IP ${a} is not in the excludeCIDRs of kube-proxy in IPVS mode (${ownerPath(configMap)}): kube-proxy deletes `
      + `virtual servers it did not create on every node it shares with the director; add "${a}/${a.includes(':') ? 128 : 32}" to its `
      + '\'excludeCidrs\'');
}
