import { ConformanceCase, deploymentWith, deploymentWithContainer, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/core/validation` TestValidateContainers (validateContainers, validateContainerCommon,
// the probe, lifecycle, resource and resize-policy rules), read through the search index: validation_test.go and
// validation.go at commit 000f26050b9be6fb3d79fae95e06b47fc96128cd (the stored copy; a 1.34-era tree: regular containers
// may not set restartPolicy, as in v1.34 with ContainerRestartRules off); ported against v1.34. Upstream validates the
// success containers as one list; each is its own Deployment here (they have distinct names and at most one hostPort).
// Every upstream container spells out imagePullPolicy and terminationMessagePolicy; the helper `c` does the same.

const RELAXED = '[v1.34: RelaxedEnvironmentVariableValidation is GA, any printable ASCII but "=" is a name]';
const C = 'spec.template.spec.containers';
const c = (container: any) => ({ image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...container });
const one = (container: any) => deploymentWithContainer(c(container));
const many = (...containers: any[]) => deploymentWith({ containers: containers.map(c) });
const tcp80 = { tcpSocket: { port: 80 } };
const negatives = {
  initialDelaySeconds: -1, timeoutSeconds: -1, periodSeconds: -1, successThreshold: -1, failureThreshold: -1, terminationGracePeriodSeconds: -1,
};

test('TestValidateContainers', () => {
  const success: any[] = [
    { name: 'abc' },
    { name: 'def', image: ' ' },
    { name: 'ghi', image: ' some  ' },
    { name: '123' },
    { name: 'abc-123' },
    { name: 'life-123', lifecycle: { preStop: { exec: { command: ['ls', '-l'] } } } },
    { name: 'resources-test', resources: { limits: { 'cpu': '10', 'memory': '10G', 'my.org/resource': '10' } } },
    { name: 'resources-test-with-request-and-limit', resources: { requests: { cpu: '10', memory: '10G' }, limits: { cpu: '10', memory: '10G' } } },
    { name: 'resources-request-limit-simple', resources: { requests: { cpu: '8' }, limits: { cpu: '10' } } },
    {
      name: 'resources-request-limit-edge',
      resources: { requests: { 'cpu': '10', 'memory': '10G', 'my.org/resource': '10' }, limits: { 'cpu': '10', 'memory': '10G', 'my.org/resource': '10' } },
    },
    { name: 'resources-request-limit-partials', resources: { requests: { cpu: '9.5', memory: '10G' }, limits: { 'cpu': '10', 'my.org/resource': '10' } } },
    { name: 'resources-request', resources: { requests: { cpu: '9.5', memory: '10G' } } },
    { name: 'resources-resize-policy', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }] },
    { name: 'same-host-port-different-protocol', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }, { containerPort: 80, hostPort: 80, protocol: 'UDP' }] },
    { name: 'fallback-to-logs-termination-message', terminationMessagePolicy: 'FallbackToLogsOnError' },
    { name: 'file-termination-message', terminationMessagePolicy: 'File' },
    { name: 'env-from-source', envFrom: [{ configMapRef: { name: 'test' } }] },
    { name: 'abc-1234', securityContext: { privileged: true } },
    { name: 'live-123', livenessProbe: { ...tcp80, successThreshold: 1 } },
    { name: 'startup-123', startupProbe: { ...tcp80, successThreshold: 1 } },
    { name: 'resize-policy-cpu', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] },
    { name: 'resize-policy-mem', resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }] },
    { name: 'resize-policy-cpu-and-mem', resizePolicy: [{ resourceName: 'memory', restartPolicy: 'NotRequired' }, { resourceName: 'cpu', restartPolicy: 'RestartContainer' }] },
  ];
  const restartPolicy = (value: string, label: string): ConformanceCase => ({
    name: `Forbidden RestartPolicy: ${label}`, valid: false, field: `${C}[0].restartPolicy`, message: 'non-init', object: one({ name: 'foo', restartPolicy: value }),
  });
  const cases: ConformanceCase[] = [
    ...success.map(s => ({ name: `successCase ${s.name}`, valid: true, object: one(s) })),
    { name: 'zero-length name', valid: false, field: `${C}[0].name`, message: 'Required', object: one({ name: '' }) },
    { name: 'zero-length-image', valid: false, field: `${C}[0].image`, message: 'Required', object: one({ name: 'abc', image: '' }) },
    { name: 'name > 63 characters', valid: false, field: `${C}[0].name`, object: one({ name: 'a'.repeat(64) }) },
    { name: 'name not a DNS label', valid: false, field: `${C}[0].name`, object: one({ name: 'a.b.c' }) },
    { name: 'name not unique', valid: false, field: `${C}[1].name`, message: 'Duplicate', object: many({ name: 'abc' }, { name: 'abc' }) },
    { name: 'zero-length image', valid: false, field: `${C}[0].image`, message: 'Required', object: one({ name: 'abc', image: '' }) },
    {
      name: 'host port not unique',
      valid: false,
      field: `${C}[1].ports[0].hostPort`,
      message: 'Duplicate',
      object: many({ name: 'abc', ports: [{ containerPort: 80, hostPort: 80, protocol: 'TCP' }] }, { name: 'def', ports: [{ containerPort: 81, hostPort: 80, protocol: 'TCP' }] }),
    },
    { name: `invalid env var name ${RELAXED}`, valid: true, object: one({ name: 'abc', env: [{ name: 'ev!1' }] }) },
    { name: 'unknown volume name', valid: false, field: `${C}[0].volumeMounts[0].name`, message: 'Not found', object: one({ name: 'abc', volumeMounts: [{ name: 'anything', mountPath: '/foo' }] }) },
    { name: 'invalid lifecycle, no exec command.', valid: false, field: `${C}[0].lifecycle.preStop.exec.command`, message: 'Required', object: one({ name: 'life-123', lifecycle: { preStop: { exec: {} } } }) },
    { name: 'invalid lifecycle, no http path.', valid: false, notExpressible: 'the v1 API defaults an httpGet action\'s empty path to "/" before validation' },
    {
      name: 'invalid lifecycle, no http port.',
      valid: false,
      field: `${C}[0].lifecycle.preStop.httpGet.port`,
      object: one({ name: 'life-123', lifecycle: { preStop: { httpGet: { path: '/', scheme: 'HTTP' } } } }),
    },
    { name: 'invalid lifecycle, no http scheme.', valid: false, notExpressible: 'the v1 API defaults an httpGet action\'s empty scheme to HTTP before validation' },
    { name: 'invalid lifecycle, no tcp socket port.', valid: false, field: `${C}[0].lifecycle.preStop.tcpSocket.port`, object: one({ name: 'life-123', lifecycle: { preStop: { tcpSocket: {} } } }) },
    {
      name: 'invalid lifecycle, zero tcp socket port.',
      valid: false,
      field: `${C}[0].lifecycle.preStop.tcpSocket.port`,
      message: 'between 1 and 65535',
      object: one({ name: 'life-123', lifecycle: { preStop: { tcpSocket: { port: 0 } } } }),
    },
    { name: 'invalid lifecycle, no action.', valid: false, field: `${C}[0].lifecycle.preStop`, message: 'handler type', object: one({ name: 'life-123', lifecycle: { preStop: {} } }) },
    {
      name: 'invalid readiness probe, terminationGracePeriodSeconds set.',
      valid: false,
      field: `${C}[0].readinessProbe.terminationGracePeriodSeconds`,
      message: 'must not be set for readinessProbes',
      object: one({ name: 'life-123', readinessProbe: { ...tcp80, terminationGracePeriodSeconds: 10 } }),
    },
    { name: 'invalid liveness probe, no tcp socket port.', valid: false, field: `${C}[0].livenessProbe.tcpSocket.port`, object: one({ name: 'live-123', livenessProbe: { tcpSocket: {}, successThreshold: 1 } }) },
    { name: 'invalid liveness probe, no action.', valid: false, field: `${C}[0].livenessProbe`, message: 'handler type', object: one({ name: 'live-123', livenessProbe: { successThreshold: 1 } }) },
    {
      name: 'invalid liveness probe, successThreshold != 1',
      valid: false,
      field: `${C}[0].livenessProbe.successThreshold`,
      message: 'must be 1',
      object: one({ name: 'live-123', livenessProbe: { ...tcp80, successThreshold: 2 } }),
    },
    {
      name: 'invalid startup probe, successThreshold != 1',
      valid: false,
      field: `${C}[0].startupProbe.successThreshold`,
      message: 'must be 1',
      object: one({ name: 'startup-123', startupProbe: { ...tcp80, successThreshold: 2 } }),
    },
    {
      name: 'invalid liveness probe, negative numbers',
      valid: false,
      field: `${C}[0].livenessProbe.initialDelaySeconds`,
      object: one({ name: 'live-123', livenessProbe: { ...tcp80, ...negatives } }),
    },
    {
      name: 'invalid readiness probe, negative numbers',
      valid: false,
      field: `${C}[0].readinessProbe.terminationGracePeriodSeconds`,
      message: 'must be greater than 0',
      object: one({ name: 'ready-123', readinessProbe: { ...tcp80, ...negatives } }),
    },
    {
      name: 'invalid startup probe, negative numbers',
      valid: false,
      field: `${C}[0].startupProbe.failureThreshold`,
      object: one({ name: 'startup-123', startupProbe: { ...tcp80, ...negatives } }),
    },
    {
      name: 'invalid message termination policy',
      valid: false,
      field: `${C}[0].terminationMessagePolicy`,
      message: 'Unsupported',
      object: one({ name: 'life-123', terminationMessagePolicy: 'Unknown' }),
    },
    { name: 'empty message termination policy', valid: false, notExpressible: 'the v1 API defaults an empty terminationMessagePolicy to File before validation' },
    {
      name: 'privilege disabled',
      valid: false,
      notExpressible: 'upstream turns off the API server\'s --allow-privileged capability for this case; a manifest cannot say how the server is configured (the success case privileged: true is ported)',
    },
    { name: 'invalid compute resource', valid: false, field: `${C}[0].resources.limits.disk`, object: one({ name: 'abc-123', resources: { limits: { disk: '10G' } } }) },
    { name: 'Resource CPU invalid', valid: false, field: `${C}[0].resources.limits.cpu`, message: 'greater than or equal to 0', object: one({ name: 'abc-123', resources: { limits: { cpu: '-10', memory: '0' } } }) },
    {
      name: 'Resource Requests CPU invalid',
      valid: false,
      field: `${C}[0].resources.requests.cpu`,
      message: 'greater than or equal to 0',
      object: one({ name: 'abc-123', resources: { requests: { cpu: '-10', memory: '0' } } }),
    },
    {
      name: 'Resource Memory invalid',
      valid: false,
      field: `${C}[0].resources.limits.memory`,
      message: 'greater than or equal to 0',
      object: one({ name: 'abc-123', resources: { limits: { cpu: '0', memory: '-10' } } }),
    },
    {
      name: 'Request limit simple invalid',
      valid: false,
      field: `${C}[0].resources.requests`,
      message: 'cpu limit',
      object: one({ name: 'abc-123', resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '6', memory: '3' } } }),
    },
    {
      name: 'Invalid storage limit request',
      valid: false,
      field: `${C}[0].resources.limits["attachable-volumes-aws-ebs"]`,
      object: one({ name: 'abc-123', resources: { limits: { 'attachable-volumes-aws-ebs': 10 } } }),
    },
    {
      name: 'CPU request limit multiple invalid',
      valid: false,
      field: `${C}[0].resources.requests`,
      message: 'cpu limit',
      object: one({ name: 'abc-123', resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '6', memory: '3' } } }),
    },
    {
      name: 'Memory request limit multiple invalid',
      valid: false,
      field: `${C}[0].resources.requests`,
      message: 'memory limit',
      object: one({ name: 'abc-123', resources: { limits: { cpu: '5', memory: '3' }, requests: { cpu: '5', memory: '4' } } }),
    },
    { name: 'Invalid env from', valid: false, field: `${C}[0].envFrom[0].configMapRef.name`, object: one({ name: 'env-from-source', envFrom: [{ configMapRef: { name: '$%^&*#' } }] }) },
    {
      name: 'Unsupported resize policy for memory',
      valid: false,
      field: `${C}[0].resizePolicy`,
      message: 'Unsupported',
      object: one({ name: 'resize-policy-mem-invalid', resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainerrrr' }] }),
    },
    {
      name: 'Unsupported resize policy for CPU',
      valid: false,
      field: `${C}[0].resizePolicy`,
      message: 'Unsupported',
      object: one({ name: 'resize-policy-cpu-invalid', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'RestartNotRequired' }] }),
    },
    restartPolicy('Always', 'Always'),
    restartPolicy('OnFailure', 'OnFailure'),
    restartPolicy('Never', 'Never'),
    restartPolicy('invalid', 'invalid'),
    restartPolicy('', 'empty'),
  ];
  runTable('TestValidateContainers', cases);
});
