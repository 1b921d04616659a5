import {
  configMapKeyErrors, dns1123LabelErrors, labelValueErrors, dns1123SubdomainErrors, envVarNameErrors, httpHeaderNameErrors, portNameErrors,
  portNumErrors, qualifiedNameErrors,
} from '../../common/names';
import { ProblemCollector } from '../problem';
import { checkHostPortConflicts, validateResizePolicy } from './container';
import { duplicate, each, isObject, isSet, listOf, nonNegative, notSupported, REQUIRED } from './field';
import { checkListMapKeys, LIST_MAP_KEYS } from './list-map';
import { validateAnnotations, validateLabels } from './object-meta';
import { parseQuantity } from './quantity';
import { validateLocalNonReservedPath, validateVolumes } from './volumes';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/core/validation/validation.go` (ValidatePodTemplateSpec,
// ValidatePodSpec and the functions they call); each rule names its upstream function. Values are read as
// written, before the API server's defaulting: a field the server defaults (protocol, imagePullPolicy, probe
// periods, …) is checked only when set.

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];
const TOLERATION_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const NON_NEGATIVE_QUANTITY = 'must be greater than or equal to 0';
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

/** core `ValidatePodTemplateSpec`: template labels and annotations, then the pod spec. */
export function validatePodTemplateSpec(template: unknown, p: ProblemCollector): void {
  if (!isObject(template)) {
    p.error('', template, REQUIRED, 'k8s ValidatePodTemplateSpec');
    return;
  }
  validateLabels(template.metadata?.labels, p.at('metadata', 'labels'));
  validateAnnotations(template.metadata?.annotations, p.at('metadata', 'annotations'));
  validatePodSpec(template.spec, p.at('spec'));
}

/** core `ValidatePodSpec` (the parts a manifest can get wrong) plus the list-map keys of the pod spec. */
export function validatePodSpec(spec: unknown, p: ProblemCollector): void {
  if (!isObject(spec)) {
    p.error('', spec, REQUIRED, 'k8s ValidatePodSpec');
    return;
  }
  const volumes = validateVolumes(spec.volumes, p.at('volumes'));
  const names = new Set<string>();
  const podRestartPolicy = spec.restartPolicy ?? 'Always';
  validateContainers(spec.containers, volumes, names, p.at('containers'), spec.hostNetwork === true, false, podRestartPolicy);
  validateContainers(spec.initContainers, volumes, names, p.at('initContainers'), spec.hostNetwork === true, true, podRestartPolicy);
  for (const [list, keys] of [['containers', LIST_MAP_KEYS.containers], ['initContainers', LIST_MAP_KEYS.initContainers],
    ['volumes', LIST_MAP_KEYS.volumes], ['imagePullSecrets', LIST_MAP_KEYS.imagePullSecrets], ['hostAliases', LIST_MAP_KEYS.hostAliases],
    ['topologySpreadConstraints', LIST_MAP_KEYS.topologySpreadConstraints], ['schedulingGates', LIST_MAP_KEYS.schedulingGates],
    ['resourceClaims', LIST_MAP_KEYS.resourceClaims]] as const) {
    checkListMapKeys(spec[list], keys, p.at(list), list);
  }
  if (isSet(spec.restartPolicy) && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    notSupported(p, 'restartPolicy', spec.restartPolicy, RESTART_POLICIES, 'k8s validateRestartPolicy');
  }
  if (isSet(spec.dnsPolicy) && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    notSupported(p, 'dnsPolicy', spec.dnsPolicy, DNS_POLICIES, 'k8s validateDNSPolicy');
  }
  if (spec.dnsPolicy === 'None' && !isObject(spec.dnsConfig)) {
    p.error('dnsConfig', spec.dnsConfig, `${REQUIRED}: must provide \`dnsConfig\` when \`dnsPolicy\` is None`, 'k8s validatePodDNSConfig');
  }
  validateLabels(spec.nodeSelector, p.at('nodeSelector'), 'k8s ValidatePodSpec nodeSelector');
  if (isSet(spec.serviceAccountName)) {
    each(p, 'serviceAccountName', spec.serviceAccountName, dns1123SubdomainErrors(String(spec.serviceAccountName)), 'k8s ValidateServiceAccountName');
  }
  nonNegative(p, 'terminationGracePeriodSeconds', spec.terminationGracePeriodSeconds, 'k8s ValidatePodSpec');
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null
    && !(Number.isInteger(spec.activeDeadlineSeconds) && spec.activeDeadlineSeconds >= 1 && spec.activeDeadlineSeconds <= 2 ** 32)) {
    p.error('activeDeadlineSeconds', spec.activeDeadlineSeconds, 'must be between 1 and 4294967296, inclusive', 'k8s ValidatePodSpec');
  }
  validatePodSecurityContext(spec.securityContext, p.at('securityContext'));
  validateTolerations(spec.tolerations, p.at('tolerations'));
  listOf(spec.imagePullSecrets).forEach((s, i) => {
    if (!isSet(s?.name)) p.at('imagePullSecrets', i).error('name', s?.name, REQUIRED, 'k8s validateImagePullSecrets');
  });
}

