import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../common/names';
import { ProblemCollector } from '../problem';
import { duplicate, each, isObject, isSet, listOf, notSupported, REQUIRED } from './field';
import { parseQuantity } from './quantity';

// Ported from kubernetes/kubernetes v1.34 `pkg/apis/core/validation/validation.go` (ValidateVolumes,
// validateVolumeSource and the per-source functions); each rule names its upstream function.

const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];
const STORAGE_MEDIA = ['', 'Memory', 'HugePages'];
const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile',
  'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO',
  'storageos', 'csi', 'ephemeral', 'image'];

/** core `ValidateVolumes`: names are unique DNS-1123 labels, each volume has exactly one source. */
export function validateVolumes(volumes: unknown, p: ProblemCollector): Map<string, any> {
  const byName = new Map<string, any>();
  listOf(volumes).forEach((v, i) => {
    const vp = p.at(i);
    if (!isObject(v)) return vp.error('', v, 'must be an object', 'k8s ValidateVolumes');
    if (!isSet(v.name)) vp.error('name', v.name, REQUIRED, 'k8s ValidateVolumes');
    else if (typeof v.name === 'string') each(vp, 'name', v.name, dns1123LabelErrors(v.name), 'k8s ValidateVolumes');
    if (typeof v.name === 'string' && byName.has(v.name)) duplicate(vp, 'name', v.name, 'k8s ValidateVolumes');
    else if (typeof v.name === 'string') byName.set(v.name, v);
    const sources = VOLUME_SOURCES.filter(s => v[s] !== undefined && v[s] !== null);
    if (sources.length === 0) vp.error('', undefined, 'must specify a volume type', 'k8s validateVolumeSource');
    else if (sources.length > 1) vp.error(sources[1], v[sources[1]], 'may not specify more than 1 volume type', 'k8s validateVolumeSource');
    validateVolumeSource(v, vp);
  });
  return byName;
}

function validateMode(p: ProblemCollector, field: string, mode: unknown, rule: string): void {
  if (mode === undefined || mode === null) return;
  if (!Number.isInteger(mode) || (mode as number) < 0 || (mode as number) > 0o777) {
    p.error(field, mode, 'must be a number between 0 and 0777 (octal), both inclusive', rule);
  }
}

function validateKeyToPaths(items: unknown, p: ProblemCollector): void {
  listOf(items).forEach((item, i) => {
    const ip = p.at(i);
    if (!isSet(item?.key)) ip.error('key', item?.key, REQUIRED, 'k8s validateKeyToPath');
    if (!isSet(item?.path)) ip.error('path', item?.path, REQUIRED, 'k8s validateKeyToPath');
    else validateLocalNonReservedPath(String(item.path), ip.at('path'));
    validateMode(ip, 'mode', item?.mode, 'k8s validateKeyToPath');
  });
}

/** core `validateLocalDescendingPath` + `validateLocalNonReservedPath`. */
export function validateLocalNonReservedPath(path: string, p: ProblemCollector): void {
  if (path.startsWith('/')) p.error('', path, 'must be a relative path', 'k8s validateLocalDescendingPath');
  if (path.split('/').includes('..')) p.error('', path, "must not contain '..'", 'k8s validatePathNoBacksteps');
  if (path.startsWith('..')) p.error('', path, "must not start with '..'", 'k8s validateLocalNonReservedPath');
}

function validateVolumeSource(v: any, p: ProblemCollector): void {
  if (isObject(v.hostPath)) {
    if (!isSet(v.hostPath.path)) p.at('hostPath').error('path', v.hostPath.path, REQUIRED, 'k8s validateHostPathVolumeSource');
    else if (String(v.hostPath.path).split('/').includes('..')) p.at('hostPath').error('path', v.hostPath.path, "must not contain '..'", 'k8s validatePathNoBacksteps');
    if (v.hostPath.type !== undefined && !HOST_PATH_TYPES.includes(v.hostPath.type)) {
      notSupported(p.at('hostPath'), 'type', v.hostPath.type, HOST_PATH_TYPES.slice(1), 'k8s validateHostPathType');
    }
  }
  if (isObject(v.emptyDir)) {
    if (v.emptyDir.medium !== undefined && !STORAGE_MEDIA.includes(v.emptyDir.medium)) {
      notSupported(p.at('emptyDir'), 'medium', v.emptyDir.medium, STORAGE_MEDIA.slice(1), 'k8s validateEmptyDirVolumeSource');
    }
    if (v.emptyDir.sizeLimit !== undefined) {
      const q = parseQuantity(v.emptyDir.sizeLimit);
      if (q === undefined) p.at('emptyDir').error('sizeLimit', v.emptyDir.sizeLimit, 'must be a quantity', 'k8s ValidateResourceQuantityValue');
      else if (q < 0) p.at('emptyDir').error('sizeLimit', v.emptyDir.sizeLimit, 'must be greater than or equal to 0', 'k8s ValidateResourceQuantityValue');
    }
  }
  if (isObject(v.configMap)) {
    const cp = p.at('configMap');
    if (!isSet(v.configMap.name)) cp.error('name', v.configMap.name, REQUIRED, 'k8s validateConfigMapVolumeSource');
    else each(cp, 'name', v.configMap.name, dns1123SubdomainErrors(String(v.configMap.name)), 'k8s ValidateConfigMapName');
    validateMode(cp, 'defaultMode', v.configMap.defaultMode, 'k8s validateConfigMapVolumeSource');
    validateKeyToPaths(v.configMap.items, cp.at('items'));
  }
  if (isObject(v.secret)) {
    const sp = p.at('secret');
    if (!isSet(v.secret.secretName)) sp.error('secretName', v.secret.secretName, REQUIRED, 'k8s validateSecretVolumeSource');
    else each(sp, 'secretName', v.secret.secretName, dns1123SubdomainErrors(String(v.secret.secretName)), 'k8s ValidateSecretName');
    validateMode(sp, 'defaultMode', v.secret.defaultMode, 'k8s validateSecretVolumeSource');
    validateKeyToPaths(v.secret.items, sp.at('items'));
  }
  if (isObject(v.persistentVolumeClaim) && !isSet(v.persistentVolumeClaim.claimName)) {
    p.at('persistentVolumeClaim').error('claimName', v.persistentVolumeClaim.claimName, REQUIRED, 'k8s validatePersistentClaimVolumeSource');
  }
}
