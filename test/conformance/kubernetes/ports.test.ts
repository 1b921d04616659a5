import { ConformanceCase, deploymentWithContainer, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/core/validation` TestValidatePorts (validateContainerPorts), read through the search
// index (stored core validation tests, id 38360241422); ported against v1.34.

const ports = (list: any[]) => deploymentWithContainer({ ports: list });
const P = 'spec.template.spec.containers[0].ports';

test('TestValidatePorts', () => {
  const cases: ConformanceCase[] = [
    {
      name: 'successCase',
      valid: true,
      object: ports([
        { name: 'abc', containerPort: 80, hostPort: 80, protocol: 'TCP' }, { name: 'easy', containerPort: 82, protocol: 'TCP' },
        { name: 'as', containerPort: 83, protocol: 'UDP' }, { name: 'do-re-me', containerPort: 84, protocol: 'UDP' }, { containerPort: 85, protocol: 'TCP' },
      ]),
    },
    { name: 'nonCanonicalCase', valid: true, object: ports([{ containerPort: 80, protocol: 'TCP' }]) },
    { name: 'name > 15 characters', valid: false, field: `${P}[0].name`, message: '15', object: ports([{ name: 'a'.repeat(16), containerPort: 80, protocol: 'TCP' }]) },
    { name: 'name contains invalid characters', valid: false, field: `${P}[0].name`, message: 'alpha-numeric', object: ports([{ name: 'a.b.c', containerPort: 80, protocol: 'TCP' }]) },
    { name: 'name is a number', valid: false, field: `${P}[0].name`, message: 'at least one letter', object: ports([{ name: '80', containerPort: 80, protocol: 'TCP' }]) },
    {
      name: 'name not unique',
      valid: false,
      field: `${P}[1].name`,
      message: 'Duplicate',
      object: ports([{ name: 'abc', containerPort: 80, protocol: 'TCP' }, { name: 'abc', containerPort: 81, protocol: 'TCP' }]),
    },
    { name: 'zero container port', valid: false, field: `${P}[0].containerPort`, object: ports([{ containerPort: 0, protocol: 'TCP' }]) },
    { name: 'invalid container port', valid: false, field: `${P}[0].containerPort`, message: 'between', object: ports([{ containerPort: 65536, protocol: 'TCP' }]) },
    { name: 'invalid host port', valid: false, field: `${P}[0].hostPort`, message: 'between', object: ports([{ containerPort: 80, hostPort: 65536, protocol: 'TCP' }]) },
    { name: 'invalid protocol case', valid: false, field: `${P}[0].protocol`, message: '"TCP", "UDP"', object: ports([{ containerPort: 80, protocol: 'tcp' }]) },
    { name: 'invalid protocol', valid: false, field: `${P}[0].protocol`, message: '"TCP", "UDP"', object: ports([{ containerPort: 80, protocol: 'ICMP' }]) },
    { name: 'protocol required', valid: false, notExpressible: 'the v1 API defaults a container port\'s protocol to TCP before validation' },
  ];
  runTable('TestValidatePorts', cases);
});
