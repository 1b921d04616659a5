import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from '../../common/names';
import { ProblemCollector } from '../problem';
import { duplicate, each, isObject, isSet, KUBERNETES_VERSION, listOf, notSupported, REQUIRED } from './field';
import { validateAnnotations, validateLabels } from './object-meta';
import { parseQuantity } from './quantity';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/core/validation/validation.go` (ValidateVolumes,
// validateVolumeSource and the per-source functions it calls); each rule names its upstream function. Values are
// read as written, before the API server's defaulting: a field the server defaults (a token's expirationSeconds,
// a fieldRef's apiVersion, azureDisk's kind and cachingMode, an image's pullPolicy) is checked only when set.
// Errors are reported at the JSON path of the value, also where upstream names another path (downward API items,
// `iscsi.initiatorname`, a token's path).

/** `supportedHostPathTypes`. */
const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];
/** The sources in `validateVolumeSource`'s order: the first one set is checked, each later one is refused. */
const VOLUME_SOURCES = ['emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume',
  'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected',
  'scaleIO', 'csi', 'ephemeral', 'image'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';
const PD_PARTITION = 'must be between 1 and 255, inclusive';
const LUN_RANGE = 'must be between 0 and 255, inclusive';
const MORE_THAN_ONE = 'may not specify more than 1 volume type';
/** `validVolumeDownwardAPIFieldPathExpressions`. */
const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
/** The v1 paths `ConvertDownwardAPIFieldLabel` converts (any other is refused before the expression check). */
const CONVERTIBLE_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP',
  'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** `validContainerResourceFieldPathExpressions`; the hugepages prefixes are `validContainerResourceFieldPathPrefixesWithDownwardAPIHugePages`. */
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const RESOURCE_FIELD_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const ISCSI_IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\t\n\f\r ]+)$/;
const ISCSI_EUI = /^eui.[A-Za-z0-9]{16}$/;
const ISCSI_NAA = /^naa.[A-Za-z0-9]{32}$/;


/** `field.Required` when a string (or list) field is empty, as Go's `len(x) == 0`. */
function required(p: ProblemCollector, field: string, value: unknown, rule: string, detail?: string): boolean {
  const empty = Array.isArray(value) ? value.length === 0 : !isSet(value);
  if (empty) p.error(field, value, detail ? `${REQUIRED}: ${detail}` : REQUIRED, rule);
  return empty;
}

/**
 * core `ValidateVolumes`: each volume's source, then its name (required, a DNS-1123 label, unique). As upstream, a
 * volume with an error is left out of the returned names (so a mount of it is not found either).
 */
export function validateVolumes(volumes: unknown, p: ProblemCollector): Map<string, any> {
  const byName = new Map<string, any>();
  const rule = 'k8s ValidateVolumes';
  listOf(volumes).forEach((v, i) => {
    const vp = p.at(i);
    if (!isObject(v)) return vp.error('', v, 'must be an object', rule);
    const before = p.errorCount;
    validateVolumeSource(v, vp);
    if (!isSet(v.name)) vp.error('name', v.name, REQUIRED, rule);
    else if (typeof v.name === 'string') each(vp, 'name', v.name, dns1123LabelErrors(v.name), rule);
    if (typeof v.name === 'string' && byName.has(v.name)) duplicate(vp, 'name', v.name, rule);
    if (p.errorCount === before && typeof v.name === 'string') byName.set(v.name, v);
  });
  return byName;
}

/** The file-mode check of `validateSecretVolumeSource`, `validateKeyToPath`, ...: 0 to 0777. */
function validateMode(p: ProblemCollector, field: string, mode: unknown, rule: string): void {
  if (mode === undefined || mode === null) return;
  if (!Number.isInteger(mode) || (mode as number) < 0 || (mode as number) > 0o777) p.error(field, mode, FILE_MODE, rule);
}

/** A secret or configMap source: the object's name (set), `defaultMode`, and its key-to-path items. */
function validateKeyToPathSource(s: any, p: ProblemCollector, nameField: string, rule: string): void {
  required(p, nameField, s[nameField], rule);
  validateMode(p, 'defaultMode', s.defaultMode, rule);
  validateKeyToPaths(s.items, p.at('items'));
}

/** core `validateKeyToPath` for each item. */
function validateKeyToPaths(items: unknown, p: ProblemCollector): void {
  listOf(items).forEach((item, i) => validateKeyToPath(item, p.at(i)));
}

function validateKeyToPath(item: any, ip: ProblemCollector): void {
  const rule = 'k8s validateKeyToPath';
  required(ip, 'key', item?.key, rule);
  required(ip, 'path', item?.path, rule);
  if (typeof item?.path === 'string') validateLocalNonReservedPath(item.path, ip.at('path'));
  validateMode(ip, 'mode', item?.mode, rule);
}

/** core `validatePathNoBacksteps`: no `..` element (one error is enough). */
function validatePathNoBacksteps(path: string, p: ProblemCollector): void {
  if (path.split('/').includes('..')) p.error('', path, "must not contain '..'", 'k8s validatePathNoBacksteps');
}

/** core `validateLocalDescendingPath`: relative, no `..` element. */
function validateLocalDescendingPath(path: string, p: ProblemCollector): void {
  if (path.startsWith('/')) p.error('', path, 'must be a relative path', 'k8s validateLocalDescendingPath');
  validatePathNoBacksteps(path, p);
}

/** core `ValidateLocalNonReservedPath`: a local descending path that does not start with `..`. */
export function validateLocalNonReservedPath(path: string, p: ProblemCollector): void {
  validateLocalDescendingPath(path, p);
  if (path.startsWith('..') && !path.startsWith('../')) p.error('', path, "must not start with '..'", 'k8s ValidateLocalNonReservedPath');
}

/**
 * core `validateVolumeSource`: the first source set (in upstream's order) is checked, each further one is
 * refused; none is "must specify a volume type". A key that is no v1.34 source (a newer source type, perhaps) is
 * not refused: it gets a warning.
 */
function validateVolumeSource(v: any, p: ProblemCollector): void {
  const rule = 'k8s validateVolumeSource';
  let first: string | undefined;
  for (const s of VOLUME_SOURCES) {
    if (v[s] === undefined || v[s] === null) continue;
    if (first !== undefined) {
      p.error(s, v[s], MORE_THAN_ONE, rule);
      continue;
    }
    first = s;
    const sp = p.at(s);
    if (!isObject(v[s])) {
      sp.error('', v[s], 'must be an object', rule);
      continue;
    }
    SOURCE_RULES[s](v[s], sp, v);
  }
  if (first === undefined) {
    const other = Object.keys(v).filter(k => k !== 'name' && v[k] !== undefined && v[k] !== null);
    if (other.length > 0) {
      p.warning(other[0], v[other[0]], `is not a volume source type of Kubernetes ${KUBERNETES_VERSION}; an API server that does not know it drops it and then refuses the volume (must specify a volume type)`, rule);
    } else {
      p.error('', undefined, `${REQUIRED}: must specify a volume type`, rule);
    }
  }
}

type SourceRule = (s: any, p: ProblemCollector, volume: any) => void;

const SOURCE_RULES: Record<typeof VOLUME_SOURCES[number], SourceRule> = {
  emptyDir: (s, p) => {
    if (s.sizeLimit === undefined || s.sizeLimit === null) return;
    const q = parseQuantity(s.sizeLimit);
    if (q === undefined) p.error('sizeLimit', s.sizeLimit, 'must be a quantity', 'k8s validateVolumeSource');
    else if (q < 0) p.error('sizeLimit', s.sizeLimit, 'SizeLimit field must be a valid resource quantity (Forbidden)', 'k8s validateVolumeSource');
  },
  hostPath: (s, p) => {
    const rule = 'k8s validateHostPathVolumeSource';
    if (required(p, 'path', s.path, rule)) return;
    validatePathNoBacksteps(String(s.path), p.at('path'));
    if (s.type !== undefined && s.type !== null && !HOST_PATH_TYPES.includes(s.type)) notSupported(p, 'type', s.type, HOST_PATH_TYPES, 'k8s validateHostPathType');
  },
  gitRepo: (s, p) => {
    required(p, 'repository', s.repository, 'k8s validateGitRepoVolumeSource');
    if (typeof s.directory === 'string') validateLocalDescendingPath(s.directory, p.at('directory'));
  },
  gcePersistentDisk: (s, p) => {
    const rule = 'k8s validateGCEPersistentDiskVolumeSource';
    required(p, 'pdName', s.pdName, rule);
    partition(p, s.partition, rule);
  },
  awsElasticBlockStore: (s, p) => {
    const rule = 'k8s validateAWSElasticBlockStoreVolumeSource';
    required(p, 'volumeID', s.volumeID, rule);
    partition(p, s.partition, rule);
  },
  secret: (s, p) => validateKeyToPathSource(s, p, 'secretName', 'k8s validateSecretVolumeSource'),
  nfs: (s, p) => {
    const rule = 'k8s validateNFSVolumeSource';
    required(p, 'server', s.server, rule);
    required(p, 'path', s.path, rule);
    if (!String(s.path ?? '').startsWith('/')) p.error('path', s.path, 'must be an absolute path', rule);
  },
  iscsi: (s, p, volume) => {
    const rule = 'k8s validateISCSIVolumeSource';
    required(p, 'targetPortal', s.targetPortal, rule);
    if (!required(p, 'iqn', s.iqn, rule)) {
      const iqn = String(s.iqn);
      if (!/^(iqn|eui|naa)/.test(iqn)) p.error('iqn', iqn, 'must be valid format starting with iqn, eui, or naa', rule);
      else if (!iscsiNameValid(iqn)) p.error('iqn', iqn, 'must be valid format', rule);
    }
    if (s.lun !== undefined && s.lun !== null && (typeof s.lun !== 'number' || s.lun < 0 || s.lun > 255)) p.error('lun', s.lun, LUN_RANGE, rule);
    if ((s.discoveryCHAPAuth === true || s.sessionCHAPAuth === true) && (s.secretRef === undefined || s.secretRef === null)) {
      p.error('secretRef', s.secretRef, REQUIRED, rule);
    }
    if (typeof s.initiatorName === 'string') {
      const initiator = s.initiatorName;
      if (!/^(iqn|eui|naa)/.test(initiator)) p.error('initiatorName', initiator, 'must be valid format starting with iqn, eui, or naa', rule);
      else if (!iscsiNameValid(initiator)) p.error('initiatorName', initiator, 'must be valid format', rule);
      // validateVolumeSource: the initiator name is derived from <volume name>:<target portal>.
      if (`${volume.name ?? ''}:${s.targetPortal ?? ''}`.length > 64) {
        p.error('name', volume.name, 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.', 'k8s validateVolumeSource');
      }
    }
  },
  glusterfs: (s, p) => {
    const rule = 'k8s validateGlusterfsVolumeSource';
    required(p, 'endpoints', s.endpoints, rule);
    required(p, 'path', s.path, rule);
  },
  flocker: (s, p) => {
    const rule = 'k8s validateFlockerVolumeSource';
    const name = isSet(s.datasetName);
    const uuid = isSet(s.datasetUUID);
    if (!name && !uuid) p.error('', undefined, `${REQUIRED}: one of datasetName and datasetUUID is required`, rule);
    if (name && uuid) p.error('', s, 'datasetName and datasetUUID can not be specified simultaneously', rule);
    if (typeof s.datasetName === 'string' && s.datasetName.includes('/')) p.error('datasetName', s.datasetName, "must not contain '/'", rule);
  },
  persistentVolumeClaim: (s, p) => {
    required(p, 'claimName', s.claimName, 'k8s validatePersistentClaimVolumeSource');
  },
  rbd: (s, p) => {
    const rule = 'k8s validateRBDVolumeSource';
    required(p, 'monitors', listOf(s.monitors), rule);
    required(p, 'image', s.image, rule);
  },
  cinder: (s, p) => {
    const rule = 'k8s validateCinderVolumeSource';
    required(p, 'volumeID', s.volumeID, rule);
    if (isObject(s.secretRef)) required(p.at('secretRef'), 'name', s.secretRef.name, rule);
  },
  cephfs: (s, p) => {
    required(p, 'monitors', listOf(s.monitors), 'k8s validateCephFSVolumeSource');
  },
  quobyte: (s, p) => {
    const rule = 'k8s validateQuobyteVolumeSource';
    const registryMsg = 'must be a host:port pair or multiple pairs separated by commas';
    if (!isSet(s.registry)) {
      p.error('registry', s.registry, `${REQUIRED}: ${registryMsg}`, rule);
    } else if (String(s.tenant ?? '').length >= 65) {
      p.error('tenant', s.tenant, `${REQUIRED}: must be a UUID and may not exceed a length of 64 characters`, rule);
    } else {
      for (const pair of String(s.registry).split(',')) {
        if (!isHostPort(pair)) p.error('registry', s.registry, registryMsg, rule);
      }
    }
    required(p, 'volume', s.volume, rule);
  },
  downwardAPI: (s, p) => {
    validateMode(p, 'defaultMode', s.defaultMode, 'k8s validateDownwardAPIVolumeSource');
    listOf(s.items).forEach((file, i) => validateDownwardAPIVolumeFile(file, p.at('items', i)));
  },
  fc: (s, p) => {
    const rule = 'k8s validateFCVolumeSource';
    const wwns = listOf(s.targetWWNs);
    const wwids = listOf(s.wwids);
    if (wwns.length === 0 && wwids.length === 0) {
      p.error('targetWWNs', s.targetWWNs, `${REQUIRED}: must specify either targetWWNs or wwids, but not both`, rule);
    }
    if (wwns.length !== 0 && wwids.length !== 0) p.error('targetWWNs', s.targetWWNs, 'targetWWNs and wwids can not be specified simultaneously', rule);
    if (wwns.length !== 0) {
      if (s.lun === undefined || s.lun === null) p.error('lun', s.lun, `${REQUIRED}: lun is required if targetWWNs is specified`, rule);
      else if (typeof s.lun !== 'number' || s.lun < 0 || s.lun > 255) p.error('lun', s.lun, LUN_RANGE, rule);
    }
  },
  flexVolume: (s, p) => {
    const rule = 'k8s validateFlexVolumeSource';
    required(p, 'driver', s.driver, rule);
    for (const k of Object.keys(isObject(s.options) ? s.options : {})) {
      const slash = k.indexOf('/');
      const normalized = `.${(slash >= 0 ? k.slice(0, slash) : k).toLowerCase()}`;
      if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
        p.at('options').error(k, k, 'kubernetes.io and k8s.io namespaces are reserved', rule);
      }
    }
  },
  configMap: (s, p) => validateKeyToPathSource(s, p, 'name', 'k8s validateConfigMapVolumeSource'),
  azureFile: (s, p) => {
    const rule = 'k8s validateAzureFile';
    required(p, 'secretName', s.secretName, rule);
    required(p, 'shareName', s.shareName, rule);
  },
  vsphereVolume: (s, p) => {
    required(p, 'volumePath', s.volumePath, 'k8s validateVsphereVolumeSource');
  },
  photonPersistentDisk: (s, p) => {
    required(p, 'pdID', s.pdID, 'k8s validatePhotonPersistentDiskVolumeSource');
  },
  portworxVolume: (s, p) => {
    required(p, 'volumeID', s.volumeID, 'k8s validatePortworxVolumeSource');
  },
  azureDisk: (s, p) => {
    const rule = 'k8s validateAzureDisk';
    required(p, 'diskName', s.diskName, rule);
    required(p, 'diskURI', s.diskURI, rule);
    const cachingModes = ['None', 'ReadOnly', 'ReadWrite'];
    const kinds = ['Dedicated', 'Managed', 'Shared'];
    if (s.cachingMode !== undefined && s.cachingMode !== null && !cachingModes.includes(s.cachingMode)) notSupported(p, 'cachingMode', s.cachingMode, cachingModes, rule);
    if (s.kind !== undefined && s.kind !== null && !kinds.includes(s.kind)) notSupported(p, 'kind', s.kind, kinds, rule);
    const uri = String(s.diskURI ?? '');
    if (s.kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
      notSupported(p, 'diskURI', s.diskURI, ['/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}'], rule);
    }
    if (s.kind !== undefined && s.kind !== null && s.kind !== 'Managed' && !uri.startsWith('https://')) {
      notSupported(p, 'diskURI', s.diskURI, ['https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd'], rule);
    }
  },
  storageos: (s, p) => {
    const rule = 'k8s validateStorageOSVolumeSource';
    if (!required(p, 'volumeName', s.volumeName, rule)) each(p, 'volumeName', s.volumeName, dns1123LabelErrors(String(s.volumeName)), rule);
    if (isSet(s.volumeNamespace)) each(p, 'volumeNamespace', s.volumeNamespace, dns1123LabelErrors(String(s.volumeNamespace)), rule);
    if (isObject(s.secretRef)) required(p.at('secretRef'), 'name', s.secretRef.name, rule);
  },
  projected: (s, p) => {
    validateMode(p, 'defaultMode', s.defaultMode, 'k8s validateProjectedVolumeSource');
    validateProjectionSources(s, p);
  },
  scaleIO: (s, p) => {
    const rule = 'k8s validateScaleIOVolumeSource';
    required(p, 'gateway', s.gateway, rule);
    required(p, 'system', s.system, rule);
    required(p, 'volumeName', s.volumeName, rule);
  },
  csi: (s, p) => {
    const rule = 'k8s validateCSIVolumeSource';
    validateCSIDriverName(s.driver, p);
    if (isObject(s.nodePublishSecretRef)) {
      const np = p.at('nodePublishSecretRef');
      if (!required(np, 'name', s.nodePublishSecretRef.name, rule)) {
        each(np, 'name', s.nodePublishSecretRef.name, dns1123SubdomainErrors(String(s.nodePublishSecretRef.name)), 'k8s ValidateSecretName');
      }
    }
  },
  ephemeral: (s, p) => {
    const rule = 'k8s validateEphemeralVolumeSource';
    if (!isObject(s.volumeClaimTemplate)) {
      p.error('volumeClaimTemplate', s.volumeClaimTemplate, REQUIRED, rule);
      return;
    }
    validatePersistentVolumeClaimTemplate(s.volumeClaimTemplate, p.at('volumeClaimTemplate'));
  },
  image: (s, p) => {
    // validateImageVolumeSource: `reference` is required only on a Pod (ResourceIsPod), not in a pod template.
    if (s.pullPolicy !== undefined && s.pullPolicy !== null && !PULL_POLICIES.includes(s.pullPolicy)) {
      notSupported(p, 'pullPolicy', s.pullPolicy, PULL_POLICIES, 'k8s validatePullPolicy');
    }
  },
};

/** The partition check of `validateGCEPersistentDiskVolumeSource` / `validateAWSElasticBlockStoreVolumeSource`. */
function partition(p: ProblemCollector, value: unknown, rule: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || value < 0 || value > 255) p.error('partition', value, PD_PARTITION, rule);
}

/** The iqn / eui / naa formats of `validateISCSIVolumeSource` (`iscsiInitiatorIqnRegex`, ...). */
function iscsiNameValid(name: string): boolean {
  if (name.startsWith('iqn')) return ISCSI_IQN.test(name);
  if (name.startsWith('eui')) return ISCSI_EUI.test(name);
  return ISCSI_NAA.test(name);
}

/** Go's `net.SplitHostPort` succeeds: `host:port` or `[host]:port`, with no other colon outside brackets. */
function isHostPort(value: string): boolean {
  const last = value.lastIndexOf(':');
  if (last < 0) return false;
  const host = value.slice(0, last);
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end === host.length - 1 && !host.slice(1, end).includes('[');
  }
  return !host.includes(':') && !host.includes('[') && !host.includes(']') && !value.slice(last + 1).includes('[') && !value.slice(last + 1).includes(']');
}

/** core `validateDownwardAPIVolumeFile` (for a downwardAPI volume and a downwardAPI projection). */
function validateDownwardAPIVolumeFile(file: any, p: ProblemCollector): void {
  const rule = 'k8s validateDownwardAPIVolumeFile';
  if (!isObject(file)) return p.error('', file, 'must be an object', rule);
  required(p, 'path', file.path, rule);
  if (typeof file.path === 'string') validateLocalNonReservedPath(file.path, p.at('path'));
  const fieldRef = file.fieldRef !== undefined && file.fieldRef !== null;
  const resourceFieldRef = file.resourceFieldRef !== undefined && file.resourceFieldRef !== null;
  if (fieldRef) {
    validateObjectFieldSelector(file.fieldRef, p.at('fieldRef'));
    if (resourceFieldRef) p.error('', undefined, 'fieldRef and resourceFieldRef can not be specified simultaneously', rule);
  } else if (resourceFieldRef) {
    validateContainerResourceFieldSelector(file.resourceFieldRef, p.at('resourceFieldRef'));
  } else {
    p.error('', undefined, `${REQUIRED}: one of fieldRef and resourceFieldRef is required`, rule);
  }
  validateMode(p, 'mode', file.mode, rule);
}

/** core `validateObjectFieldSelector` with `validVolumeDownwardAPIFieldPathExpressions` (apiVersion defaults to v1). */
function validateObjectFieldSelector(fs: any, p: ProblemCollector): void {
  const rule = 'k8s validateObjectFieldSelector';
  if (!isObject(fs)) return p.error('', fs, 'must be an object', rule);
  if (isSet(fs.apiVersion) && fs.apiVersion !== 'v1') return p.error('apiVersion', fs.apiVersion, 'must be "v1" (error converting fieldPath)', rule);
  if (required(p, 'fieldPath', fs.fieldPath, rule)) return;
  const path = String(fs.fieldPath);
  const open = path.indexOf("['");
  if (path.endsWith("']") && open > 0) {
    const base = path.slice(0, open);
    const subscript = path.slice(open + 2, -2);
    if (base === 'metadata.annotations') each(p, '', path, qualifiedNameErrors(subscript.toLowerCase()), rule);
    else if (base === 'metadata.labels') each(p, '', path, qualifiedNameErrors(subscript), rule);
    else p.error('fieldPath', path, `error converting fieldPath: field label does not support subscript: ${path}`, rule);
  } else if (!CONVERTIBLE_FIELD_PATHS.includes(path)) {
    p.error('fieldPath', path, `error converting fieldPath: field label not supported: ${path}`, rule);
  } else if (!VOLUME_FIELD_PATHS.includes(path)) {
    notSupported(p, 'fieldPath', path, VOLUME_FIELD_PATHS, rule);
  }
}

/** core `validateContainerResourceFieldSelector` for a volume (containerName required; hugepages prefixes allowed). */
function validateContainerResourceFieldSelector(fs: any, p: ProblemCollector): void {
  const rule = 'k8s validateContainerResourceFieldSelector';
  if (!isObject(fs)) return p.error('', fs, 'must be an object', rule);
  if (!isSet(fs.containerName)) {
    p.error('containerName', fs.containerName, REQUIRED, rule);
  } else if (!isSet(fs.resource)) {
    p.error('resource', fs.resource, REQUIRED, rule);
  } else if (!RESOURCE_FIELD_PATHS.includes(fs.resource) && !RESOURCE_FIELD_PREFIXES.some(x => String(fs.resource).startsWith(x))) {
    notSupported(p, 'resource', fs.resource, RESOURCE_FIELD_PATHS, rule);
  }
}

/** core `validateProjectionSources`: at most one projection per source, item paths unique across sources. */
function validateProjectionSources(projection: any, p: ProblemCollector): void {
  const rule = 'k8s validateProjectionSources';
  const allPaths = new Set<string>();
  const addPath = (path: unknown, value: unknown) => {
    if (typeof path !== 'string' || path.length === 0) return;
    if (allPaths.has(path)) p.error('', value, 'conflicting duplicate paths', rule);
    else allPaths.add(path);
  };
  listOf(projection.sources).forEach((source, i) => {
    const sp = p.at('sources', i);
    if (!isObject(source)) return sp.error('', source, 'must be an object', rule);
    let numSources = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = source[kind];
      if (ref === undefined || ref === null) continue;
      numSources++;
      const rp = sp.at(kind);
      required(rp, 'name', ref?.name, rule);
      listOf(ref?.items).forEach((kp, j) => {
        validateKeyToPath(kp, rp.at('items', j));
        addPath(kp?.path, ref?.name);
      });
    }
    if (source.downwardAPI !== undefined && source.downwardAPI !== null) {
      numSources++;
      listOf(source.downwardAPI?.items).forEach((file, j) => {
        validateDownwardAPIVolumeFile(file, sp.at('downwardAPI', 'items', j));
        addPath(file?.path, file?.path);
      });
    }
    const token = source.serviceAccountToken;
    if (token !== undefined && token !== null) {
      numSources++;
      const tp = sp.at('serviceAccountToken');
      const seconds = token?.expirationSeconds;
      if (typeof seconds === 'number' && seconds < 10 * 60) tp.error('expirationSeconds', seconds, 'may not specify a duration less than 10 minutes', rule);
      if (typeof seconds === 'number' && seconds > 2 ** 32) tp.error('expirationSeconds', seconds, 'may not specify a duration larger than 2^32 seconds', rule);
      if (!required(tp, 'path', token?.path, rule)) validateLocalNonReservedPath(String(token.path), tp.at('path'));
    }
    // clusterTrustBundle (ClusterTrustBundleProjection) and podCertificate (PodCertificateRequest) are behind
    // feature gates off by default in v1.34: the API server drops them, so they are neither counted nor checked.
    if (numSources > 1) sp.error('', undefined, 'may not specify more than 1 volume type per source (Forbidden)', rule);
  });
}

/** core `ValidateCSIDriverName`. */
function validateCSIDriverName(driver: unknown, p: ProblemCollector): void {
  const rule = 'k8s ValidateCSIDriverName';
  const name = typeof driver === 'string' ? driver : '';
  if (name.length === 0) p.error('driver', driver, REQUIRED, rule);
  if (name.length > 63) p.error('driver', driver, 'must have at most 63 bytes (Too long)', rule);
  each(p, 'driver', driver, dns1123SubdomainErrors(name.toLowerCase()), rule);
}

/**
 * core `ValidatePersistentVolumeClaimTemplate`: metadata has only labels and annotations; the spec's access modes,
 * volume mode and storage request (the part of `ValidatePersistentVolumeClaimSpec` a manifest most often gets wrong).
 */
function validatePersistentVolumeClaimTemplate(template: any, p: ProblemCollector): void {
  const meta = isObject(template.metadata) ? template.metadata : {};
  validateLabels(meta.labels, p.at('metadata', 'labels'));
  validateAnnotations(meta.annotations, p.at('metadata', 'annotations'));
  for (const k of Object.keys(meta)) {
    if (k !== 'labels' && k !== 'annotations' && meta[k] !== undefined && meta[k] !== null) p.at('metadata').error(k, meta[k], 'cannot be set', 'k8s ValidateTemplateObjectMeta');
  }
  const spec = isObject(template.spec) ? template.spec : {};
  const sp = p.at('spec');
  const specRule = 'k8s ValidatePersistentVolumeClaimSpec';
  const modes = listOf(spec.accessModes);
  if (modes.length === 0) sp.error('accessModes', spec.accessModes, `${REQUIRED}: at least 1 access mode is required`, specRule);
  for (const m of modes) if (!ACCESS_MODES.includes(m)) notSupported(sp, 'accessModes', m, ACCESS_MODES, specRule);
  if (modes.includes('ReadWriteOncePod') && modes.some(m => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m))) {
    sp.error('accessModes', spec.accessModes, 'may not use ReadWriteOncePod with other access modes (Forbidden)', specRule);
  }
  const storage = isObject(spec.resources?.requests) ? spec.resources.requests.storage : undefined;
  if (storage === undefined || storage === null) {
    sp.at('resources', 'requests').error('storage', storage, REQUIRED, specRule);
  } else {
    const q = parseQuantity(storage);
    if (q === undefined) sp.at('resources', 'requests').error('storage', storage, 'must be a quantity', specRule);
    else if (q <= 0) sp.at('resources', 'requests').error('storage', storage, 'must be greater than zero', specRule);
  }
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !VOLUME_MODES.includes(spec.volumeMode)) {
    notSupported(sp, 'volumeMode', spec.volumeMode, VOLUME_MODES, specRule);
  }
}
