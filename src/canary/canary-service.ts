import { ApiObject, Chart, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import * as istio from '../../imports/networking.istio.io';
import { PodAutoscaler } from '../autoscaling/pod-autoscaler';
import { ScaleTarget } from '../autoscaling/scale-target';
import { addLibraryPatch, addWarning, checkArgs, checkConstructArgs, describeValue, overlay, propError, propMessage, requireProp, restrictedContainer, runtimeDefaultSeccomp } from '../common';
import { ProblemCollector } from '../validation';
import type { GatewayApiRouting } from './gateway-api/gateway-api-routing';
import type { DeclaredRule } from './gateway-api/render-http-route';
import { TrafficBackend, TrafficBackendKind } from './gateway-api/traffic-backend';
import { CanaryRoute, CanaryRouteOptions } from './http-route';
import { StringMatch } from './match';
import { CanaryServicePort } from './ports';
import { checkLabelKey, checkLabels, isDns1035Label, isDns1123Label, key } from './private/checks';
import { renderMermaid } from './private/mermaid';
import { checkServicePort, isHttpFamily, PORT_NAMING, portProtocol } from './private/ports';
import { canaryPropOf } from './private/prop-paths';
import { L4Ports, l4Rules, renderL4CatchAll, renderTcpRoute, renderTlsRoute } from './private/render-l4';
import { renderTrafficPolicy } from './private/render-policy';
import { Destination, headerOperations, matchKey, renderOptions, renderRoute, ruleGroup } from './private/render-route';
import { optStringMap } from './private/shapes';
import { CanaryTcpRoute, CanaryTlsRoute } from './tcp-tls-route';
import { TrafficPolicy } from './traffic-policy';
import { CanaryVersionProps } from './version';
import { oncePerSynth, renderedForValidation } from '../synth/render-once';
import { validateWrittenObjects } from '../validation/construct';
import { validateVirtualServiceSpec } from '../validation/istio/virtual-service';

/**
 * Props of a CanaryService.
 */
export interface CanaryServiceProps {
  /**
   * Name of the Service, which is also the host the VirtualService and DestinationRule address (a DNS-1035
   * label). Deployments are named `<serviceName>-<version>`.
   *
   * @default - the construct id
   */
  readonly serviceName?: string;

  /**
   * The versions, each a Deployment and a subset (at least one; names unique). By convention the first is
   * the stable version and the second the canary.
   */
  readonly versions: CanaryVersionProps[];

  /**
   * Percentage of the catch-all traffic per version name: integers from 0 to 100 that sum to 100. A version
   * left out gets 0 (it still appears in the route, so changing a weight later changes only that line).
   *
   * @default - the first version 100, unless `canaryWeight` is set
   */
  readonly weights?: Record<string, number>;

  /**
   * Shorthand for two versions: the second (canary) version gets this percentage, the first the rest.
   * Not together with `weights`.
   *
   * @default - see `weights`
   */
  readonly canaryWeight?: number;

  /**
   * The Service's ports, named by protocol or with `appProtocol` (Istio reads the protocol from them). HTTP
   * ports (http, http2, grpc, grpc-web) are split by the `http` routes; every TCP port (tcp) gets a weighted
   * `tcp` route and every TLS port (tls, https) a weighted `tls` route, with the same weights.
   *
   * @default - one port `http`, 80, to the first container port of the first version
   */
  readonly ports?: CanaryServicePort[];

  /**
   * The Service port the VirtualService routes send traffic to. Needed when the Service has several ports
   * and not exactly one of them speaks HTTP (http, http2, grpc, grpc-web) [IST0112].
   *
   * @default - no port with a single-port Service; else the only HTTP port
   */
  readonly routePort?: number;

  /**
   * Hosts of the VirtualService (add external names for gateway traffic).
   *
   * @default - the service name
   */
  readonly hosts?: string[];

  /**
   * Gateways the VirtualService applies to (`<namespace>/<name>`, `mesh` for sidecars), written as given.
   * A rule matching on source labels or namespace only ever matches sidecar traffic, so with gateways that
   * lack `mesh` such a rule is refused (nothing is added behind your back: adding `mesh` would put every
   * sidecar client under the weighted split too).
   *
   * @default - the mesh only (sidecars)
   */
  readonly gateways?: string[];

  /**
   * Routing rules, written before the catch-all weighted route; `routeHeader()`, `routeSourceLabels()`,
   * `routeUri()` and `addRoute()` add more. Written in the order: header rules, source rules, other rules.
   *
   * @default - none: all traffic is split by the weights
   */
  readonly routes?: CanaryRoute[];

  /**
   * Options of the catch-all weighted route (timeout, retries, fault injection, mirroring, CORS, headers,
   * rewrite). Needs an HTTP port.
   *
   * @default - none
   */
  readonly defaultRoute?: CanaryRouteOptions;

  /**
   * Rules for TCP connections (VirtualService `tcp`), written in the order given before the weighted
   * catch-all of each TCP port; `addTcpRoute()` adds more.
   *
   * @default - none: connections to each TCP port are split by the weights
   */
  readonly tcpRoutes?: CanaryTcpRoute[];

  /**
   * Rules for TLS connections (VirtualService `tls`, for `tls` and `https` ports), written in the order given
   * before the weighted catch-all of each TLS port; `addTlsRoute()` adds more.
   *
   * @default - none: connections to each TLS port are split by the weights
   */
  readonly tlsRoutes?: CanaryTlsRoute[];

  /**
   * Traffic policy for every version (DestinationRule `trafficPolicy`); versions can add their own.
   *
   * @default - Istio's defaults
   */
  readonly trafficPolicy?: TrafficPolicy;

  /**
   * Pod label key that names the application (selected by the Service).
   *
   * @default 'app'
   */
  readonly appLabel?: string;

  /**
   * Pod label key that names the version (selected by each Deployment and DestinationRule subset).
   *
   * @default 'version'
   */
  readonly versionLabel?: string;

  /**
   * Apply the restricted Pod Security Standard to every version: containers drop all capabilities, run as
   * non-root, without privilege escalation, on a read-only root filesystem, and pods use the RuntimeDefault
   * seccomp profile.
   *
   * @default true
   */
  readonly restrictedSecurity?: boolean;

  /**
   * The API the routing is written in: Istio's VirtualService and DestinationRule, or the Kubernetes Gateway
   * API (an HTTPRoute over one Service per version; `TrafficBackend.gatewayApi()`). Moving between them is
   * this one prop: the rules, weights and policies stay the same, and what the Gateway API cannot express
   * faithfully is refused.
   *
   * @default TrafficBackend.istio()
   */
  readonly trafficBackend?: TrafficBackend;
}

/**
 * Options of `CanaryService.promote()`.
 */
export interface PromoteOptions {
  /**
   * Also remove every other version (Deployment and subset). Keep the default for the promotion commit and
   * remove the old version in a later commit: sidecars learn the new weights a moment after they are applied,
   * and a version deleted in the same commit could still receive requests until then.
   *
   * @default false
   */
  readonly removeOthers?: boolean;
}

/** Why weights are percentages: stricter than Istio on purpose. */
const WEIGHTS_STRICTER = 'weights are percentages here, stricter than Istio on purpose (it takes any non-negative '
  + 'weights and splits in proportion), so the props read as the split they make';
const WEIGHT_RULE = `must be an integer from 0 to 100: ${WEIGHTS_STRICTER}`;

interface Rule {
  readonly prop: string;
  readonly route: CanaryRoute;
  readonly group: number;
  readonly key: string;
}

/**
 * A service released with Istio canaries, declared in code: one Deployment per version, one Service over all
 * versions, a DestinationRule with a subset per version and a VirtualService that routes by rules and splits
 * the rest by weight.
 *
 * The weights are plain props, so what is synthesized (and committed) is what runs. Weights are honoured
 * only for clients with an Istio sidecar or through an Istio gateway; other clients reach the Service
 * directly and are spread over all versions' pods.
 */
export class CanaryService extends Construct {
  /**
   * Props with `version` promoted: it receives 100% of the catch-all traffic and every other version 0
   * (kept, unless `removeOthers`). Object names do not change, so the promoted version's pods are not
   * restarted, and synthesizing the result is the same as writing those props by hand.
   */
  public static promote(props: CanaryServiceProps, version: string, options: PromoteOptions = {}): CanaryServiceProps {
    checkArgs('CanaryService', 'CanaryService.promote', arguments);
    const names = (props.versions ?? []).map(v => v.name);
    if (!names.includes(version)) {
      throw new Error(`[CanaryService.promote] ${propMessage('version', version, `must name one of the versions (${names.join(', ')})`)}`);
    }
    return {
      ...props,
      versions: options.removeOthers ? props.versions.filter(v => v.name === version) : props.versions,
      canaryWeight: undefined,
      weights: { [version]: 100 },
    };
  }

  /**
   * The Service name, which is also the host every route addresses.
   */
  public readonly serviceName: string;

  /**
   * The version names, in the order given.
   */
  public readonly versions: string[];

  /**
   * The catch-all weight of every version.
   */
  public readonly weights: Record<string, number>;

  /**
   * The Deployment of every version, by version name.
   */
  public readonly deployments: Record<string, kplus.Deployment>;

  /**
   * The HorizontalPodAutoscaler of each autoscaled version, by version name.
   */
  public readonly autoscalers: Record<string, PodAutoscaler>;

  /**
   * The Service selecting the pods of every version.
   */
  public readonly service: kplus.Service;

  /**
   * The DestinationRule with one subset per version (Istio backend; reading it on the Gateway API backend
   * throws: see `versionDestinationRules`).
   */
  public get destinationRule(): istio.DestinationRule {
    return this._destinationRule ?? this.notOnGatewayApi('destinationRule', 'versionDestinationRules');
  }

  /**
   * The VirtualService with the rules and the weighted catch-all route (Istio backend; reading it on the
   * Gateway API backend throws: see `httpRoute`).
   */
  public get virtualService(): istio.VirtualService {
    return this._virtualService ?? this.notOnGatewayApi('virtualService', 'httpRoute');
  }

  /**
   * The API the routing is written in.
   */
  public readonly trafficBackend: TrafficBackend;

  /**
   * The HTTPRoute (`gateway.networking.k8s.io/v1`) with the rules and the weighted catch-all.
   *
   * @default - none on the Istio backend
   */
  public readonly httpRoute?: ApiObject;

  /**
   * The Service of every version, by version name (Gateway API backend; empty on the Istio backend).
   */
  public readonly versionServices: Record<string, kplus.Service>;

  /**
   * The DestinationRule of every version Service that has a traffic policy, by version name (Gateway API
   * backend; empty on the Istio backend).
   */
  public readonly versionDestinationRules: Record<string, istio.DestinationRule>;

  /**
   * The waypoint Gateway (class `istio-waypoint`) when the Gateway API backend creates one.
   *
   * @default - none
   */
  public readonly waypoint?: ApiObject;

  /**
   * The pod label key naming the application.
   */
  public readonly appLabel: string;

  /**
   * The pod label key naming the version.
   */
  public readonly versionLabel: string;

  private readonly props: CanaryServiceProps;
  private readonly restrictedSecurity: boolean;
  private readonly ports: CanaryServicePort[];
  private readonly rules: Rule[] = [];
  private readonly tcpRules: Array<{ prop: string; route: CanaryTcpRoute }> = [];
  private readonly tlsRules: Array<{ prop: string; route: CanaryTlsRoute }> = [];
  private readonly subsetPolicies: Record<string, any> = {};
  private readonly destinationRuleSpec: istio.DestinationRuleSpec;
  private readonly _destinationRule?: istio.DestinationRule;
  private readonly _virtualService?: istio.VirtualService;
  private readonly gatewayApi?: GatewayApiRouting;

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (CanaryServiceProps)
   */
  constructor(scope: Construct, id: string, props: CanaryServiceProps) {
    super(checkConstructArgs('CanaryService', scope, id, props), id);
    this.props = props;
    this.restrictedSecurity = props.restrictedSecurity ?? true;

    this.serviceName = props.serviceName ?? id;
    requireProp(isDns1035Label(this.serviceName), this, 'serviceName', this.serviceName,
      'must be a DNS-1035 label (at most 63 lowercase letters, digits and "-", starting with a letter); it names the Service');
    this.appLabel = props.appLabel ?? 'app';
    this.versionLabel = props.versionLabel ?? 'version';
    checkLabelKey(this, 'appLabel', this.appLabel);
    checkLabelKey(this, 'versionLabel', this.versionLabel);
    requireProp(this.versionLabel !== this.appLabel, this, 'versionLabel', this.versionLabel, "must differ from 'appLabel'");

    this.versions = Object.freeze(this.checkVersions(props.versions)) as string[];
    this.weights = Object.freeze(this.resolveWeights());
    this.ports = this.resolvePorts();
    this.checkRoutePort();
    this.checkHostsAndGateways();
    // the catch-all route's options, checked now; rendered again at synth
    if (props.defaultRoute !== undefined) {
      this.requireHttpPort('defaultRoute', props.defaultRoute);
      const { redirect, directResponse } = props.defaultRoute as CanaryRoute;
      requireProp(redirect === undefined && directResponse === undefined, this, 'defaultRoute', props.defaultRoute,
        "must not set 'redirect' or 'directResponse': the catch-all route splits the traffic by the weights");
    }
    renderOptions(this, 'defaultRoute', props.defaultRoute ?? {}, this.versions, this.destination(undefined));
    const portNumbers = this.ports.map(p => p.port);
    const sharedPolicy = renderTrafficPolicy(this, 'trafficPolicy', props.trafficPolicy, portNumbers);
    props.versions.forEach((v, i) => {
      this.subsetPolicies[v.name] = renderTrafficPolicy(this, `versions[${i}].trafficPolicy`, v.trafficPolicy, portNumbers);
      headerOperations(this, `versions[${i}].routeHeaders`, v.routeHeaders);
    });

    const deployments: Record<string, kplus.Deployment> = {};
    const autoscalers: Record<string, PodAutoscaler> = {};
    props.versions.forEach((v, i) => {
      deployments[v.name] = this.addVersionDeployment(v);
      if (v.autoscaling) autoscalers[v.name] = this.addVersionAutoscaler(v, i, deployments[v.name]);
    });
    this.deployments = Object.freeze(deployments);
    this.autoscalers = Object.freeze(autoscalers);

    this.service = new kplus.Service(this, 'Service', {
      metadata: { name: this.serviceName },
      ports: this.ports.map(p => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port })),
    });
    this.service.selectLabel(this.appLabel, this.serviceName);
    this.ports.forEach((p, i) => {
      if (p.appProtocol !== undefined) addLibraryPatch(ApiObject.of(this.service), JsonPatch.add(`/spec/ports/${i}/appProtocol`, p.appProtocol));
    });

    this.destinationRuleSpec = {
      host: this.serviceName,
      trafficPolicy: sharedPolicy,
      subsets: this.versions.map(v => ({
        name: v,
        labels: { [this.versionLabel]: v },
        trafficPolicy: this.subsetPolicies[v],
      })),
    };
    this.trafficBackend = props.trafficBackend ?? TrafficBackend.istio();
    if (this.trafficBackend.kind === TrafficBackendKind.GATEWAY_API) {
      this.gatewayApi = this.addGatewayApiRouting(sharedPolicy);
      this.httpRoute = this.gatewayApi.httpRoute;
      this.waypoint = this.gatewayApi.waypoint;
    } else {
      this._destinationRule = new istio.DestinationRule(this, 'DestinationRule', {
        metadata: { name: this.serviceName },
        spec: this.destinationRuleSpec,
      });
      this._virtualService = new istio.VirtualService(this, 'VirtualService', {
        metadata: { name: this.serviceName },
        spec: Lazy.any({ produce: () => this.renderVirtualService() }),
      });
    }
    this.versionServices = this.gatewayApi?.versionServices ?? {};
    this.versionDestinationRules = this.gatewayApi?.versionDestinationRules ?? {};

    // the props were checked above: their refusals name `routes[i]`, not the methods' `route`
    (props.routes ?? []).forEach(route => this.addRouteAt(route));
    l4Rules(this, 'tcpRoutes', props.tcpRoutes).forEach(route => this.addTcpRouteAt(route));
    l4Rules(this, 'tlsRoutes', props.tlsRoutes).forEach(route => this.addTlsRouteAt(route));
    this.warnAboutSni();
    this.node.addValidation({ validate: oncePerSynth(() => this.validateObjects()) });
    // Istio's webhook rules over the objects as written (escape-hatch edits included), mapped back to the props
    validateWrittenObjects(this, canaryPropOf({
      virtualService: this._virtualService,
      destinationRule: this._destinationRule,
      versions: this.versions,
      hostsGiven: props.hosts !== undefined,
      httpRules: () => [...[...this.rules].sort((a, b) => a.group - b.group).map(r => r.prop), 'defaultRoute'],
      l4Rules: { tcp: () => this.tcpRules.map(r => r.prop), tls: () => this.tlsRules.map(r => r.prop) },
    }));
  }

  /**
   * Adds a rule for TCP connections: connections matching `route.match` go to `route.version`. Written in the
   * order added, before the weighted catch-all of the TCP ports.
   */
  public addTcpRoute(route: CanaryTcpRoute): void {
    checkArgs(this, 'CanaryService.addTcpRoute', arguments);
    this.addTcpRouteAt(route);
  }

  private addTcpRouteAt(route: CanaryTcpRoute): void {
    const prop = `tcpRoutes[${this.tcpRules.length}]`;
    renderTcpRoute(this, prop, route, this.l4Ports('tcp'));
    this.checkSourceNeedsMesh(prop, route.match);
    this.tcpRules.push({ prop, route });
  }

  /**
   * Adds a rule for TLS connections (`tls` and `https` ports): connections matching `route.match` go to
   * `route.version`. Written in the order added, before the weighted catch-all of the TLS ports.
   */
  public addTlsRoute(route: CanaryTlsRoute): void {
    checkArgs(this, 'CanaryService.addTlsRoute', arguments);
    this.addTlsRouteAt(route);
  }

  private addTlsRouteAt(route: CanaryTlsRoute): void {
    const prop = `tlsRoutes[${this.tlsRules.length}]`;
    renderTlsRoute(this, prop, route, this.l4Ports('tls'));
    this.checkSourceNeedsMesh(prop, route.match);
    this.tlsRules.push({ prop, route });
  }

  /**
   * Adds a routing rule: requests matching `route.match` go to `route.version`. Header rules are written
   * first, then source rules, then the others, each group in the order added; all before the catch-all.
   */
  public addRoute(route: CanaryRoute): void {
    checkArgs(this, 'CanaryService.addRoute', arguments);
    this.addRouteAt(route);
  }

  private addRouteAt(route: CanaryRoute): void {
    const prop = `routes[${this.rules.length}]`;
    if (route === undefined || route === null || typeof route !== 'object') throw propError(this, prop, route, 'must be a CanaryRoute');
    this.requireHttpPort(prop, route);
    const rendered = renderRoute(this, prop, route, this.versions, this.destination(undefined));
    this.checkSourceNeedsMesh(prop, route.match);
    const ruleKey = matchKey(rendered.match![0]);
    const same = this.rules.find(r => r.key === ruleKey);
    if (same) {
      throw propError(this, `${prop}.match`, route.match,
        `duplicates the match of ${same.prop}, which is written first, so this rule would never be used [IST0130/IST0131] `
        + '(stricter than Istio on purpose: its webhook only warns, VirtualServiceIneffectiveMatch)');
    }
    const rule = { prop, route, group: ruleGroup(route.match), key: ruleKey };
    this.gatewayApi?.check(this, this.declaredRules([...this.rules, rule]));
    this.rules.push(rule);
  }

  /**
   * Routes requests whose header `header` (lowercase) matches `match` to `version`, e.g. testers with
   * `x-canary: always` to the canary.
   */
  public routeHeader(header: string, match: StringMatch, version: string, options: CanaryRouteOptions = {}): void {
    checkArgs(this, 'CanaryService.routeHeader', arguments);
    this.addRoute({ ...options, match: { headers: { [header]: match } }, version });
  }

  /**
   * Routes requests from pods carrying `labels` (e.g. `{ app: 'productpage', version: 'v2' }`) to `version`.
   * Only traffic from pods with a sidecar carries source labels.
   */
  public routeSourceLabels(labels: Record<string, string>, version: string, options: CanaryRouteOptions = {}): void {
    checkArgs(this, 'CanaryService.routeSourceLabels', arguments);
    this.addRoute({ ...options, match: { sourceLabels: labels }, version });
  }

  /**
   * Routes requests whose path matches `match` (e.g. `{ prefix: '/api/v2' }`) to `version`.
   */
  public routeUri(match: StringMatch, version: string, options: CanaryRouteOptions = {}): void {
    checkArgs(this, 'CanaryService.routeUri', arguments);
    this.addRoute({ ...options, match: { uri: match }, version });
  }

  /**
   * The Deployment of a version.
   */
  public deployment(version: string): kplus.Deployment {
    const d = this.deployments[version];
    if (!d) throw propError(this, 'version', version, `must name one of the versions (${this.versions.join(', ')})`);
    return d;
  }

  /**
   * The routing as a Mermaid flowchart: the rules in the order Istio evaluates them, their matches, the
   * weighted split and the subsets (with their load balancer), mirroring dotted.
   */
  public toMermaid(): string {
    return renderMermaid({
      host: this.serviceName,
      rules: this.renderVirtualService().http ?? [],
      subsets: this.versions.map((v, i) => ({
        name: v,
        note: (this.props.versions[i].trafficPolicy?.loadBalancer ?? this.props.trafficPolicy?.loadBalancer)?.description,
      })),
    });
  }

  private notOnGatewayApi(member: string, instead: string): never {
    throw new Error(`[${this.node.path}] '${member}' is not written on the Gateway API backend (trafficBackend: ${this.trafficBackend.kind}); use '${instead}'`);
  }

  /** The Gateway API backend's objects, checked against the catch-all route now (rules are checked as added). */
  private addGatewayApiRouting(sharedPolicy: any): GatewayApiRouting {
    const options = this.trafficBackend.gatewayApiOptions ?? {};
    requireProp(this.props.hosts === undefined, this, 'hosts', this.props.hosts,
      'must be left out on the Gateway API backend: the HTTPRoute routes the Service (mesh) and the listeners of its Gateways');
    requireProp(this.props.gateways === undefined, this, 'gateways', this.props.gateways,
      'must be left out on the Gateway API backend: attach the route with TrafficBackend.gatewayApi({ gateways })');
    const http = this.ports.filter(p => isHttpFamily(portProtocol(p.name, p.appProtocol)));
    // loaded on first use: an app on the Istio backend never loads the Gateway API code
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GatewayApiRouting: Routing }: typeof import('./gateway-api/gateway-api-routing') = require('./gateway-api/gateway-api-routing');
    const routing = new Routing(this, 'GatewayApi', {
      serviceName: this.serviceName,
      versions: this.versions,
      appLabel: this.appLabel,
      versionLabel: this.versionLabel,
      ports: this.ports,
      routePort: this.props.routePort ?? (this.ports.length === 1 ? this.ports[0].port : http[0].port),
      rootService: this.service,
      deployments: this.deployments,
      sharedPolicy,
      versionPolicies: this.subsetPolicies,
      declaredRules: () => this.declaredRules(this.rules),
    }, options);
    routing.check(this, this.declaredRules([]));
    return routing;
  }

  /** The rules as the VirtualService declares them, in its order, with the prop each came from; the catch-all last. */
  private declaredRules(rules: readonly Rule[]): DeclaredRule[] {
    const destination = this.destination(this.routePort());
    const declared = [...rules]
      .sort((a, b) => a.group - b.group)
      .map(r => ({ prop: r.prop, http: renderRoute(this, r.prop, r.route, this.versions, destination) }));
    const catchAll: istio.VirtualServiceSpecHttp = {
      ...renderOptions(this, 'defaultRoute', this.props.defaultRoute ?? {}, this.versions, destination),
      route: this.versions.map(v => ({ destination: destination(v), weight: this.weights[v] })),
    };
    return [...declared, { prop: 'defaultRoute', http: catchAll }];
  }

  private checkVersions(versions: CanaryVersionProps[]): string[] {
    requireProp(Array.isArray(versions) && versions.length > 0, this, 'versions', versions, 'must list at least one version');
    const names: string[] = [];
    versions.forEach((v, i) => {
      const prop = `versions[${i}]`;
      requireProp(isDns1123Label(v?.name), this, `${prop}.name`, v?.name,
        'must be a DNS-1123 label (at most 63 lowercase letters, digits and "-"): it is a subset name and a label value');
      requireProp(!names.includes(v.name), this, `${prop}.name`, v.name,
        `must be unique: versions[${names.indexOf(v.name)}] has the same name, and two subsets would select the same pods`);
      names.push(v.name);
      requireProp(Array.isArray(v.containers) && v.containers.length > 0, this, `${prop}.containers`, v.containers, 'must list at least one container');
      requireProp(v.select !== true, this, `${prop}.select`, v.select, 'must be left out: the construct selects the pods by the app and version labels');
      const namespace = Chart.of(this).namespace;
      requireProp(v.metadata?.namespace === undefined || v.metadata.namespace === namespace, this, `${prop}.metadata.namespace`, v.metadata?.namespace,
        `must be left out or be the chart's namespace (${namespace ?? 'none'}): the Service, DestinationRule and VirtualService of a CanaryService `
        + 'live there, and a subset selects pods of its own namespace only');
      const deploymentName = v.metadata?.name ?? `${this.serviceName}-${v.name}`;
      const sameName = versions.findIndex(o => (o.metadata?.name ?? `${this.serviceName}-${o.name}`) === deploymentName);
      requireProp(sameName === i, this, `${prop}.metadata.name`, deploymentName, `must be unique: versions[${sameName}] has a Deployment of that name`);
      const labels = optStringMap(this, `${prop}.podMetadata.labels`, v.podMetadata?.labels);
      const deploymentLabels = optStringMap(this, `${prop}.metadata.labels`, v.metadata?.labels);
      if (deploymentLabels) checkLabels(this, `${prop}.metadata.labels`, deploymentLabels);
      if (labels) {
        for (const [label, expected] of [[this.appLabel, this.serviceName], [this.versionLabel, v.name]]) {
          const given = labels[label];
          requireProp(given === undefined || given === expected, this, key(`${prop}.podMetadata.labels`, label), given,
            `must be ${JSON.stringify(expected)} or left out: the construct sets it, and the Service, Deployment and subset select on it`);
        }
        checkLabels(this, `${prop}.podMetadata.labels`, labels);
      }
      this.notProxyUid(`${prop}.securityContext.user`, v.securityContext?.user);
      v.containers!.forEach((c, j) => this.notProxyUid(`${prop}.containers[${j}].securityContext.user`, c?.securityContext?.user));
      (v.initContainers ?? []).forEach((c, j) => this.notProxyUid(`${prop}.initContainers[${j}].securityContext.user`, c?.securityContext?.user));
    });
    return names;
  }

  /** Istio reserves UID 1337 for the sidecar proxy; an app running as 1337 bypasses interception [IST0144]. */
  private notProxyUid(prop: string, user: number | undefined): void {
    requireProp(user !== 1337, this, prop, user, 'must not be 1337: Istio reserves that UID for the sidecar proxy [IST0144]');
  }

  private resolveWeights(): Record<string, number> {
    const { weights, canaryWeight } = this.props;
    if (weights !== undefined && canaryWeight !== undefined) {
      throw propError(this, 'canaryWeight', canaryWeight, "must not be set together with 'weights'");
    }
    let given: Record<string, number>;
    let prop = 'weights';
    if (canaryWeight !== undefined) {
      requireProp(this.versions.length === 2, this, 'canaryWeight', canaryWeight,
        `needs exactly two versions (stable, canary), not ${this.versions.length}; use 'weights'`);
      requireProp(Number.isInteger(canaryWeight) && canaryWeight >= 0 && canaryWeight <= 100, this, 'canaryWeight', canaryWeight, WEIGHT_RULE);
      given = { [this.versions[0]]: 100 - canaryWeight, [this.versions[1]]: canaryWeight };
      prop = 'canaryWeight';
    } else {
      given = weights ?? { [this.versions[0]]: 100 };
    }
    for (const [version, weight] of Object.entries(given)) {
      const weightProp = key(prop, version);
      requireProp(this.versions.includes(version), this, weightProp, weight, `names no version; the versions are ${this.versions.join(', ')}`);
      requireProp(Number.isInteger(weight) && weight >= 0 && weight <= 100, this, weightProp, weight, WEIGHT_RULE);
    }
    const resolved: Record<string, number> = {};
    for (const v of this.versions) resolved[v] = given[v] ?? 0;
    const sum = Object.values(resolved).reduce((a, b) => a + b, 0);
    requireProp(sum === 100, this, prop, given, `must sum to 100 (they sum to ${sum}): ${WEIGHTS_STRICTER}`);
    return resolved;
  }

  private resolvePorts(): CanaryServicePort[] {
    const given = this.props.ports;
    let ports: CanaryServicePort[];
    if (given === undefined) {
      const first = this.props.versions[0].containers![0];
      const containerPort = first.portNumber ?? first.ports?.[0]?.number;
      requireProp(containerPort !== undefined, this, 'ports', given,
        'must be set when the first container of the first version declares no port (the Service needs a target port)');
      ports = [{ name: 'http', port: 80, targetPort: containerPort }];
    } else {
      requireProp(Array.isArray(given) && given.length > 0, this, 'ports', given, 'must list at least one port');
      ports = given.map((p, i) => checkServicePort(this, `ports[${i}]`, p));
    }
    ports.forEach((p, i) => {
      const sameName = ports.findIndex(o => o.name === p.name);
      requireProp(sameName === i, this, `ports[${i}].name`, p.name, `must be unique (ports[${sameName}] has it)`);
      const samePort = ports.findIndex(o => o.port === p.port);
      requireProp(samePort === i, this, `ports[${i}].port`, p.port, `must be unique (ports[${samePort}] has it)`);
    });
    return ports;
  }

  private checkRoutePort(): void {
    const routePort = this.props.routePort;
    if (routePort !== undefined) {
      const port = this.ports.find(p => p.port === routePort);
      requireProp(port !== undefined, this, 'routePort', routePort, `must be one of the Service ports (${this.ports.map(p => p.port).join(', ')})`);
      requireProp(isHttpFamily(portProtocol(port!.name, port!.appProtocol)), this, 'routePort', routePort,
        'must be a port that speaks HTTP (http, http2, grpc, grpc-web)');
    } else if (this.ports.length > 1) {
      const http = this.ports.filter(p => isHttpFamily(portProtocol(p.name, p.appProtocol)));
      requireProp(http.length <= 1, this, 'routePort', routePort,
        `must be set: the Service has ${this.ports.length} ports and ${http.length} of them speak HTTP, so routes must name the port [IST0112]`);
    }
  }

  /** Whether the Service has a port `http` routes apply to. */
  private hasHttpPort(): boolean {
    return this.ports.some(p => isHttpFamily(portProtocol(p.name, p.appProtocol)));
  }

  private requireHttpPort(prop: string, value: unknown): void {
    requireProp(this.hasHttpPort(), this, prop, value,
      'needs a Service port that speaks HTTP (http, http2, grpc, grpc-web): HTTP rules and route options apply only to HTTP ports');
  }

  /** The Service ports a `tcp` or `tls` section routes. */
  private l4Ports(kind: 'tcp' | 'tls'): L4Ports {
    const protocols = kind === 'tcp' ? ['tcp'] : ['tls', 'https'];
    return {
      kind,
      ports: this.ports.filter(p => protocols.includes(portProtocol(p.name, p.appProtocol) ?? '')).map(p => p.port),
      versions: this.versions,
      hosts: this.props.hosts ?? [this.serviceName],
      host: this.serviceName,
    };
  }

  /**
   * A sidecar matches a TLS route's `sniHosts` literally (Istio's buildSidecarOutboundTLSFilterChainOpts), and
   * once a TLS port has routes a connection whose SNI matches none of them is closed: with the default hosts,
   * only clients that dial the short name keep working.
   */
  private warnAboutSni(): void {
    const tlsPorts = this.l4Ports('tls').ports;
    if (tlsPorts.length === 0 || this.props.hosts !== undefined) return;
    const namespace = Chart.of(this).namespace;
    const fqdn = `${this.serviceName}.${namespace ?? '<namespace>'}.svc.cluster.local`;
    addWarning(this, `the TLS port(s) ${tlsPorts.join(', ')} are split by SNI, and their tls routes match the SNI ${JSON.stringify(this.serviceName)} `
      + `(the VirtualService's hosts) literally: a client that dials another name (${fqdn}) sends that as SNI, matches no route, and its connection `
      + `is closed. Set 'hosts' to the names your clients dial (e.g. ['${fqdn}'])`);
  }

  /**
   * A rule matching on source labels or namespace only ever matches sidecar traffic: with gateways that lack
   * `mesh` it would never apply, and adding `mesh` silently would widen the whole VirtualService.
   */
  private checkSourceNeedsMesh(prop: string, match: { sourceLabels?: Record<string, string>; sourceNamespace?: string; gateways?: string[] }): void {
    const gateways = this.props.gateways ?? [];
    if (gateways.length === 0 || gateways.includes('mesh') || match.gateways !== undefined) return;
    const field = match.sourceLabels !== undefined && Object.keys(match.sourceLabels).length > 0 ? 'sourceLabels'
      : match.sourceNamespace !== undefined ? 'sourceNamespace' : undefined;
    if (field === undefined) return;
    throw propError(this, `${prop}.match.${field}`, match[field],
      `only ever match sidecar traffic, but 'gateways' (${describeValue(gateways)}) lacks 'mesh', so the rule would never apply. `
      + `Write gateways: ${describeValue([...gateways, 'mesh'])} (the VirtualService, weighted split included, then also applies to sidecar clients), or leave the rule out`);
  }

  /** The port routes address at synth time (the Service may have been given more ports since). */
  private routePort(): number | undefined {
    if (this.props.routePort !== undefined) return this.props.routePort;
    const ports = this.service?.ports ?? this.ports;
    if (ports.length <= 1) return undefined;
    const http = ports.filter(p => isHttpFamily(portProtocol(p.name, this.ports.find(o => o.port === p.port)?.appProtocol)));
    return http.length === 1 ? http[0].port : undefined;
  }

  private destination(port: number | undefined): Destination {
    return version => ({ host: this.serviceName, subset: version, port: port === undefined ? undefined : { number: port } });
  }

  /** The one place a version's Deployment is created. */
  private addVersionAutoscaler(v: CanaryVersionProps, i: number, deployment: kplus.Deployment): PodAutoscaler {
    requireProp(v.replicas === undefined, this, `versions[${i}].replicas`, v.replicas,
      "must be unset when 'autoscaling' is set: the HorizontalPodAutoscaler owns the replica count");
    return new PodAutoscaler(this, `${v.name}-autoscaler`, overlay(v.autoscaling!, { target: ScaleTarget.fromDeployment(deployment) }));
  }

  private addVersionDeployment(v: CanaryVersionProps): kplus.Deployment {
    const { name, trafficPolicy, autoscaling, routeHeaders, ...deploymentProps } = v;
    const secure = (containers: kplus.ContainerProps[] | undefined) =>
      this.restrictedSecurity ? containers?.map(c => restrictedContainer(c)) : containers;
    const deployment = new kplus.Deployment(this, name, overlay(deploymentProps, {
      containers: secure(v.containers),
      initContainers: secure(v.initContainers),
      metadata: overlay(v.metadata, { name: v.metadata?.name ?? `${this.serviceName}-${name}` }),
      select: false,
    }));
    const labels = { [this.appLabel]: this.serviceName, [this.versionLabel]: name };
    for (const [k, value] of Object.entries(labels)) deployment.podMetadata.addLabel(k, value);
    deployment.select(kplus.LabelSelector.of({ labels }));
    if (this.restrictedSecurity) runtimeDefaultSeccomp(deployment);
    this.guardAddedContainers(deployment, name);
    return deployment;
  }

  /**
   * Containers added later through the escape hatch (`deployment(v).addContainer()`, `addInitContainer()`)
   * get the same restricted defaults and sidecar-UID check as those given in the props.
   */
  private guardAddedContainers(deployment: kplus.Deployment, version: string): void {
    const addContainer = deployment.addContainer.bind(deployment);
    const addInitContainer = deployment.addInitContainer.bind(deployment);
    const guarded = (method: string, c: kplus.ContainerProps): kplus.ContainerProps => {
      const prop = `deployment(${JSON.stringify(version)}).${method}()`;
      if (c === undefined || c === null || typeof c !== 'object') throw propError(this, prop, c, 'must be cdk8s-plus ContainerProps');
      this.notProxyUid(`${prop}.securityContext.user`, c.securityContext?.user);
      return this.restrictedSecurity ? restrictedContainer(c) : c;
    };
    Object.defineProperty(deployment, 'addContainer', {
      value: (c: kplus.ContainerProps) => addContainer(guarded('addContainer', c)),
      configurable: true,
      writable: true,
    });
    Object.defineProperty(deployment, 'addInitContainer', {
      value: (c: kplus.ContainerProps) => addInitContainer(guarded('addInitContainer', c)),
      configurable: true,
      writable: true,
    });
  }

  /** Hosts and gateways as Istio's webhook validates them. */
  private checkHostsAndGateways(): void {
    // refused at once by the validation layer's port (ValidateVirtualService), not by rules of our own
    const { hosts, gateways } = this.props;
    requireProp(hosts === undefined || (Array.isArray(hosts) && hosts.length > 0), this, 'hosts', hosts,
      'must list at least one host, or be left out for the service name');
    (hosts ?? []).forEach((host, i) => requireProp(typeof host === 'string', this, `hosts[${i}]`, host, 'must be a host name'));
    (gateways ?? []).forEach((gateway, i) => requireProp(typeof gateway === 'string', this, `gateways[${i}]`, gateway, 'must be a gateway name'));
    if (hosts === undefined && gateways === undefined) return; // the service name, a DNS-1035 label, is a valid host
    const problems = ProblemCollector.root();
    const route = [{ destination: { host: this.serviceName } }];
    validateVirtualServiceSpec({ hosts: hosts ?? [this.serviceName], gateways, http: [{ route }] }, problems);
    const error = problems.problems.find(p => p.severity === 'error' && /^(hosts|gateways)\b/.test(p.path));
    if (error) throw propError(this, error.path, error.value, `${error.message} [${error.rule}]`);
  }

  private gateways(): string[] | undefined {
    const gateways = this.props.gateways;
    return gateways === undefined || gateways.length === 0 ? undefined : gateways;
  }

  private renderVirtualService(): istio.VirtualServiceSpec {
    const versionHeaders = (version: string) =>
      headerOperations(this, `versions[${this.versions.indexOf(version)}].routeHeaders`, this.props.versions[this.versions.indexOf(version)].routeHeaders);
    let http: istio.VirtualServiceSpecHttp[] | undefined;
    if (this.hasHttpPort()) {
      const destination = this.destination(this.routePort());
      const rules = [...this.rules]
        .sort((a, b) => a.group - b.group)
        .map(r => renderRoute(this, r.prop, r.route, this.versions, destination, versionHeaders));
      const catchAll: istio.VirtualServiceSpecHttp = {
        ...renderOptions(this, 'defaultRoute', this.props.defaultRoute ?? {}, this.versions, destination),
        route: this.versions.map(v => ({ destination: destination(v), weight: this.weights[v], headers: versionHeaders(v) })),
      };
      http = [...rules, catchAll];
    }
    const section = (kind: 'tcp' | 'tls') => {
      const l4 = this.l4Ports(kind);
      const rules = kind === 'tcp'
        ? this.tcpRules.map(r => renderTcpRoute(this, r.prop, r.route, l4))
        : this.tlsRules.map(r => renderTlsRoute(this, r.prop, r.route, l4));
      const all = [...rules, ...renderL4CatchAll(l4, this.weights)];
      return all.length > 0 ? all : undefined;
    };
    return {
      hosts: this.props.hosts ?? [this.serviceName],
      gateways: this.gateways(),
      http,
      tcp: section('tcp'),
      tls: section('tls'),
    };
  }

  /** Checks across the objects as they will be written, escape-hatch edits included. */
  private validateObjects(): string[] {
    const errors: string[] = [];
    // the objects as written: the synth renders each once, for the validators and the writer alike
    // (the Gateway API backend writes neither: its own construct checks its objects)
    const vsObject = this._virtualService;
    const drObject = this._destinationRule;
    const vs: any = !vsObject ? {} : renderedForValidation(vsObject).spec ?? {};
    const dr: any = !drObject ? { host: this.serviceName } : renderedForValidation(drObject).spec ?? {};
    const svc = renderedForValidation(ApiObject.of(this.service));
    const ns: string | undefined = svc.metadata?.namespace;
    const name = this.serviceName;
    const hosts = [name, ...(ns ? [`${name}.${ns}`, `${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`] : [])];
    const subsets = new Map<string, any>((dr.subsets ?? []).map((s: any) => [s.name, s]));
    const svcPorts: any[] = svc.spec?.ports ?? [];

    if (!hosts.includes(dr.host)) {
      errors.push(propMessage('destinationRule.spec.host', dr.host, `must be the Service's host (${name}) [IST0174]`));
    }

    // every destination a route or mirror names, with the path it is written at
    const targets: Array<[string, any]> = [
      ...(vs.http ?? []).flatMap((rule: any, i: number) => [
        ...(rule?.route ?? []).map((r: any, j: number) => [`virtualService.spec.http[${i}].route[${j}].destination`, r?.destination]),
        ...(rule?.mirror ? [[`virtualService.spec.http[${i}].mirror`, rule.mirror]] : []),
        ...(rule?.mirrors ?? []).map((m: any, j: number) => [`virtualService.spec.http[${i}].mirrors[${j}].destination`, m?.destination]),
      ]),
      ...(['tcp', 'tls'] as const).flatMap(kind => (vs[kind] ?? []).flatMap((rule: any, i: number) =>
        (rule?.route ?? []).map((r: any, j: number) => [`virtualService.spec.${kind}[${i}].route[${j}].destination`, r?.destination]))),
    ];
    for (const [prop, dest] of targets) {
      if (!hosts.includes(dest?.host)) {
        errors.push(propMessage(`${prop}.host`, dest?.host, `must be the Service's host (${name}), as the DestinationRule's is [IST0174]`));
      }
      if (!subsets.has(dest?.subset)) {
        errors.push(propMessage(`${prop}.subset`, dest?.subset,
          `must be a subset of the DestinationRule (${[...subsets.keys()].join(', ')}); requests to it fail with 503 [IST0101]`));
      }
      if (svcPorts.length > 1) {
        const ok = svcPorts.some(p => p.port === dest?.port?.number);
        if (!ok) {
          errors.push(propMessage(`${prop}.port`, dest?.port?.number,
            `must be one of the Service's ports (${svcPorts.map(p => p.port).join(', ')}): a multi-port Service needs the port named; set 'routePort' [IST0112]`));
        }
      }
    }

    for (const [subsetName, subset] of subsets) {
      const labels: Record<string, string> = subset.labels ?? {};
      const own = this.deployments[subsetName];
      if (!own) {
        errors.push(propMessage(key('destinationRule.spec.subsets', subsetName), subsetName, `must name a version (${this.versions.join(', ')})`));
        continue;
      }
      if (!selectsPods(labels, own)) {
        errors.push(propMessage(key('destinationRule.spec.subsets', subsetName) + '.labels', labels,
          `must be carried by the pods of Deployment ${own.name} (${describeValue(podLabels(own))}), or the subset selects no pods and requests fail with 503 [IST0173]`));
      }
      for (const other of this.versions.filter(v => v !== subsetName)) {
        if (selectsPods(labels, this.deployments[other])) {
          errors.push(propMessage(key('destinationRule.spec.subsets', subsetName) + '.labels', labels,
            `also select the pods of version ${other}: subsets must be distinct, or the split does not separate versions`));
        }
      }
    }

    const selector: Record<string, string> = svc.spec?.selector ?? {};
    if (Object.keys(selector).length === 0) {
      errors.push(propMessage('service.spec.selector', selector, 'must not be empty: a Service without a selector gets no endpoints from the pods'));
    }
    if (this.versionLabel in selector) {
      errors.push(propMessage('service.spec.selector', selector, `must not contain the version label '${this.versionLabel}': the Service must select every version`));
    }
    for (const v of this.versions) {
      const d = this.deployments[v];
      if (!selectsPods(selector, d)) {
        errors.push(propMessage('service.spec.selector', selector, `must select the pods of version ${v} (${describeValue(podLabels(d))})`));
      }
      if (d.matchLabels[this.versionLabel] !== v) {
        errors.push(propMessage(`deployments[${JSON.stringify(v)}].spec.selector.matchLabels`, d.matchLabels,
          `must contain ${this.versionLabel}: ${v}, or the Deployments of two versions could adopt each other's pods`));
      }
      const declared = d.containers.flatMap(c => c.ports.map(p => p.number));
      for (const p of svcPorts) {
        const target = p.targetPort ?? p.port;
        if (declared.length > 0 && typeof target === 'number' && !declared.includes(target)) {
          errors.push(propMessage(`service.spec.ports[${svcPorts.indexOf(p)}].targetPort`, target,
            `must be a port the containers of version ${v} declare (${declared.join(', ')})`));
        }
      }
    }

    svcPorts.forEach((p, i) => {
      if (portProtocol(p.name, p.appProtocol) === undefined) {
        errors.push(propMessage(`service.spec.ports[${i}].name`, p.name, PORT_NAMING));
      }
    });

    // one namespace: a subset, a route and a Service only see each other within their namespace
    for (const child of this.node.findAll()) {
      if (!(child instanceof ApiObject) || child === ApiObject.of(this.service)) continue;
      const childNs = renderedForValidation(child).metadata?.namespace;
      if (childNs !== ns) {
        errors.push(propMessage(`${child.kind} ${child.name}.metadata.namespace`, childNs,
          `must be the Service's namespace (${ns ?? 'none'}): every object of a CanaryService lives in one namespace`));
      }
    }
    return errors;
  }
}

function podLabels(d: kplus.Deployment): Record<string, string> {
  return d.podMetadata.toJson().labels ?? {};
}

/** Whether a Deployment's pods carry every label of the selector (read label by label: no resolve). */
function selectsPods(selector: Record<string, string>, d: kplus.Deployment): boolean {
  return Object.entries(selector).every(([k, v]) => d.podMetadata.getLabel(k) === v);
}

