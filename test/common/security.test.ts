import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { restrictedContainer, runtimeDefaultSeccomp } from '../../src/common';
import { only, synthValid } from '../util/validate';

describe('restricted security defaults', () => {
  test('drop all capabilities and set seccomp RuntimeDefault on top of cdk8s-plus defaults', () => {
    const chart = Testing.chart();
    const workload = new kplus.Deployment(chart, 'app', { containers: [restrictedContainer({ image: 'nginx', portNumber: 8080 })] });
    runtimeDefaultSeccomp(workload);

    const pod = only(synthValid(chart), 'Deployment').spec.template.spec;
    expect(pod.securityContext).toEqual({ fsGroupChangePolicy: 'Always', runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  test('keep capabilities the user asked for', () => {
    const props = restrictedContainer({ image: 'nginx', securityContext: { capabilities: { add: [kplus.Capability.NET_BIND_SERVICE], drop: ['ALL' as kplus.Capability] } } });
    expect(props.securityContext?.capabilities).toEqual({ add: ['CAP_NET_BIND_SERVICE'], drop: ['ALL'] });
  });
});