/**
 * core `validateContainers` / `validateInitContainers`: names unique across both lists, then each container, then
 * host port conflicts (across all regular containers; within each init container, as init containers run one by one).
 */
function validateContainers(
  containers: unknown, volumes: Map<string, any>, names: Set<string>, p: ProblemCollector, hostNetwork: boolean, init: boolean,
  podRestartPolicy: unknown,
): void {
  if (!init && (!Array.isArray(containers) || containers.length === 0)) {
    p.error('', containers, `${REQUIRED}: a pod needs at least one container`, 'k8s validateContainers');
    return;
  }
  listOf(containers).forEach((c, i) => {
    const cp = p.at(i);
    if (!isObject(c)) return cp.error('', c, 'must be an object', 'k8s validateContainers');
    const rule = init ? 'k8s validateInitContainers' : 'k8s validateContainers';
    if (!isSet(c.name)) {cp.error('name', c.name, REQUIRED, rule);} else if (typeof c.name === 'string') {
      each(cp, 'name', c.name, dns1123LabelErrors(c.name), rule);
      if (names.has(c.name)) duplicate(cp, 'name', c.name, rule);
      names.add(c.name);
    }
    if (!isSet(c.image)) cp.error('image', c.image, REQUIRED, 'k8s validateContainerCommon');
    if (isSet(c.imagePullPolicy) && !PULL_POLICIES.includes(c.imagePullPolicy)) notSupported(cp, 'imagePullPolicy', c.imagePullPolicy, PULL_POLICIES, 'k8s validatePullPolicy');
    if (isSet(c.terminationMessagePolicy) && !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
      notSupported(cp, 'terminationMessagePolicy', c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES, 'k8s validateContainerCommon');
    }
    validateContainerPorts(c.ports, cp.at('ports'));
    if (hostNetwork) validateHostNetworkPorts(c.ports, cp.at('ports'));
    validateEnv(c.env, cp.at('env'));
    validateEnvFrom(c.envFrom, cp.at('envFrom'));
    validateVolumeMounts(c.volumeMounts, volumes, cp.at('volumeMounts'));
    validateResources(c.resources, cp.at('resources'));
    validateResizePolicy(c.resizePolicy, cp.at('resizePolicy'), podRestartPolicy);
    validateSecurityContext(c.securityContext, cp.at('securityContext'));
    if (init) checkHostPortConflicts([c], p, () => i);
    checkListMapKeys(c.ports, LIST_MAP_KEYS.containerPorts, cp.at('ports'), 'ports');
    checkListMapKeys(c.env, LIST_MAP_KEYS.env, cp.at('env'), 'env');
    checkListMapKeys(c.volumeMounts, LIST_MAP_KEYS.volumeMounts, cp.at('volumeMounts'), 'volumeMounts');
    checkListMapKeys(c.volumeDevices, LIST_MAP_KEYS.volumeDevices, cp.at('volumeDevices'), 'volumeDevices');
    checkListMapKeys(c.resources?.claims, LIST_MAP_KEYS.resourceClaimsOfContainer, cp.at('resources', 'claims'), 'claims');
    const sidecar = init && c.restartPolicy === 'Always';
    // A restartPolicy that is present, even "", counts (upstream: RestartPolicy != nil); ContainerRestartRules is off in v1.34.
    const hasRestartPolicy = c.restartPolicy !== undefined && c.restartPolicy !== null;
    if (init && hasRestartPolicy && c.restartPolicy !== 'Always') {
      notSupported(cp, 'restartPolicy', c.restartPolicy, ['Always'], 'k8s validateInitContainerRestartPolicy');
    }
    if (!init && hasRestartPolicy) {
      cp.error('restartPolicy', c.restartPolicy, 'may not be set for non-init containers', 'k8s validateContainers');
    }
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (c[probe] === undefined || c[probe] === null) continue;
      if (init && !sidecar) {
        cp.error(probe, c[probe], 'may not be set for init containers without restartPolicy=Always', 'k8s validateInitContainers');
        continue;
      }
      validateProbe(c[probe], cp.at(probe), probe);
    }
    if (init && !sidecar && c.lifecycle !== undefined && c.lifecycle !== null) {
      cp.error('lifecycle', c.lifecycle, 'may not be set for init containers without restartPolicy=Always', 'k8s validateInitContainers');
    }
    for (const hook of ['postStart', 'preStop'] as const) {
      if (isObject(c.lifecycle?.[hook])) validateHandler(c.lifecycle[hook], cp.at('lifecycle', hook), 'k8s validateLifecycle');
    }
  });
  if (!init) checkHostPortConflicts(listOf(containers), p);
}

