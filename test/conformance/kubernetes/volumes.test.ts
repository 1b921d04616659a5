import { ConformanceCase, deploymentWith, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/core/validation/validation_test.go` TestValidateVolumes (ValidateVolumes,
// validateVolumeSource and the per-source functions in validation.go), read through the search index at commit
// 000f26050b9be6fb3d79fae95e06b47fc96128cd (a v1.34-era tree: image volumes, relaxed env names); ported against
// v1.34. Each case's volume is written with v1 JSON field names in a Deployment whose container mounts nothing.
// Paths: upstream reports a few errors at paths that are not the JSON path of the value (`downwardAPI.path` and
// `downwardAPI.mode` for `downwardAPI.items[i]`, `iscsi.initiatorname`, `projected.path` for a token's path); we
// report at the JSON path, and `field` below names it.

const V = 'spec.template.spec.volumes[0]';
const vols = (...volumes: any[]) => deploymentWith({ containers: [{ name: 'c', image: 'image' }], volumes });
const ok = (name: string, vol: any): ConformanceCase => ({ name, valid: true, object: vols(vol) });
const bad = (name: string, vol: any, field: string, message?: string): ConformanceCase => ({
  name, valid: false, field: field === '' ? V : `${V}.${field}`, ...(message === undefined ? {} : { message }), object: vols(vol),
});

const emptyDir = (name: string) => ({ name, emptyDir: {} });
const iscsi = (extra: any) => ({ name: 'iscsi', iscsi: { targetPortal: '127.0.0.1', iqn: 'iqn.2015-02.example.com:test', lun: 1, fsType: 'ext4', readOnly: false, ...extra } });
const secret = (extra: any) => ({ name: 'secret', secret: extra });
const cfg = (extra: any) => ({ name: 'cfgmap', configMap: extra });
const labels = (path: string) => ({ path, fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } });
const downapi = (source: any, name = 'downapi') => ({ name, downwardAPI: source });
const fc = (source: any) => ({ name: 'fc', fc: { fsType: 'ext4', readOnly: false, ...source } });
const quobyte = (source: any) => ({ name: 'quobyte', quobyte: source });
const scaleio = (source: any) => ({ name: 'scaleio-volume', scaleIO: source });

test('TestValidateVolumes', () => {
  const cases: ConformanceCase[] = [
    // EmptyDir and basic volume names
    ok('valid alpha name', emptyDir('empty')),
    ok('valid num name', emptyDir('123')),
    ok('valid alphanum name', emptyDir('empty-123')),
    ok('valid numalpha name', emptyDir('123-empty')),
    bad('zero-length name', emptyDir(''), 'name', 'Required'),
    bad('name > 63 characters', emptyDir('a'.repeat(64)), 'name', 'must be no more than'),
    bad('name has dots', emptyDir('a.b.c'), 'name', 'must not contain dots'),
    bad('name not a DNS label', emptyDir('Not a DNS label!'), 'name', 'a lowercase RFC 1123 label must consist of'),
    // More than one source field specified.
    bad('more than one source', { name: 'dups', emptyDir: {}, hostPath: { path: '/mnt/path', type: 'Directory' } }, 'hostPath', 'may not specify more than 1 volume'),
    // HostPath
    ok('default HostPath', { name: 'hostpath', hostPath: { path: '/mnt/path', type: 'Directory' } }),
    ok('valid HostPath', { name: 'hostpath', hostPath: { path: '/mnt/path', type: 'Socket' } }),
    bad('invalid HostPath', { name: 'hostpath', hostPath: { path: '/mnt/path', type: 'invalid' } }, 'hostPath.type', 'Unsupported value'),
    bad('invalid HostPath backsteps', { name: 'hostpath', hostPath: { path: '/mnt/path/..', type: 'Directory' } }, 'hostPath.path', "must not contain '..'"),
    // GcePersistentDisk, AWSElasticBlockStore
    ok('valid GcePersistentDisk', { name: 'gce-pd', gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } }),
    ok('valid AWSElasticBlockStore', { name: 'aws-ebs', awsElasticBlockStore: { volumeID: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } }),
    // GitRepo
    ok('valid GitRepo', { name: 'git-repo', gitRepo: { repository: 'my-repo', revision: 'hashstring', directory: 'target' } }),
    ok('valid GitRepo in .', { name: 'git-repo-dot', gitRepo: { repository: 'my-repo', directory: '.' } }),
    ok('valid GitRepo with .. in name', { name: 'git-repo-dot-dot-foo', gitRepo: { repository: 'my-repo', directory: '..foo' } }),
    bad('GitRepo starts with ../', { name: 'gitrepo', gitRepo: { repository: 'foo', directory: '../dots/bar' } }, 'gitRepo.directory', "must not contain '..'"),
    bad('GitRepo contains ..', { name: 'gitrepo', gitRepo: { repository: 'foo', directory: 'dots/../bar' } }, 'gitRepo.directory', "must not contain '..'"),
    bad('GitRepo absolute target', { name: 'gitrepo', gitRepo: { repository: 'foo', directory: '/abstarget' } }, 'gitRepo.directory'),
    // ISCSI
    ok('valid ISCSI', iscsi({})),
    ok('valid IQN: eui format', iscsi({ iqn: 'eui.0123456789ABCDEF' })),
    ok('valid IQN: naa format', iscsi({ iqn: 'naa.62004567BA64678D0123456789ABCDEF' })),
    bad('empty portal', iscsi({ targetPortal: '' }), 'iscsi.targetPortal', 'Required'),
    bad('empty iqn', iscsi({ iqn: '' }), 'iscsi.iqn', 'Required'),
    bad('invalid IQN: iqn format', iscsi({ iqn: 'iqn.2015-02.example.com:test;ls;' }), 'iscsi.iqn'),
    bad('invalid IQN: eui format', iscsi({ iqn: 'eui.0123456789ABCDEFGHIJ' }), 'iscsi.iqn'),
    bad('invalid IQN: naa format', iscsi({ iqn: 'naa.62004567BA_4-78D.123456789ABCDEF' }), 'iscsi.iqn'),
    ok('valid initiatorName', iscsi({ initiatorName: 'iqn.2015-02.example.com:init' })),
    bad('invalid initiatorName', iscsi({ initiatorName: '2015-02.example.com:init' }), 'iscsi.initiatorName'),
    bad('empty secret', iscsi({ discoveryCHAPAuth: true }), 'iscsi.secretRef', 'Required'),
    bad('empty secret', iscsi({ sessionCHAPAuth: true }), 'iscsi.secretRef', 'Required'),
    // Secret
    ok('valid Secret', secret({ secretName: 'my-secret' })),
    ok('valid Secret with defaultMode', secret({ secretName: 'my-secret', defaultMode: 0o644 })),
    ok('valid Secret with projection and mode', secret({ secretName: 'my-secret', items: [{ key: 'key', path: 'filename', mode: 0o644 }] })),
    ok('valid Secret with subdir projection', secret({ secretName: 'my-secret', items: [{ key: 'key', path: 'dir/filename' }] })),
    bad('secret with missing path', secret({ secretName: 's', items: [{ key: 'key', path: '' }] }), 'secret.items[0].path', 'Required'),
    bad('secret with leading ..', secret({ secretName: 's', items: [{ key: 'key', path: '../foo' }] }), 'secret.items[0].path'),
    bad('secret with .. inside', secret({ secretName: 's', items: [{ key: 'key', path: 'foo/../bar' }] }), 'secret.items[0].path'),
    bad('secret with invalid positive defaultMode', secret({ secretName: 's', defaultMode: 0o1000 }), 'secret.defaultMode'),
    bad('secret with invalid negative defaultMode', secret({ secretName: 's', defaultMode: -1 }), 'secret.defaultMode'),
    // ConfigMap
    ok('valid ConfigMap', cfg({ name: 'my-cfgmap' })),
    ok('valid ConfigMap with defaultMode', cfg({ name: 'my-cfgmap', defaultMode: 0o644 })),
    ok('valid ConfigMap with projection and mode', cfg({ name: 'my-cfgmap', items: [{ key: 'key', path: 'filename', mode: 0o644 }] })),
    ok('valid ConfigMap with subdir projection', cfg({ name: 'my-cfgmap', items: [{ key: 'key', path: 'dir/filename' }] })),
    bad('configmap with missing path', cfg({ name: 'c', items: [{ key: 'key', path: '' }] }), 'configMap.items[0].path', 'Required'),
    bad('configmap with leading ..', cfg({ name: 'c', items: [{ key: 'key', path: '../foo' }] }), 'configMap.items[0].path'),
    bad('configmap with .. inside', cfg({ name: 'c', items: [{ key: 'key', path: 'foo/../bar' }] }), 'configMap.items[0].path'),
    bad('configmap with invalid positive defaultMode', cfg({ name: 'c', defaultMode: 0o1000 }), 'configMap.defaultMode'),
    bad('configmap with invalid negative defaultMode', cfg({ name: 'c', defaultMode: -1 }), 'configMap.defaultMode'),
    // Glusterfs
    ok('valid Glusterfs', { name: 'glusterfs', glusterfs: { endpoints: 'host1', path: 'path', readOnly: false } }),
    bad('empty hosts', { name: 'glusterfs', glusterfs: { endpoints: '', path: 'path', readOnly: false } }, 'glusterfs.endpoints', 'Required'),
    bad('empty path', { name: 'glusterfs', glusterfs: { endpoints: 'host', path: '', readOnly: false } }, 'glusterfs.path', 'Required'),
    // Flocker
    ok('valid Flocker -- datasetUUID', { name: 'flocker', flocker: { datasetUUID: 'd846b09d-223d-43df-ab5b-d6db2206a0e4' } }),
    ok('valid Flocker -- datasetName', { name: 'flocker', flocker: { datasetName: 'datasetName' } }),
    bad('both empty', { name: 'flocker', flocker: { datasetName: '' } }, 'flocker', 'Required'),
    bad('both specified', { name: 'flocker', flocker: { datasetName: 'datasetName', datasetUUID: 'd846b09d-223d-43df-ab5b-d6db2206a0e4' } }, 'flocker'),
    bad('slash in flocker datasetName', { name: 'flocker', flocker: { datasetName: 'foo/bar' } }, 'flocker.datasetName', "must not contain '/'"),
    // RBD
    ok('valid RBD', { name: 'rbd', rbd: { monitors: ['foo'], image: 'bar', fsType: 'ext4' } }),
    bad('empty rbd monitors', { name: 'rbd', rbd: { monitors: [], image: 'bar', fsType: 'ext4' } }, 'rbd.monitors', 'Required'),
    bad('empty image', { name: 'rbd', rbd: { monitors: ['foo'], image: '', fsType: 'ext4' } }, 'rbd.image', 'Required'),
    // Cinder, CephFS
    ok('valid Cinder', { name: 'cinder', cinder: { volumeID: '29ea5088-4f60-4757-962e-dba678767887', fsType: 'ext4', readOnly: false } }),
    ok('valid CephFS', { name: 'cephfs', cephfs: { monitors: ['foo'] } }),
    bad('empty cephfs monitors', { name: 'cephfs', cephfs: { monitors: [] } }, 'cephfs.monitors', 'Required'),
    // DownwardAPI
    ok('valid DownwardAPI', downapi({
      items: [
        labels('labels'),
        { path: 'labels with subscript', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['key']" } },
        { path: 'labels with complex subscript', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['test.example.com/key']" } },
        { path: 'annotations', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.annotations' } },
        { path: 'annotations with subscript', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['key']" } },
        { path: 'annotations with complex subscript', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['TEST.EXAMPLE.COM/key']" } },
        { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
        { path: 'name', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
        labels('path/with/subdirs'), labels('path/./withdot'), labels('path/with/embedded..dotdot'), labels('path/with/leading/..dotdot'),
        { path: 'cpu_limit', resourceFieldRef: { containerName: 'test-container', resource: 'limits.cpu' } },
        { path: 'cpu_request', resourceFieldRef: { containerName: 'test-container', resource: 'requests.cpu' } },
        { path: 'memory_limit', resourceFieldRef: { containerName: 'test-container', resource: 'limits.memory' } },
        { path: 'memory_request', resourceFieldRef: { containerName: 'test-container', resource: 'requests.memory' } },
      ],
    }, 'downwardapi')),
    ok('hugepages-downwardAPI-enabled', downapi({
      items: [
        { path: 'hugepages_request', resourceFieldRef: { containerName: 'test-container', resource: 'requests.hugepages-2Mi' } },
        { path: 'hugepages_limit', resourceFieldRef: { containerName: 'test-container', resource: 'limits.hugepages-2Mi' } },
      ],
    }, 'downwardapi')),
    ok('downapi valid defaultMode', downapi({ defaultMode: 0o644 })),
    ok('downapi valid item mode', downapi({ items: [{ mode: 0o644, ...labels('path') }] })),
    bad('downapi invalid positive item mode', downapi({ items: [{ mode: 0o1000, ...labels('path') }] }), 'downwardAPI.items[0].mode'),
    bad('downapi invalid negative item mode', downapi({ items: [{ mode: -1, ...labels('path') }] }), 'downwardAPI.items[0].mode'),
    bad('downapi empty metatada path', downapi({ items: [labels('')] }), 'downwardAPI.items[0].path', 'Required'),
    bad('downapi absolute path', downapi({ items: [labels('/absolutepath')] }), 'downwardAPI.items[0].path'),
    bad('downapi dot dot path', downapi({ items: [labels('../../passwd')] }), 'downwardAPI.items[0].path', "must not contain '..'"),
    bad('downapi dot dot file name', downapi({ items: [labels('..badFileName')] }), 'downwardAPI.items[0].path', "must not start with '..'"),
    bad('downapi dot dot first level dirent', downapi({ items: [labels('..badDirName/goodFileName')] }), 'downwardAPI.items[0].path', "must not start with '..'"),
    bad('downapi fieldRef and ResourceFieldRef together', downapi({
      items: [{ ...labels('test'), resourceFieldRef: { containerName: 'test-container', resource: 'requests.memory' } }],
    }), 'downwardAPI.items[0]', 'fieldRef and resourceFieldRef can not be specified simultaneously'),
    bad('downapi invalid positive defaultMode', downapi({ defaultMode: 0o1000 }), 'downwardAPI.defaultMode'),
    bad('downapi invalid negative defaultMode', downapi({ defaultMode: -1 }), 'downwardAPI.defaultMode'),
    // FC
    ok('FC valid targetWWNs and lun', fc({ targetWWNs: ['some_wwn'], lun: 1 })),
    ok('FC valid wwids', fc({ wwids: ['some_wwid'] })),
    bad('FC empty targetWWNs and wwids', fc({ targetWWNs: [], lun: 1, wwids: [] }), 'fc.targetWWNs', 'must specify either targetWWNs or wwids'),
    bad('FC invalid: both targetWWNs and wwids simultaneously', fc({ targetWWNs: ['some_wwn'], lun: 1, wwids: ['some_wwid'] }), 'fc.targetWWNs',
      'targetWWNs and wwids can not be specified simultaneously'),
    bad('FC valid targetWWNs and empty lun', fc({ targetWWNs: ['wwn'] }), 'fc.lun', 'lun is required if targetWWNs is specified'),
    bad('FC valid targetWWNs and invalid lun', fc({ targetWWNs: ['wwn'], lun: 256 }), 'fc.lun', 'must be between 0 and 255, inclusive'),
    // FlexVolume, AzureFile
    ok('valid FlexVolume', { name: 'flex-volume', flexVolume: { driver: 'kubernetes.io/blue', fsType: 'ext4' } }),
    ok('valid AzureFile', { name: 'azure-file', azureFile: { secretName: 'key', shareName: 'share', readOnly: false } }),
    bad('AzureFile empty secret', { name: 'azure-file', azureFile: { secretName: '', shareName: 'share', readOnly: false } }, 'azureFile.secretName', 'Required'),
    bad('AzureFile empty share', { name: 'azure-file', azureFile: { secretName: 'name', shareName: '', readOnly: false } }, 'azureFile.shareName', 'Required'),
    // Quobyte
    ok('valid Quobyte', quobyte({ registry: 'registry:7861', volume: 'volume', readOnly: false, user: 'root', group: 'root', tenant: 'ThisIsSomeTenantUUID' })),
    bad('empty registry quobyte', quobyte({ volume: '/test', tenant: 'ThisIsSomeTenantUUID' }), 'quobyte.registry', 'Required'),
    bad('wrong format registry quobyte', quobyte({ registry: 'registry7861', volume: '/test', tenant: 'ThisIsSomeTenantUUID' }), 'quobyte.registry'),
    bad('wrong format multiple registries quobyte', quobyte({ registry: 'registry:7861,reg2', volume: '/test', tenant: 'ThisIsSomeTenantUUID' }), 'quobyte.registry'),
    bad('empty volume quobyte', quobyte({ registry: 'registry:7861', tenant: 'ThisIsSomeTenantUUID' }), 'quobyte.volume', 'Required'),
    ok('empty tenant quobyte', quobyte({ registry: 'registry:7861', volume: '/test', tenant: '' })),
    bad('too long tenant quobyte', quobyte({
      registry: 'registry:7861', volume: '/test', tenant: 'this is too long to be a valid uuid so this test has to fail on the maximum length validation of the tenant.',
    }), 'quobyte.tenant', 'Required'),
    // AzureDisk
    ok('valid AzureDisk', { name: 'azure-disk', azureDisk: { diskName: 'foo', diskURI: 'https://blob/vhds/bar.vhd' } }),
    bad('AzureDisk empty disk name', { name: 'azure-disk', azureDisk: { diskName: '', diskURI: 'https://blob/vhds/bar.vhd' } }, 'azureDisk.diskName', 'Required'),
    bad('AzureDisk empty disk uri', { name: 'azure-disk', azureDisk: { diskName: 'foo', diskURI: '' } }, 'azureDisk.diskURI', 'Required'),
    // ScaleIO
    ok('valid scaleio volume', scaleio({ gateway: 'http://abcd/efg', system: 'test-system', volumeName: 'test-vol-1' })),
    bad('ScaleIO with empty name', scaleio({ gateway: 'http://abcd/efg', system: 'test-system', volumeName: '' }), 'scaleIO.volumeName', 'Required'),
    bad('ScaleIO with empty gateway', scaleio({ gateway: '', system: 'test-system', volumeName: 'test-vol-1' }), 'scaleIO.gateway', 'Required'),
    bad('ScaleIO with empty system', scaleio({ gateway: 'http://agc/efg/gateway', system: '', volumeName: 'test-vol-1' }), 'scaleIO.system', 'Required'),
    // ProjectedVolumeSource
    bad('ProjectedVolumeSource more than one projection in a source', {
      name: 'projected-volume', projected: { sources: [{ secret: { name: 'foo' } }, { secret: { name: 'foo' }, downwardAPI: {} }] },
    }, 'projected.sources[1]', 'may not specify more than 1 volume type per source'),
    bad('ProjectedVolumeSource more than one projection in a source', {
      name: 'projected-volume', projected: { sources: [{ secret: {} }, { secret: {}, downwardAPI: {} }] },
    }, 'projected.sources[1]', 'may not specify more than 1 volume type per source'),
    // ImageVolumeSource
    ok('valid image volume on pod', { name: 'image-volume', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } }),
    bad('no volume source', { name: 'volume' }, '', 'must specify a volume type'),
    bad('image volume with empty name', { name: '', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } }, 'name', 'Required'),
    {
      name: 'image volume with empty reference on pod',
      valid: false,
      notExpressible: 'ResourceIsPod: upstream requires image.reference only on a Pod; the layer checks pod templates of workloads, where an empty reference is accepted (next case)',
    },
    ok('image volume with empty reference on other object', { name: 'image-volume', image: { reference: '', pullPolicy: 'IfNotPresent' } }),
    bad('image volume with wrong pullPolicy', { name: 'image-volume', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'wrong' } }, 'image.pullPolicy', 'Unsupported value'),
    // The two cases after the table.
    {
      name: 'dupsCase',
      valid: false,
      field: 'spec.template.spec.volumes[1].name',
      message: 'Duplicate',
      object: vols({ name: 'abc', emptyDir: {} }, { name: 'abc', emptyDir: {} }),
    },
    ok('hugePagesCase', { name: 'working', emptyDir: { medium: 'HugePages' } }),
  ];
  runTable('TestValidateVolumes', cases);
});
