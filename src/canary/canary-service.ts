import { ApiObject, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import * as istio from '../../imports/networking.istio.io';
import { PodAutoscaler, ScaleTarget } from '../autoscaling';
import { addLibraryPatch, checkArgs, checkConstructArgs, describeValue, hasUserPatches, overlay, propError, propMessage, requireProp, restrictedContainer, runtimeDefaultSeccomp } from '../common';
import { CanaryRoute, CanaryRouteOptions } from './http-route';
import { StringMatch } from './match';
import { CanaryServicePort } from './ports';
import { checkInteger, checkLabelKey, checkLabels, gatewayProblem, hostProblem, hostsOverlap, isDns1035Label, isDns1123Label, key } from './private/checks';
import { renderMermaid } from './private/mermaid';
import { checkServicePort, isHttpFamily, PORT_NAMING, portProtocol } from './private/ports';
import { renderTrafficPolicy } from './private/render-policy';
import { Destination, matchKey, renderOptions, renderRoute, ruleGroup } from './private/render-route';
import { TrafficPolicy } from './traffic-policy';
import { CanaryVersionProps } from './version';

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
   * The Service's ports, named by protocol or with `appProtocol` (Istio reads the protocol from them).
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
   * Gateways the VirtualService applies to (`<namespace>/<name>`, `mesh` for sidecars). When set and a rule
   * matches on source labels or namespace, `mesh` is added (those rules only ever match sidecar traffic).
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
   * Options of the catch-all weighted route (timeout, retries, fault injection, mirroring, CORS, headers).
   *
   * @default - none
   */
  readonly defaultRoute?: CanaryRouteOptions;

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
   * The DestinationRule with one subset per version.
   */
  public readonly destinationRule: istio.DestinationRule;

  /**
   * The VirtualService with the rules and the weighted catch-all route.
   */
  public readonly virtualService: istio.VirtualService;

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
  private readonly subsetPolicies: Record<string, any> = {};
  private readonly destinationRuleSpec: istio.DestinationRuleSpec;

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
    renderOptions(this, 'defaultRoute', props.defaultRoute ?? {}, this.versions, this.destination(undefined));
    const sharedPolicy = renderTrafficPolicy(this, 'trafficPolicy', props.trafficPolicy);
    props.versions.forEach((v, i) => {
      this.subsetPolicies[v.name] = renderTrafficPolicy(this, `versions[${i}].trafficPolicy`, v.trafficPolicy);
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
    this.destinationRule = new istio.DestinationRule(this, 'DestinationRule', {
      metadata: { name: this.serviceName },
      spec: this.destinationRuleSpec,
    });

    this.virtualService = new istio.VirtualService(this, 'VirtualService', {
      metadata: { name: this.serviceName },
      spec: Lazy.any({ produce: () => this.renderVirtualService() }),
    });

    (props.routes ?? []).forEach(route => this.addRoute(route));
    this.node.addValidation({ validate: () => this.validateObjects() });
  }

  /**
   * Adds a routing rule: requests matching `route.match` go to `route.version`. Header rules are written
   * first, then source rules, then the others, each group in the order added; all before the catch-all.
   */
  public addRoute(route: CanaryRoute): void {
    checkArgs(this, 'CanaryService.addRoute', arguments);
    const prop = `routes[${this.rules.length}]`;
    if (route === undefined || route === null || typeof route !== 'object') throw propError(this, prop, route, 'must be a CanaryRoute');
    const rendered = renderRoute(this, prop, route, this.versions, this.destination(undefined));
    const ruleKey = matchKey(rendered.match![0]);
    const same = this.rules.find(r => r.key === ruleKey);
    if (same) {
      throw propError(this, `${prop}.match`, route.match,
        `duplicates the match of ${same.prop}, which is written first, so this rule would never be used [IST0130/IST0131]`);
    }
    this.rules.push({ prop, route, group: ruleGroup(route.match), key: ruleKey });
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
      rules: this.renderVirtualService().http!,
      subsets: this.versions.map((v, i) => ({
        name: v,
        note: (this.props.versions[i].trafficPolicy?.loadBalancer ?? this.props.trafficPolicy?.loadBalancer)?.description,
      })),
    });
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
      const deploymentName = v.metadata?.name ?? `${this.serviceName}-${v.name}`;
      const sameName = versions.findIndex(o => (o.metadata?.name ?? `${this.serviceName}-${o.name}`) === deploymentName);
      requireProp(sameName === i, this, `${prop}.metadata.name`, deploymentName, `must be unique: versions[${sameName}] has a Deployment of that name`);
      const labels = v.podMetadata?.labels;
      if (labels) {
        for (const [label, expected] of [[this.appLabel, this.serviceName], [this.versionLabel, v.name]]) {
          const given = labels[label];
          requireProp(given === undefined || given === expected, this, key(`${prop}.podMetadata.labels`, label), given,
            `must be ${JSON.stringify(expected)} or left out: the construct sets it, and the Service, Deployment and subset select on it`);
        }
        checkLabels(this, `${prop}.podMetadata.labels`, labels);
      }
      // Istio reserves UID 1337 for the sidecar proxy; an app running as 1337 bypasses interception [IST0144]
      const notProxyUid = (userProp: string, user: number | undefined) =>
        requireProp(user !== 1337, this, userProp, user, 'must not be 1337: Istio reserves that UID for the sidecar proxy [IST0144]');
      notProxyUid(`${prop}.securityContext.user`, v.securityContext?.user);
      v.containers!.forEach((c, j) => notProxyUid(`${prop}.containers[${j}].securityContext.user`, c.securityContext?.user));
      (v.initContainers ?? []).forEach((c, j) => notProxyUid(`${prop}.initContainers[${j}].securityContext.user`, c.securityContext?.user));
    });
    return names;
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
      checkInteger(this, 'canaryWeight', canaryWeight, 0, 100);
      given = { [this.versions[0]]: 100 - canaryWeight, [this.versions[1]]: canaryWeight };
      prop = 'canaryWeight';
    } else {
      given = weights ?? { [this.versions[0]]: 100 };
    }
    for (const [version, weight] of Object.entries(given)) {
      const weightProp = key(prop, version);
      requireProp(this.versions.includes(version), this, weightProp, weight, `names no version; the versions are ${this.versions.join(', ')}`);
      checkInteger(this, weightProp, weight, 0, 100);
    }
    const resolved: Record<string, number> = {};
    for (const v of this.versions) resolved[v] = given[v] ?? 0;
    const sum = Object.values(resolved).reduce((a, b) => a + b, 0);
    requireProp(sum === 100, this, prop, given, `must sum to 100 (they sum to ${sum})`);
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
    requireProp(ports.some(p => isHttpFamily(portProtocol(p.name, p.appProtocol))), this, 'ports', given,
      'must include a port that speaks HTTP (http, http2, grpc, grpc-web): VirtualService http routes, and so the canary split, apply only to HTTP ports');
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
      requireProp(http.length === 1, this, 'routePort', routePort,
        `must be set: the Service has ${this.ports.length} ports and ${http.length} of them speak HTTP, so routes must name the port [IST0112]`);
    }
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
    const { name, trafficPolicy, autoscaling, ...deploymentProps } = v;
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
    return deployment;
  }

  /** Hosts and gateways as Istio's webhook validates them. */
  private checkHostsAndGateways(): void {
    const hosts = this.props.hosts ?? [];
    requireProp(Array.isArray(hosts) && (this.props.hosts === undefined || hosts.length > 0), this, 'hosts', this.props.hosts,
      'must list at least one host, or be left out for the service name');
    hosts.forEach((host, i) => {
      requireProp(typeof host === 'string', this, `hosts[${i}]`, host, 'must be a host name');
      const problem = hostProblem(host);
      if (problem) throw propError(this, `hosts[${i}]`, host, `must be a host Istio accepts: ${problem}`);
      const earlier = hosts.findIndex((other, j) => j < i && hostsOverlap(other, host));
      if (earlier >= 0) throw propError(this, `hosts[${i}]`, host, `must not overlap hosts[${earlier}] (${describeValue(hosts[earlier])}): Istio refuses duplicate hosts`);
    });
    (this.props.gateways ?? []).forEach((gateway, i) => {
      const problem = typeof gateway === 'string' ? gatewayProblem(gateway) : 'is not a string';
      if (problem) throw propError(this, `gateways[${i}]`, gateway, `must be a gateway name (<namespace>/<name>, or mesh for sidecars): ${problem}`);
    });
  }

  private gateways(): string[] | undefined {
    const gateways = this.props.gateways;
    if (gateways === undefined || gateways.length === 0) return undefined;
    const needsMesh = this.rules.some(r => r.route.match.sourceLabels !== undefined || r.route.match.sourceNamespace !== undefined);
    return needsMesh && !gateways.includes('mesh') ? [...gateways, 'mesh'] : gateways;
  }

  private renderVirtualService(): istio.VirtualServiceSpec {
    const destination = this.destination(this.routePort());
    const rules = [...this.rules]
      .sort((a, b) => a.group - b.group)
      .map(r => renderRoute(this, r.prop, r.route, this.versions, destination));
    const catchAll: istio.VirtualServiceSpecHttp = {
      ...renderOptions(this, 'defaultRoute', this.props.defaultRoute ?? {}, this.versions, destination),
      route: this.versions.map(v => ({ destination: destination(v), weight: this.weights[v] })),
    };
    return {
      hosts: this.props.hosts ?? [this.serviceName],
      gateways: this.gateways(),
      http: [...rules, catchAll],
    };
  }

  /**
   * The Service's selector, ports and namespace as they will be written: from the model unless an escape
   * hatch patched the Service (a full render resolves the whole object).
   */
  private serviceAsWritten(): any {
    const apiObject = ApiObject.of(this.service);
    const selector = (this.service as unknown as { _selector?: unknown })._selector;
    if (hasUserPatches(apiObject) || typeof selector !== 'object' || selector === null) return apiObject.toJson();
    const appProtocols = new Map(this.ports.filter(p => p.appProtocol !== undefined).map(p => [p.port, p.appProtocol]));
    return {
      metadata: { namespace: apiObject.metadata.namespace },
      spec: {
        selector,
        ports: this.service.ports.map(p => ({ name: p.name, port: p.port, targetPort: p.targetPort, appProtocol: appProtocols.get(p.port) })),
      },
    };
  }

  /** Checks across the objects as they will be written, escape-hatch edits included. */
  private validateObjects(): string[] {
    const errors: string[] = [];
    // rendered only when an escape hatch patched them: else they are exactly the model, checked for less
    const vs: any = hasUserPatches(this.virtualService) ? this.virtualService.toJson().spec ?? {} : this.renderVirtualService();
    const dr: any = hasUserPatches(this.destinationRule) ? this.destinationRule.toJson().spec ?? {} : this.destinationRuleSpec;
    const svc = this.serviceAsWritten();
    const ns: string | undefined = svc.metadata?.namespace;
    const name = this.serviceName;
    const hosts = [name, ...(ns ? [`${name}.${ns}`, `${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`] : [])];
    const subsets = new Map<string, any>((dr.subsets ?? []).map((s: any) => [s.name, s]));
    const svcPorts: any[] = svc.spec?.ports ?? [];

    const vsGateways: string[] = vs.gateways ?? [];
    if ((vsGateways.length === 0 || vsGateways.includes('mesh')) && (vs.hosts ?? []).includes('*')) {
      errors.push(propMessage('hosts', vs.hosts,
        "must not hold \"*\" while the VirtualService applies to the mesh (no gateways, 'mesh', or source rules): Istio refuses it"));
    }
    if (!hosts.includes(dr.host)) {
      errors.push(propMessage('destinationRule.spec.host', dr.host, `must be the Service's host (${name}) [IST0174]`));
    }

    (vs.http ?? []).forEach((rule: any, i: number) => {
      const targets: Array<[string, any]> = [
        ...(rule.route ?? []).map((r: any, j: number) => [`virtualService.spec.http[${i}].route[${j}].destination`, r.destination]),
        ...(rule.mirror ? [[`virtualService.spec.http[${i}].mirror`, rule.mirror]] : []),
        ...(rule.mirrors ?? []).map((m: any, j: number) => [`virtualService.spec.http[${i}].mirrors[${j}].destination`, m.destination]),
      ] as Array<[string, any]>;
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
    });

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

