import { ApiObject, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct, IConstruct } from 'constructs';
import * as istio from '../../../imports/networking.istio.io';
import { describeValue, hasUserPatches, isDns1035Label, isDns1123Label, isDns1123Subdomain, propError, propMessage, requireProp } from '../../common';
import { validateWrittenObjects } from '../../validation/construct';
import { CanaryServicePort } from '../ports';
import { describeRanked, precedenceConflict, RankedRule } from './precedence';
import { DeclaredRule, toHttpRouteRule } from './render-http-route';
import { GatewayApiBackendOptions } from './traffic-backend';
import { addVersionDestinationRules, addVersionServices, versionServiceName } from './version-services';
import { USE_WAYPOINT, USE_WAYPOINT_NAMESPACE, waypointManifest } from './waypoint';
import { oncePerSynth } from '../../synth/render-once';

/** The parents of the HTTPRoutes the backend writes, known without rendering the routes. */
const routeParents = new WeakMap<ApiObject, () => any[]>();

/** What the Gateway API backend reads from its CanaryService. */
export interface GatewayApiSource {
  readonly serviceName: string;
  readonly versions: readonly string[];
  readonly appLabel: string;
  readonly versionLabel: string;
  /** The Service ports, resolved. */
  readonly ports: readonly CanaryServicePort[];
  /** The port the routes address (the single port, `routePort`, or the only HTTP port). */
  readonly routePort: number;
  readonly rootService: kplus.Service;
  readonly deployments: Record<string, kplus.Deployment>;
  /** The rendered service-wide and per-version DestinationRule traffic policies. */
  readonly sharedPolicy: any;
  readonly versionPolicies: Record<string, any>;
  /** The rules as the Istio backend declares them, in its order, the weighted catch-all last. */
  readonly declaredRules: () => DeclaredRule[];
}

/**
 * The objects of the Gateway API backend below a CanaryService: a Service per version, a DestinationRule per
 * version with a traffic policy, the HTTPRoute, and a waypoint Gateway when asked. Validates its own objects.
 */
export class GatewayApiRouting extends Construct {
  public readonly httpRoute: ApiObject;
  public readonly versionServices: Record<string, kplus.Service>;
  public readonly versionDestinationRules: Record<string, istio.DestinationRule>;
  public readonly waypoint?: ApiObject;

  private readonly source: GatewayApiSource;
  private readonly mesh: boolean;
  private readonly options: GatewayApiBackendOptions;
  /** The rule props in HTTPRoute order, as last rendered (for mapping problems back to props). */
  private renderedProps: string[] = [];

