import { ApiObject } from 'cdk8s';
import { hasUserPatches } from '../../common';

/** What a CanaryService wrote, for mapping a Problem's JSON path back to the prop that produced it. */
export interface CanaryWritten {
  /** undefined on the Gateway API backend */
  readonly virtualService?: ApiObject;
  /** undefined on the Gateway API backend */
  readonly destinationRule?: ApiObject;
  /** The version names, in the order given (subset i is version i). */
  readonly versions: readonly string[];
  /** Whether `hosts` / `gateways` were given (else they are the service name / the mesh). */
  readonly hostsGiven: boolean;
  /** The props of the VirtualService `http` rules, in the order written (the catch-all is `defaultRoute`). */
  readonly httpRules: () => readonly string[];
  /** The props of the `tcp` and `tls` rules, in the order written (catch-alls after them map to JSON paths). */
  readonly l4Rules?: { readonly tcp?: () => readonly string[]; readonly tls?: () => readonly string[] };
}

// `spec.http[3].match[0].headers["x-user"]` → section 'http', index 3, rest '.match[0].headers["x-user"]'
const SECTION = /^spec\.([A-Za-z]+)(?:\[(\d+)\])?(.*)$/;
const ROUTE_DESTINATION = /^\.route\[(\d+)\](.*)$/;

/** Where a rule's rendered field differs from its prop: `mirrorPercentage.value` is `mirror.percentage`. */
const RENAMES: Array<[RegExp, string]> = [
  [/^\.mirror\.subset/, '.mirror.version'],
  [/^\.mirrorPercentage(\.value)?/, '.mirror.percentage'],
  [/^\.mirrors\[(\d+)\]\.destination\.subset/, '.mirrors[$1].version'],
  [/^\.mirrors\[(\d+)\]\.percentage\.value/, '.mirrors[$1].percentage'],
  [/^\.fault\.(delay|abort)\.percentage\.value/, '.fault.$1.percentage'],
];

/** An http rule's rest of path, as the rule's props spell it. */
function ruleRest(prop: string, rest: string, versions: readonly string[]): string | undefined {
  // a rule's single match is written as match[0]
  if (rest.startsWith('.match[0]')) return prop + '.match' + rest.slice('.match[0]'.length);
  const dest = ROUTE_DESTINATION.exec(rest);
  if (dest) {
    const [, j, tail] = dest;
    const catchAll = prop === 'defaultRoute';
    const version = catchAll ? versions[Number(j)] : undefined;
    if (tail.startsWith('.destination.host')) return 'serviceName';
    if (tail.startsWith('.destination.port')) return 'routePort';
    if (!catchAll) return tail.startsWith('.destination') ? `${prop}.version` : undefined;
    if (version === undefined) return undefined;
    if (tail === '.weight' || tail === '') return `weights[${JSON.stringify(version)}]`;
    if (tail.startsWith('.destination')) return `versions[${j}].name`;
    return undefined;
  }
  if (/^\.mirrors?(\[\d+\]\.destination)?\.host/.test(rest)) return 'serviceName';
  for (const [from, to] of RENAMES) {
    if (from.test(rest)) return prop + rest.replace(from, to);
  }
  return prop + rest;
}

/**
 * Maps a JSON path in the VirtualService or DestinationRule a CanaryService wrote back to the prop that
 * produced it: `spec.http[i]…` → `routes[k]…` / `defaultRoute…`, `spec.trafficPolicy…` → `trafficPolicy…`,
 * `spec.subsets[i]…` → `versions[i]…`, the rest of the path appended. An object patched through an escape hatch
 * is reported by its member and JSON path (`virtualService.spec.http[0]…`), since indices no longer line up
 * with the props; undefined for paths of other objects (the layer reports their JSON path).
 */
export function canaryPropOf(written: CanaryWritten): (obj: ApiObject, jsonPath: string) => string | undefined {
  return (obj, jsonPath) => {
    const member = obj === written.virtualService ? 'virtualService' : obj === written.destinationRule ? 'destinationRule' : undefined;
    if (member === undefined || written.virtualService === undefined && written.destinationRule === undefined) return undefined;
    if (hasUserPatches(obj)) return `${member}.${jsonPath}`;
    const m = SECTION.exec(jsonPath);
    if (!m) return `${member}.${jsonPath}`;
    const [, section, index, rest] = m;
    const i = index === undefined ? undefined : Number(index);
    if (member === 'virtualService') {
      if (section === 'hosts') return written.hostsGiven ? `hosts${index === undefined ? '' : `[${index}]`}${rest}` : 'serviceName';
      if (section === 'gateways') return `gateways${index === undefined ? '' : `[${index}]`}${rest}`;
      if (section === 'http' && i !== undefined) {
        const prop = written.httpRules()[i];
        const mapped = prop === undefined ? undefined : ruleRest(prop, rest, written.versions);
        if (mapped !== undefined) return mapped;
      }
      if ((section === 'tcp' || section === 'tls') && i !== undefined) {
        const prop = written.l4Rules?.[section]?.()[i];
        if (prop !== undefined) return prop + rest;
      }
      return `${member}.${jsonPath}`;
    }
    if (section === 'host') return 'serviceName';
    if (section === 'trafficPolicy') return `trafficPolicy${rest}`;
    if (section === 'subsets' && i !== undefined && written.versions[i] !== undefined) {
      if (rest.startsWith('.trafficPolicy')) return `versions[${i}]${rest}`;
      if (rest.startsWith('.name') || rest.startsWith('.labels')) return `versions[${i}].name`;
    }
    return `${member}.${jsonPath}`;
  };
}
