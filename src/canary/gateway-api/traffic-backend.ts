import { Waypoint } from './waypoint';
import { checkArgs } from '../../common';

/**
 * A Gateway a CanaryService's HTTPRoute attaches to (north-south traffic), as an HTTPRoute `parentRef`.
 */
export interface GatewayParentRef {
  /**
   * Name of the Gateway.
   */
  readonly name: string;

  /**
   * Namespace of the Gateway (its listener must allow routes from the service's namespace).
   *
   * @default - the HTTPRoute's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the listener to attach to.
   *
   * @default - every listener that allows the route
   */
  readonly sectionName?: string;

  /**
   * Port of the listeners to attach to.
   *
   * @default - every port
   */
  readonly port?: number;
}

/**
 * Options of the Gateway API traffic backend.
 */
export interface GatewayApiBackendOptions {
  /**
   * Route mesh (east-west) traffic: the HTTPRoute's parent is the service's own Service (GAMMA: `group: ""`,
   * `kind: Service`), so sidecars or the waypoint apply the split to every client that calls the Service.
   *
   * @default true
   */
  readonly mesh?: boolean;

  /**
   * Gateways the HTTPRoute also attaches to (north-south traffic).
   *
   * @default - none
   */
  readonly gateways?: GatewayParentRef[];

  /**
   * Istio ambient: bind the Service to a waypoint proxy (label `istio.io/use-waypoint`), which then applies
   * the HTTPRoute. `Waypoint.create()` also writes the waypoint Gateway (class `istio-waypoint`);
   * `Waypoint.use()` references one that exists. Needs `mesh`.
   *
   * @default - no waypoint: sidecars apply the route (Istio's sidecar mode)
   */
  readonly waypoint?: Waypoint;
}

/** Which API a CanaryService writes its routing in. */
export enum TrafficBackendKind {
  /** Istio's own API: a VirtualService and a DestinationRule with a subset per version. */
  ISTIO = 'istio',
  /** The Kubernetes Gateway API: an HTTPRoute over one Service per version. */
  GATEWAY_API = 'gateway-api',
}

/**
 * The API a CanaryService routes with: Istio's VirtualService and DestinationRule (the default), or the
 * Kubernetes Gateway API (`HTTPRoute`, `gateway.networking.k8s.io/v1`, Gateway API v1.5.1 as Istio 1.30
 * supports it), which Istio recommends for new deployments and above all for ambient mode. The same props
 * give the same routing under both; what one backend cannot express faithfully is refused, naming the
 * feature and the backend.
 */
export class TrafficBackend {
  /**
   * Istio's VirtualService and DestinationRule (one subset per version).
   */
  public static istio(): TrafficBackend {
    return new TrafficBackend(TrafficBackendKind.ISTIO, undefined);
  }

  /**
   * The Gateway API: one Service per version beside the root Service, an HTTPRoute with weighted
   * `backendRefs` attached to the root Service (mesh) and/or Gateways, and a DestinationRule per version
   * Service that has a traffic policy.
   */
  public static gatewayApi(options: GatewayApiBackendOptions = {}): TrafficBackend {
    checkArgs('TrafficBackend', 'TrafficBackend.gatewayApi', arguments);
    return new TrafficBackend(TrafficBackendKind.GATEWAY_API, { ...options });
  }

  /**
   * Which API this backend writes.
   */
  public readonly kind: TrafficBackendKind;

  /**
   * The Gateway API options (only on the Gateway API backend).
   *
   * @default - none: the Istio backend
   */
  public readonly gatewayApiOptions?: GatewayApiBackendOptions;

  private constructor(kind: TrafficBackendKind, options: GatewayApiBackendOptions | undefined) {
    this.kind = kind;
    this.gatewayApiOptions = options;
  }
}
