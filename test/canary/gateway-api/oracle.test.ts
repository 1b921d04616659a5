import { ManifestObject, validateObjects } from '../../util/validate';

/** The shared oracle knows gateway.networking.k8s.io through @kubernetes-models/gateway-api, and refuses. */
const httpRoute = (spec: any): ManifestObject => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec });

describe('the schema oracle for Gateway API objects', () => {
  test('accepts a valid HTTPRoute and Gateway', () => {
    expect(() => validateObjects([
      httpRoute({ parentRefs: [{ group: '', kind: 'Service', name: 'app' }], rules: [{ backendRefs: [{ name: 'app-v1', port: 80, weight: 100 }] }] }),
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'w' }, spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] } },
    ])).not.toThrow();
  });

  test('refuses a weight out of range and a Gateway without listeners', () => {
    expect(() => validateObjects([httpRoute({ rules: [{ backendRefs: [{ name: 'app-v1', port: 80, weight: -1 }] }] })]))
      .toThrow('gateway.networking.k8s.io/v1 HTTPRoute r');
    expect(() => validateObjects([{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'w' }, spec: { gatewayClassName: 'x' } }]))
      .toThrow('gateway.networking.k8s.io/v1 Gateway w');
  });

  test('refuses a kind the Gateway API does not have', () => {
    expect(() => validateObjects([{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'VirtualRoute', metadata: { name: 'x' } }]))
      .toThrow('no schema knows gateway.networking.k8s.io/v1 VirtualRoute');
  });
});