/** core `validateContainerPorts`. */
function validateContainerPorts(ports: unknown, p: ProblemCollector): void {
  const names = new Set<string>();
  listOf(ports).forEach((port, i) => {
    const pp = p.at(i);
    const rule = 'k8s validateContainerPorts';
    if (isSet(port?.name)) {
      const msgs = portNameErrors(String(port.name));
      if (msgs.length) each(pp, 'name', port.name, msgs, rule);
      else if (names.has(port.name)) duplicate(pp, 'name', port.name, rule);
      else names.add(port.name);
    }
    if (port?.containerPort === undefined || port?.containerPort === null || port.containerPort === 0) pp.error('containerPort', port?.containerPort, REQUIRED, rule);
    else each(pp, 'containerPort', port.containerPort, portNumErrors(port.containerPort), rule);
    if (port?.hostPort !== undefined && port?.hostPort !== null && port.hostPort !== 0) each(pp, 'hostPort', port.hostPort, portNumErrors(port.hostPort), rule);
    if (isSet(port?.protocol) && !PROTOCOLS.includes(port.protocol)) notSupported(pp, 'protocol', port.protocol, PROTOCOLS, rule);
  });
}

/** core `validateHostNetwork`: with the host's network a hostPort must equal its containerPort. */
function validateHostNetworkPorts(ports: unknown, p: ProblemCollector): void {
  listOf(ports).forEach((port, i) => {
    if (port?.hostPort !== undefined && port?.hostPort !== null && port.hostPort !== 0 && port.hostPort !== port.containerPort) {
      p.at(i).error('hostPort', port.hostPort, 'must match `containerPort` when `hostNetwork` is true', 'k8s validateHostNetwork');
    }
  });
}