  constructor(scope: Construct, id: string, source: GatewayApiSource, options: GatewayApiBackendOptions) {
    super(scope, id);
    this.source = source;
    this.options = options;
    this.mesh = options.mesh ?? true;
    this.checkOptions(scope);

    this.versionServices = Object.freeze(addVersionServices(this, source.serviceName, source.versions,
      v => ({ [source.appLabel]: source.serviceName, [source.versionLabel]: v }), source.ports));
    this.versionDestinationRules = Object.freeze(addVersionDestinationRules(this, source.serviceName, source.versions,
      source.sharedPolicy, source.versionPolicies));
    this.httpRoute = new ApiObject(this, 'HTTPRoute', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: source.serviceName },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });

    const waypoint = options.waypoint;
    if (waypoint) {
      if (waypoint.created) {
        const manifest = waypointManifest(waypoint.name);
        this.waypoint = new ApiObject(this, 'Waypoint', manifest);
      }
      source.rootService.metadata.addLabel(USE_WAYPOINT, waypoint.name);
      if (waypoint.namespace !== undefined) source.rootService.metadata.addLabel(USE_WAYPOINT_NAMESPACE, waypoint.namespace);
    }

    routeParents.set(this.httpRoute, () => this.parentRefs());
    validateWrittenObjects(this, (obj, jsonPath) => obj === this.httpRoute ? this.propOf(jsonPath) : undefined);
    this.node.addValidation({ validate: oncePerSynth(() => [...this.crossObjectErrors(), ...this.appErrors()]) });
  }

  /**
   * Translates `rules` (the declared rules with a candidate added) and proves that the Gateway API applies
   * the rule the Istio order applies; throws naming the prop otherwise. `scope` is the CanaryService.
   */
  public check(scope: IConstruct, rules: DeclaredRule[]): void {
    const ranked = this.rank(scope, rules);
    const conflict = precedenceConflict(ranked.map(r => r.ranked));
    if (conflict) {
      const { overtaken, overtaking, reason } = conflict;
      throw propError(scope, `${overtaken.prop}.match`, describeRanked(overtaken),
        `must not be overtaken on the Gateway API backend: the Gateway API picks the most specific match, so it evaluates ${overtaking.prop} `
        + `(${describeRanked(overtaking)}) first because ${reason}; one request can match both and they route differently, so the result `
        + 'would differ from the rules as declared. Make the matches exclusive (e.g. the same header with different values) or give the earlier rule the more specific match');
    }
  }

  private rank(scope: IConstruct, rules: DeclaredRule[]): Array<{ prop: string; rule: any; ranked: RankedRule }> {
    const backend = { serviceName: (v: string) => versionServiceName(this.source.serviceName, v), port: this.source.routePort };
    return rules.map(r => {
      const rule = toHttpRouteRule(scope, r, backend);
      const { name, matches, ...effect } = rule;
      return { prop: r.prop, rule, ranked: { prop: r.prop, match: matches?.[0], effect: describeValue(effect) } };
    });
  }

  private checkOptions(scope: IConstruct): void {
    const gateways = this.options.gateways ?? [];
    requireProp(Array.isArray(gateways), scope, 'trafficBackend.gateways', gateways, 'must be a list of GatewayParentRef');
    requireProp(this.mesh || gateways.length > 0, scope, 'trafficBackend.mesh', this.mesh,
      "must be true when no 'gateways' are given: the HTTPRoute needs a parent (the Service for mesh traffic, or a Gateway)");
    gateways.forEach((g, i) => {
      const prop = `trafficBackend.gateways[${i}]`;
      requireProp(isDns1123Subdomain(g?.name), scope, `${prop}.name`, g?.name, 'must be a Gateway name (DNS-1123 subdomain)');
      if (g.namespace !== undefined) requireProp(isDns1123Label(g.namespace), scope, `${prop}.namespace`, g.namespace, 'must be a namespace (DNS-1123 label)');
      if (g.sectionName !== undefined) requireProp(isDns1123Subdomain(g.sectionName), scope, `${prop}.sectionName`, g.sectionName, 'must be a listener name (DNS-1123 subdomain)');
      if (g.port !== undefined) {
        requireProp(Number.isInteger(g.port) && g.port >= 1 && g.port <= 65535, scope, `${prop}.port`, g.port, 'must be an integer from 1 to 65535');
      }
      const same = gateways.findIndex(o => o.name === g.name && o.namespace === g.namespace && o.sectionName === g.sectionName);
      requireProp(same === i, scope, `${prop}`, g, `must not repeat trafficBackend.gateways[${same}]; give each reference to one Gateway its own sectionName`);
    });
    const waypoint = this.options.waypoint;
    if (waypoint !== undefined) {
      requireProp(this.mesh, scope, 'trafficBackend.waypoint', waypoint.name,
        "needs 'mesh': in ambient mode the waypoint applies routes whose parent is the Service");
      requireProp(isDns1035Label(waypoint.name), scope, 'trafficBackend.waypoint.name', waypoint.name,
        'must be a DNS-1035 label: Istio names the waypoint\'s Service and Deployment after it');
      if (waypoint.namespace !== undefined) {
        requireProp(isDns1123Label(waypoint.namespace), scope, 'trafficBackend.waypoint.namespace', waypoint.namespace, 'must be a namespace (DNS-1123 label)');
      }
    }
  }

  private parentRefs(): any[] {
    const parents: any[] = [];
    if (this.mesh) {
      // a multi-port Service: attach to the routed port only, as the VirtualService's destinations name it
      const port = this.source.ports.length > 1 ? this.source.routePort : undefined;
      parents.push({ group: '', kind: 'Service', name: this.source.serviceName, port });
    }
    for (const g of this.options.gateways ?? []) {
      parents.push({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: g.name, namespace: g.namespace, sectionName: g.sectionName, port: g.port });
    }
    return parents;
  }

  private renderSpec(): any {
    const rules = this.source.declaredRules();
    const ranked = this.rank(this, rules);
    this.renderedProps = ranked.map(r => r.prop);
    return { parentRefs: this.parentRefs(), rules: ranked.map(r => r.rule) };
  }

  /** `spec.rules[2].timeouts.request` → `routes[1].timeout`; undefined reports the JSON path. */
  private propOf(jsonPath: string): string | undefined {
    const m = /^spec\.rules\[(\d+)\](.*)$/.exec(jsonPath);
    const prop = m ? this.renderedProps[Number(m[1])] : undefined;
    if (!m || prop === undefined) return undefined;
    const rest = m[2];
    if (rest === '.name') return `${prop}.name`;
    if (rest.startsWith('.timeouts')) return `${prop}.timeout`;
    if (rest.startsWith('.matches[0].headers')) return `${prop}.match.headers`;
    if (rest.startsWith('.matches[0].queryParams')) return `${prop}.match.queryParams`;
    if (rest.startsWith('.matches[0].path')) return `${prop}.match.uri`;
    return undefined;
  }

  /** backendRefs and parents name Services and ports that exist and select the right pods; weights sum to 100. */
  private crossObjectErrors(): string[] {
    const errors: string[] = [];
    const route = this.httpRoute.toJson();
    const { serviceName, versionLabel } = this.source;
    const byName = new Map(this.source.versions.map(v => [versionServiceName(serviceName, v), v]));
    const services = new Map([...byName].map(([name, v]) => [name, ApiObject.of(this.versionServices[v]).toJson()]));
    const checkRef = (prop: string, ref: any) => {
      if ((ref?.group ?? '') !== '' || (ref?.kind ?? 'Service') !== 'Service' || ref?.namespace !== undefined) {
        errors.push(propMessage(prop, ref, `must name a version Service of ${serviceName} in the route's namespace`));
        return;
      }
      const version = byName.get(ref.name);
      const svc = services.get(ref.name);
      if (version === undefined || svc === undefined) {
        errors.push(propMessage(`${prop}.name`, ref.name, `must name a version Service (${[...byName.keys()].join(', ')}); a backendRef to a missing Service answers 500`));
        return;
      }
      if (!(svc.spec?.ports ?? []).some((p: any) => p.port === ref.port)) {
        errors.push(propMessage(`${prop}.port`, ref.port, `must be a port of Service ${ref.name} (${(svc.spec?.ports ?? []).map((p: any) => p.port).join(', ')})`));
      }
      const selector: Record<string, string> = svc.spec?.selector ?? {};
      const pods = this.source.deployments[version];
      const podLabels: Record<string, string> = pods.podMetadata.toJson().labels ?? {};
      if (selector[versionLabel] !== version || !Object.entries(selector).every(([k, v]) => podLabels[k] === v)) {
        errors.push(propMessage(`versionServices[${JSON.stringify(version)}].spec.selector`, selector,
          `must select the pods of version ${version} (${describeValue(podLabels)}) and only them (${versionLabel}: ${version}), or the backendRef reaches the wrong pods`));
      }
    };
    const rules: any[] = route.spec?.rules ?? [];
    rules.forEach((rule, i) => {
      (rule.backendRefs ?? []).forEach((ref: any, j: number) => checkRef(`httpRoute.spec.rules[${i}].backendRefs[${j}]`, ref));
      (rule.filters ?? []).forEach((f: any, j: number) => {
        if (f.requestMirror) checkRef(`httpRoute.spec.rules[${i}].filters[${j}].requestMirror.backendRef`, f.requestMirror.backendRef);
      });
    });
    const catchAll = rules[rules.length - 1];
    const weights = (catchAll?.backendRefs ?? []).map((b: any) => b.weight ?? 1);
    const sum = weights.reduce((a: number, b: number) => a + b, 0);
    if (catchAll?.matches !== undefined || sum !== 100) {
      errors.push(propMessage(`httpRoute.spec.rules[${rules.length - 1}]`, weights,
        `must be the catch-all rule (no matches) whose backendRef weights sum to 100 (they sum to ${sum})`));
    }
    const root = ApiObject.of(this.source.rootService).toJson();
    (route.spec?.parentRefs ?? []).forEach((ref: any, i: number) => {
      if (ref.kind !== 'Service') return;
      if (ref.name !== root.metadata?.name) {
        errors.push(propMessage(`httpRoute.spec.parentRefs[${i}].name`, ref.name, `must be the Service of ${serviceName}`));
      } else if (ref.port !== undefined && !(root.spec?.ports ?? []).some((p: any) => p.port === ref.port)) {
        errors.push(propMessage(`httpRoute.spec.parentRefs[${i}].port`, ref.port, `must be a port of Service ${ref.name}`));
      }
    });
    for (const [version, svc] of Object.entries(this.versionServices)) {
      const declared = this.source.deployments[version].containers.flatMap(c => c.ports.map(p => p.number));
      svc.ports.forEach((p, i) => {
        const target = p.targetPort ?? p.port;
        if (declared.length > 0 && !declared.includes(target)) {
          errors.push(propMessage(`versionServices[${JSON.stringify(version)}].spec.ports[${i}].targetPort`, target,
            `must be a port the containers of version ${version} declare (${declared.join(', ')})`));
        }
      });
    }
    return errors;
  }

  /**
   * Whole-App checks: no VirtualService for the same host (mixing both APIs on one host is undefined, above
   * all in ambient mode) and no other HTTPRoute attached to the same Service (Istio would merge the routes
   * by creation time, which synthesis cannot know).
   */
  private appErrors(): string[] {
    const errors: string[] = [];
    const root = ApiObject.of(this.source.rootService);
    const ns = root.metadata.namespace;
    const name = this.source.serviceName;
    const hosts = new Set([name, ...(ns ? [`${name}.${ns}`, `${name}.${ns}.svc`, `${name}.${ns}.svc.cluster.local`] : [])]);
    for (const c of this.node.root.node.findAll()) {
      if (!(c instanceof ApiObject) || c === this.httpRoute) continue;
      if (c.kind === 'VirtualService' && c.apiVersion.startsWith('networking.istio.io/') && (c.metadata.namespace ?? ns) === ns) {
        const vsHosts: string[] = c.toJson().spec?.hosts ?? [];
        const clash = vsHosts.find(h => hosts.has(h));
        if (clash !== undefined) {
          errors.push(`VirtualService ${c.name} (${c.node.path}) routes host ${clash}, which this CanaryService routes with an HTTPRoute on the Gateway API backend: `
            + 'a VirtualService and an HTTPRoute for the same host is undefined behaviour in Istio (and in ambient mode VirtualService on waypoints is Alpha); route the host with one API');
        }
      }
      if (c.kind === 'HTTPRoute' && c.apiVersion.startsWith('gateway.networking.k8s.io/') && (c.metadata.namespace ?? ns) === ns) {
        // escape hatches may have patched a route: render those, read the others from their construct
        const parents: any[] = (!hasUserPatches(c) && routeParents.get(c)?.()) || (c.toJson().spec?.parentRefs ?? []);
        if (parents.some(p => p.kind === 'Service' && (p.group ?? '') === '' && p.name === name && (p.namespace ?? ns) === ns)) {
          errors.push(`HTTPRoute ${c.name} (${c.node.path}) also attaches to Service ${name}: Istio merges the routes of one Service by creation time, `
            + 'which synthesis cannot know, so the canary rules would no longer be the ones that apply');
        }
      }
    }
    return errors;
  }
}
