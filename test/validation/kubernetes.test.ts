import { validateObject } from '../../src/validation';
import { ProblemSeverity } from '../../src/validation/problem';

const deployment = (podSpec: any) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec } },
});
const errors = (obj: any) => validateObject(obj).filter(p => p.severity === ProblemSeverity.ERROR).map(p => `${p.path}: ${p.message} [${p.rule}]`);

describe('server-side apply list-map keys', () => {
  test('two containers of one name, also across containers and init containers', () => {
    expect(errors(deployment({ containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] }))).toEqual([
      'spec.template.spec.containers[1].name: must be unique (Duplicate value) [k8s validateContainers]',
      'spec.template.spec.containers[1]: must have a unique name: containers[0] already has name "a", and server-side apply refuses duplicate entries of a list-map [ssa x-kubernetes-list-map-keys]',
    ]);
  });

  test('container ports are keyed by containerPort and protocol, protocol defaulting to TCP', () => {
    const ports = [{ containerPort: 80 }, { containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 80, protocol: 'UDP' }];
    expect(errors(deployment({ containers: [{ name: 'a', image: 'x', ports }] }))).toEqual([
      'spec.template.spec.containers[0].ports[1]: must have a unique containerPort+protocol: ports[0] already has containerPort 80, protocol "TCP", '
      + 'and server-side apply refuses duplicate entries of a list-map [ssa x-kubernetes-list-map-keys]',
    ]);
  });

  test('volumes by name, volume mounts by mountPath', () => {
    const found = errors(deployment({
      volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }],
      containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'v', mountPath: '/data' }, { name: 'v', mountPath: '/data' }] }],
    }));
    expect(found).toContain('spec.template.spec.volumes[1]: must have a unique name: volumes[0] already has name "v", and server-side apply refuses duplicate entries of a list-map [ssa x-kubernetes-list-map-keys]');
    expect(found).toContain('spec.template.spec.containers[0].volumeMounts[1]: must have a unique mountPath: volumeMounts[0] already has mountPath "/data", and server-side apply refuses duplicate entries of a list-map [ssa x-kubernetes-list-map-keys]');
  });

  test('Service ports by port and protocol', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'TCP' }] } };
    expect(errors(svc)).toEqual([
      'spec.ports[1]: must have a unique port+protocol: ports[0] already has port 80, protocol "TCP", and server-side apply refuses duplicate entries of a list-map [ssa x-kubernetes-list-map-keys]',
    ]);
  });
});

describe('names per kind', () => {
  test('a Service name must be a DNS-1035 label; a ConfigMap may start with a digit', () => {
    expect(errors({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } })).toHaveLength(1);
    expect(errors({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: '1web.example' } })).toEqual([]);
  });

  test('RBAC names are path segments: colons allowed, slashes not', () => {
    const role = (name: string) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: [] });
    expect(errors(role('system:controller:x'))).toEqual([]);
    expect(errors(role('a/b'))).toEqual(["metadata.name: may not contain '/' [k8s ValidateObjectMeta]"]);
  });

  test('a namespace on a cluster-scoped kind is a warning (the API server drops it), an invalid one on a namespaced kind an error', () => {
    const problems = validateObject({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r', namespace: 'shop' } });
    expect(problems).toEqual([expect.objectContaining({ path: 'metadata.namespace', severity: ProblemSeverity.WARNING })]);
    expect(errors({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'Shop' } })).toHaveLength(1);
  });
});

describe('pod template', () => {
  test('requests above limits, and a hostPort that differs from its containerPort on the host network', () => {
    expect(errors(deployment({
      hostNetwork: true,
      containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }], resources: { requests: { cpu: '2' }, limits: { cpu: '1500m' } } }],
    }))).toEqual([
      'spec.template.spec.containers[0].ports[0].hostPort: must match `containerPort` when `hostNetwork` is true [k8s validateHostNetwork]',
      'spec.template.spec.containers[0].resources.requests: must be less than or equal to cpu limit of 1500m [k8s ValidateContainerResourceRequirements]',
    ]);
  });

  test('a mount of a volume the pod does not have', () => {
    expect(errors(deployment({ containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'nope', mountPath: '/x' }] }] }))).toEqual([
      'spec.template.spec.containers[0].volumeMounts[0].name: must name a volume of the pod (Not found) [k8s ValidateVolumeMounts]',
    ]);
  });
});

describe('HorizontalPodAutoscaler', () => {
  test('minReplicas 0 is a warning (alpha HPAScaleToZero gate) and needs an Object or External metric', () => {
    const hpa = (metrics: any[]) => ({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 0, maxReplicas: 3, metrics },
    });
    const external = [{ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '10' } } }];
    expect(validateObject(hpa(external))).toEqual([expect.objectContaining({ path: 'spec.minReplicas', severity: ProblemSeverity.WARNING })]);
    expect(errors(hpa([]))).toEqual(['spec.metrics: must specify at least one Object or External metric to support scaling to zero replicas [k8s validateMetrics]']);
  });

  test('quantities take every suffix of resource.ParseQuantity (n, u, m, k … E, Ki … Ei, exponents); others are refused', () => {
    const hpa = (averageValue: unknown) => ({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        maxReplicas: 3,
        metrics: [{ type: 'Pods', pods: { metric: { name: 'm' }, target: { type: 'AverageValue', averageValue } } }],
      },
    });
    for (const q of ['3n', '250u', '500m', '1', '1.5k', '2E', '1Ki', '1e3', '1E-3', '.5', 7]) expect(errors(hpa(q))).toEqual([]);
    expect(errors(hpa('1 Gi'))).toEqual(['spec.metrics[0].pods.target.averageValue: must be a quantity [k8s ParseQuantity]']);
    expect(errors(hpa('512MB'))).toEqual(['spec.metrics[0].pods.target.averageValue: must be a quantity [k8s ParseQuantity]']);
  });
});
