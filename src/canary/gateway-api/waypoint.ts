import { checkArgs } from '../../common';

/**
 * An Istio ambient waypoint proxy that applies a Service's routing (a Gateway of class `istio-waypoint`).
 */
export class Waypoint {
  /**
   * Writes a waypoint Gateway named `name` in the service's namespace (class `istio-waypoint`, the HBONE
   * listener on 15008, `istio.io/waypoint-for: service`), as `istioctl waypoint generate` does, and binds
   * the Service to it.
   */
  public static create(name: string = 'waypoint'): Waypoint {
    checkArgs('Waypoint', 'Waypoint.create', arguments);
    return new Waypoint(name, undefined, true);
  }

  /**
   * Binds the Service to a waypoint that exists (written elsewhere), in `namespace` when it is not the
   * Service's (label `istio.io/use-waypoint-namespace`).
   */
  public static use(name: string, namespace?: string): Waypoint {
    checkArgs('Waypoint', 'Waypoint.use', arguments);
    return new Waypoint(name, namespace, false);
  }

  /**
   * The waypoint Gateway's name.
   */
  public readonly name: string;

  /**
   * The waypoint's namespace.
   *
   * @default - the Service's namespace
   */
  public readonly namespace?: string;

  /**
   * Whether the CanaryService writes the waypoint Gateway.
   */
  public readonly created: boolean;

  private constructor(name: string, namespace: string | undefined, created: boolean) {
    this.name = name;
    this.namespace = namespace;
    this.created = created;
  }
}

/** The Service label that binds it to a waypoint (Istio ambient). */
export const USE_WAYPOINT = 'istio.io/use-waypoint';
/** The Service label naming the waypoint's namespace when it is another one. */
export const USE_WAYPOINT_NAMESPACE = 'istio.io/use-waypoint-namespace';

/** The waypoint Gateway as `istioctl waypoint generate --for service` writes it. */
export function waypointManifest(name: string): any {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, labels: { 'istio.io/waypoint-for': 'service' } },
    spec: {
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
  };
}