/** core `ValidateEnv` (relaxed names, GA in v1.34) and `validateEnvVarValueFrom`. */
function validateEnv(env: unknown, p: ProblemCollector): void {
  listOf(env).forEach((ev, i) => {
    const ep = p.at(i);
    if (!isSet(ev?.name)) ep.error('name', ev?.name, REQUIRED, 'k8s ValidateEnv');
    else each(ep, 'name', ev.name, envVarNameErrors(String(ev.name)), 'k8s ValidateEnv');
    if (ev?.valueFrom === undefined || ev?.valueFrom === null) return;
    const vf = ev.valueFrom;
    const vp = ep.at('valueFrom');
    const rule = 'k8s validateEnvVarValueFrom';
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter(s => isObject(vf[s]));
    if (isObject(vf.fieldRef)) {
      const fp = vp.at('fieldRef');
      if (!isSet(vf.fieldRef.fieldPath)) {fp.error('fieldPath', vf.fieldRef.fieldPath, REQUIRED, 'k8s validateObjectFieldSelector');} else {
        const path = String(vf.fieldRef.fieldPath);
        const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path);
        if (sub) each(fp, 'fieldPath', path, qualifiedNameErrors(sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2]), 'k8s validateObjectFieldSelector');
        else if (!FIELD_PATHS.includes(path)) notSupported(fp, 'fieldPath', path, FIELD_PATHS, 'k8s validateObjectFieldSelector');
      }
      if (isSet(vf.fieldRef.apiVersion) && vf.fieldRef.apiVersion !== 'v1') {
        fp.error('apiVersion', vf.fieldRef.apiVersion, 'must be "v1" (error converting fieldPath)', 'k8s validateObjectFieldSelector');
      }
    }
    if (isObject(vf.resourceFieldRef)) {
      const rp = vp.at('resourceFieldRef');
      const r = vf.resourceFieldRef.resource;
      if (!isSet(r)) {rp.error('resource', r, REQUIRED, 'k8s validateContainerResourceFieldSelector');} else if (!RESOURCE_FIELD_PATHS.includes(r) && !/^(requests|limits)\.hugepages-/.test(r)) {
        notSupported(rp, 'resource', r, RESOURCE_FIELD_PATHS, 'k8s validateContainerResourceFieldSelector');
      }
    }
    for (const ref of ['configMapKeyRef', 'secretKeyRef'] as const) {
      if (!isObject(vf[ref])) continue;
      const rp = vp.at(ref);
      const fn = ref === 'configMapKeyRef' ? 'k8s validateConfigMapKeySelector' : 'k8s validateSecretKeySelector';
      each(rp, 'name', vf[ref].name, dns1123SubdomainErrors(String(vf[ref].name ?? '')), fn);
      if (!isSet(vf[ref].key)) rp.error('key', vf[ref].key, REQUIRED, fn);
      else each(rp, 'key', vf[ref].key, configMapKeyErrors(String(vf[ref].key)), fn);
    }
    if (sources.length === 0) vp.error('', vf, 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`', rule);
    else if (isSet(ev.value)) vp.error('', vf, 'may not be specified when `value` is not empty', rule);
    else if (sources.length > 1) vp.error('', vf, 'may not have more than one field specified at a time', rule);
  });
}

/** core `ValidateEnvFrom`. */
function validateEnvFrom(envFrom: unknown, p: ProblemCollector): void {
  listOf(envFrom).forEach((ev, i) => {
    const ep = p.at(i);
    if (isSet(ev?.prefix)) each(ep, 'prefix', ev.prefix, envVarNameErrors(String(ev.prefix)), 'k8s ValidateEnvFrom');
    const sources = ['configMapRef', 'secretRef'].filter(s => isObject(ev?.[s]));
    for (const s of sources) {
      if (!isSet(ev[s].name)) ep.at(s).error('name', ev[s].name, REQUIRED, 'k8s ValidateEnvFrom');
      else each(ep.at(s), 'name', ev[s].name, dns1123SubdomainErrors(String(ev[s].name)), 'k8s ValidateEnvFrom');
    }
    if (sources.length === 0) p.error('', envFrom, 'must specify one of: `configMapRef` or `secretRef`', 'k8s ValidateEnvFrom');
    else if (sources.length > 1) p.error('', envFrom, 'may not have more than one field specified at a time', 'k8s ValidateEnvFrom');
  });
}

/** core `ValidateVolumeMounts`. */
function validateVolumeMounts(mounts: unknown, volumes: Map<string, any>, p: ProblemCollector): void {
  const mountPoints = new Set<string>();
  listOf(mounts).forEach((m, i) => {
    const mp = p.at(i);
    const rule = 'k8s ValidateVolumeMounts';
    if (!isSet(m?.name)) mp.error('name', m?.name, REQUIRED, rule);
    if (!volumes.has(m?.name)) mp.error('name', m?.name, 'must name a volume of the pod (Not found)', rule);
    if (!isSet(m?.mountPath)) mp.error('mountPath', m?.mountPath, REQUIRED, rule);
    else if (mountPoints.has(m.mountPath)) mp.error('mountPath', m.mountPath, 'must be unique', rule);
    if (isSet(m?.mountPath)) mountPoints.add(m.mountPath);
    if (isSet(m?.subPath)) validateLocalNonReservedPath(String(m.subPath), mp.at('subPath'));
    if (isSet(m?.subPathExpr) && isSet(m?.subPath)) mp.error('subPathExpr', m.subPathExpr, 'subPathExpr and subPath are mutually exclusive', rule);
  });
}

/** core `validateProbe` and `validateHandler`. */
function validateProbe(probe: any, p: ProblemCollector, kind: 'livenessProbe' | 'readinessProbe' | 'startupProbe'): void {
  if (!isObject(probe)) return p.error('', probe, 'must be an object', 'k8s validateProbe');
  validateHandler(probe, p, 'k8s validateProbe');
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    nonNegative(p, f, probe[f], 'k8s validateProbe');
  }
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
    if (!(probe.terminationGracePeriodSeconds > 0)) p.error('terminationGracePeriodSeconds', probe.terminationGracePeriodSeconds, 'must be greater than 0', 'k8s validateProbe');
    if (kind === 'readinessProbe') p.error('terminationGracePeriodSeconds', probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes', 'k8s validateReadinessProbe');
  }
  if (kind !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== null && probe.successThreshold !== 1) {
    p.error('successThreshold', probe.successThreshold, 'must be 1', kind === 'livenessProbe' ? 'k8s validateLivenessProbe' : 'k8s validateStartupProbe');
  }
}

function validatePortNumOrName(p: ProblemCollector, field: string, port: unknown, rule: string): void {
  if (typeof port === 'number') each(p, field, port, portNumErrors(port), rule);
  else if (typeof port === 'string') each(p, field, port, portNameErrors(port), rule);
  else p.error(field, port, REQUIRED, rule);
}

function validateHandler(handler: any, p: ProblemCollector, rule: string): void {
  const types = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'].filter(t => handler[t] !== undefined && handler[t] !== null);
  if (types.length === 0) p.error('', handler, 'must specify a handler type', rule);
  else if (types.length > 1) p.error(types[1], handler[types[1]], 'may not specify more than 1 handler type', rule);
  if (isObject(handler.exec) && listOf(handler.exec.command).length === 0) p.at('exec').error('command', handler.exec.command, REQUIRED, 'k8s validateExecAction');
  if (isObject(handler.httpGet)) {
    const hp = p.at('httpGet');
    validatePortNumOrName(hp, 'port', handler.httpGet.port, 'k8s validateHTTPGetAction');
    if (isSet(handler.httpGet.scheme) && !['HTTP', 'HTTPS'].includes(handler.httpGet.scheme)) notSupported(hp, 'scheme', handler.httpGet.scheme, ['HTTP', 'HTTPS'], 'k8s validateHTTPGetAction');
    listOf(handler.httpGet.httpHeaders).forEach((h, i) => each(hp.at('httpHeaders', i), 'name', h?.name, httpHeaderNameErrors(String(h?.name ?? '')), 'k8s validateHTTPGetAction'));
  }
  if (isObject(handler.tcpSocket)) validatePortNumOrName(p.at('tcpSocket'), 'port', handler.tcpSocket.port, 'k8s validateTCPSocketAction');
  if (isObject(handler.grpc)) each(p.at('grpc'), 'port', handler.grpc.port, portNumErrors(Number(handler.grpc.port)), 'k8s validateGRPCAction');
}

/** core `ValidateContainerResourceRequirements`: names, non-negative quantities, requests within limits. */
function validateResources(resources: unknown, p: ProblemCollector): void {
  if (!isObject(resources)) return;
  const rule = 'k8s ValidateContainerResourceRequirements';
  const values: Record<'limits' | 'requests', Map<string, number>> = { limits: new Map(), requests: new Map() };
  for (const kind of ['limits', 'requests'] as const) {
    const list = resources[kind];
    if (list === undefined || list === null) continue;
    if (!isObject(list)) {
      p.error(kind, list, 'must be a map of resource names to quantities', rule);
      continue;
    }
    for (const [name, q] of Object.entries(list)) {
      const rp = p.at(kind);
      if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith('hugepages-')) {
        // validateContainerResourceName: an extended resource must be a domain-prefixed qualified name outside kubernetes.io
        if (!name.includes('/')) rp.error(name, name, 'must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-*) or a domain-prefixed extended resource', 'k8s validateContainerResourceName');
        else each(rp, name, name, qualifiedNameErrors(name), 'k8s validateResourceName');
      }
      const v = parseQuantity(q);
      if (v === undefined) rp.error(name, q, 'must be a quantity (e.g. 500m, 1, 128Mi)', 'k8s ParseQuantity');
      else if (v < 0) rp.error(name, q, NON_NEGATIVE_QUANTITY, 'k8s ValidateResourceQuantityValue');
      else values[kind].set(name, v);
    }
  }
  for (const [name, request] of values.requests) {
    const limit = values.limits.get(name);
    if (limit !== undefined && request > limit) {
      // upstream reports this at `requests` itself, naming the resource in the message
      p.error('requests', resources.requests[name], `must be less than or equal to ${name} limit of ${resources.limits[name]}`, rule);
    }
    if (name.includes('/') && !name.startsWith('kubernetes.io/') && limit !== undefined && request !== limit) {
      p.at('requests').error(name, resources.requests[name], `must be equal to ${name} limit of ${resources.limits[name]}`, rule);
    }
  }
}

function validateRunAs(sc: any, p: ProblemCollector, rule: string): void {
  for (const f of ['runAsUser', 'runAsGroup']) {
    const v = sc[f];
    if (v !== undefined && v !== null && !(Number.isInteger(v) && v >= 0 && v <= 2147483647)) {
      p.error(f, v, 'must be between 0 and 2147483647, inclusive', rule);
    }
  }
  if (isObject(sc.seccompProfile)) {
    const t = sc.seccompProfile.type;
    const allowed = ['Localhost', 'RuntimeDefault', 'Unconfined'];
    if (!allowed.includes(t)) notSupported(p.at('seccompProfile'), 'type', t, allowed, 'k8s validateSeccompProfileField');
    if (t === 'Localhost' && !isSet(sc.seccompProfile.localhostProfile)) p.at('seccompProfile').error('localhostProfile', undefined, `${REQUIRED}: must be set when seccomp type is Localhost`, 'k8s validateSeccompProfileField');
    if (t !== 'Localhost' && isSet(sc.seccompProfile.localhostProfile)) p.at('seccompProfile').error('localhostProfile', sc.seccompProfile.localhostProfile, 'can only be set when seccomp type is Localhost', 'k8s validateSeccompProfileField');
  }
}

/** core `ValidateSecurityContext`. */
function validateSecurityContext(sc: unknown, p: ProblemCollector): void {
  if (!isObject(sc)) return;
  const rule = 'k8s ValidateSecurityContext';
  validateRunAs(sc, p, rule);
  if (sc.allowPrivilegeEscalation === false && sc.privileged === true) {
    p.error('', sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true', rule);
  }
  const added = listOf(sc.capabilities?.add);
  if (sc.allowPrivilegeEscalation === false && (added.includes('CAP_SYS_ADMIN') || added.includes('SYS_ADMIN'))) {
    p.error('', sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN', rule);
  }
  if (isSet(sc.procMount) && !['Default', 'Unmasked'].includes(sc.procMount)) notSupported(p, 'procMount', sc.procMount, ['Default', 'Unmasked'], rule);
}

/** core `ValidatePodSecurityContext`. */
function validatePodSecurityContext(sc: unknown, p: ProblemCollector): void {
  if (!isObject(sc)) return;
  const rule = 'k8s ValidatePodSecurityContext';
  validateRunAs(sc, p, rule);
  if (sc.fsGroup !== undefined && sc.fsGroup !== null && !(Number.isInteger(sc.fsGroup) && sc.fsGroup >= 0 && sc.fsGroup <= 2147483647)) {
    p.error('fsGroup', sc.fsGroup, 'must be between 0 and 2147483647, inclusive', rule);
  }
  listOf(sc.supplementalGroups).forEach((g, i) => {
    if (!(Number.isInteger(g) && g >= 0 && g <= 2147483647)) p.at('supplementalGroups').error(i, g, 'must be between 0 and 2147483647, inclusive', rule);
  });
  if (isSet(sc.fsGroupChangePolicy) && !['OnRootMismatch', 'Always'].includes(sc.fsGroupChangePolicy)) {
    notSupported(p, 'fsGroupChangePolicy', sc.fsGroupChangePolicy, ['OnRootMismatch', 'Always'], 'k8s validateFSGroupChangePolicy');
  }
}

/** core `ValidateTolerations`. */
function validateTolerations(tolerations: unknown, p: ProblemCollector): void {
  listOf(tolerations).forEach((t, i) => {
    const tp = p.at(i);
    const rule = 'k8s ValidateTolerations';
    if (isSet(t?.key)) each(tp, 'key', t.key, qualifiedNameErrors(String(t.key)), rule);
    if (!isSet(t?.key) && t?.operator !== 'Exists') tp.error('operator', t?.operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"', rule);
    if (isSet(t?.tolerationSeconds) && t?.effect !== 'NoExecute') tp.error('effect', t?.effect, 'effect must be \'NoExecute\' when `tolerationSeconds` is set', rule);
    if (isSet(t?.operator) && !['Equal', 'Exists'].includes(t.operator)) notSupported(tp, 'operator', t.operator, ['Equal', 'Exists'], rule);
    if (t?.operator === 'Exists' && isSet(t?.value)) tp.error('operator', t.operator, 'value must be empty when `operator` is \'Exists\'', rule);
    if (t?.operator !== 'Exists' && isSet(t?.value)) each(tp, 'value', t.value, labelValueErrors(String(t.value)), rule);
    if (isSet(t?.effect) && !TOLERATION_EFFECTS.includes(t.effect)) notSupported(tp, 'effect', t.effect, TOLERATION_EFFECTS, rule);
  });
}

