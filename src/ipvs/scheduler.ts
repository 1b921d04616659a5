import { Reporter } from './report';

/**
 * The Linux kernel's IPVS schedulers (`ipvsadm -s <name>`; kernel module `ip_vs_<name>`).
 *
 * Which ones a data plane accepts differs: the kernel has all fourteen; kube-proxy's config validation accepts
 * rr, wrr, lc, wlc, lblc, lblcr, sh, dh, sed, nq; kube-router's `kube-router.io/service.scheduler` honours
 * rr, lc, dh, sh, mh. The constructs refuse a scheduler the chosen data plane would reject or silently ignore.
 */
export enum IpvsScheduler {
  /** Round robin: each new connection to the next real server with weight > 0, in turn. */
  ROUND_ROBIN = 'rr',
  /** Weighted round robin: connections in proportion to the weights (the kernel's gcd-stepped sequence). */
  WEIGHTED_ROUND_ROBIN = 'wrr',
  /** Least connection: the real server with the fewest active connections. */
  LEAST_CONNECTION = 'lc',
  /** Weighted least connection: fewest active connections relative to weight (ipvsadm's own default). */
  WEIGHTED_LEAST_CONNECTION = 'wlc',
  /** Locality-based least connection: the same server per destination address unless it is overloaded. */
  LOCALITY_BASED_LEAST_CONNECTION = 'lblc',
  /** Locality-based least connection with replication: a server set per destination address. */
  LOCALITY_BASED_LEAST_CONNECTION_WITH_REPLICATION = 'lblcr',
  /** Destination hashing: a static hash of the destination address. */
  DESTINATION_HASHING = 'dh',
  /** Source hashing: a static hash of the source address (and port with the PORT flag). */
  SOURCE_HASHING = 'sh',
  /** Shortest expected delay: (active connections + 1) / weight. */
  SHORTEST_EXPECTED_DELAY = 'sed',
  /** Never queue: an idle server if there is one, otherwise shortest expected delay. */
  NEVER_QUEUE = 'nq',
  /** Maglev hashing (Google's consistent hash); rarely available (warned about). */
  MAGLEV_HASHING = 'mh',
  /** Weighted failover: the available server with the highest weight; rarely available. */
  WEIGHTED_FAILOVER = 'fo',
  /** Weighted overflow: the highest-weight server until its active connections exceed its weight; rarely available. */
  WEIGHTED_OVERFLOW = 'ovf',
  /** Weighted random twos choice: the better of two weighted random picks; rarely available. */
  WEIGHTED_RANDOM_TWOS_CHOICE = 'twos',
}

/**
 * Scheduler flags (`ipvsadm -b`, kube-router's `kube-router.io/service.schedflags`). Only the hashing
 * schedulers read them: `mh` (and, in the kernel, `sh`). `ipvsadm -S` shows them back as `mh-fallback`/`mh-port`.
 */
export enum IpvsSchedulerFlag {
  /** `flag-1`: fall back to another real server when the hashed one is unavailable (weight 0 or overloaded). */
  FALLBACK = 'flag-1',
  /** `flag-2`: hash the source port as well as the address. */
  PORT = 'flag-2',
}

const ALL = Object.values(IpvsScheduler) as string[];

/**
 * The schedulers warned about. Decision: mh, fo, ovf and twos are the newest modules (added to Linux across the
 * 4.x and 5.x series) and are missing from older kernels and from some distribution and managed-node kernels,
 * where `modprobe ip_vs_<name>` fails and the service never comes up. They are accepted with a warning, not
 * refused: on a kernel that has them they work as documented. Check a node with `modinfo ip_vs_mh`.
 */
export const RARELY_AVAILABLE: readonly IpvsScheduler[] = [
  IpvsScheduler.MAGLEV_HASHING,
  IpvsScheduler.WEIGHTED_FAILOVER,
  IpvsScheduler.WEIGHTED_OVERFLOW,
  IpvsScheduler.WEIGHTED_RANDOM_TWOS_CHOICE,
];

/** The schedulers kube-proxy's config validation accepts (`pkg/proxy/apis/config/validation`). */
export const KUBE_PROXY_SCHEDULERS: readonly IpvsScheduler[] = [
  IpvsScheduler.ROUND_ROBIN, IpvsScheduler.WEIGHTED_ROUND_ROBIN, IpvsScheduler.LEAST_CONNECTION,
  IpvsScheduler.WEIGHTED_LEAST_CONNECTION, IpvsScheduler.LOCALITY_BASED_LEAST_CONNECTION,
  IpvsScheduler.LOCALITY_BASED_LEAST_CONNECTION_WITH_REPLICATION, IpvsScheduler.SOURCE_HASHING,
  IpvsScheduler.DESTINATION_HASHING, IpvsScheduler.SHORTEST_EXPECTED_DELAY, IpvsScheduler.NEVER_QUEUE,
];

/** The schedulers kube-router reads from `kube-router.io/service.scheduler` (anything else becomes rr). */
export const KUBE_ROUTER_SCHEDULERS: readonly IpvsScheduler[] = [
  IpvsScheduler.ROUND_ROBIN, IpvsScheduler.LEAST_CONNECTION, IpvsScheduler.DESTINATION_HASHING,
  IpvsScheduler.SOURCE_HASHING, IpvsScheduler.MAGLEV_HASHING,
];

/** The schedulers that read `IpvsSchedulerFlag`s in the kernel. */
export const FLAG_SCHEDULERS: readonly IpvsScheduler[] = [IpvsScheduler.SOURCE_HASHING, IpvsScheduler.MAGLEV_HASHING];

/** Whether a value is one of the kernel's scheduler names. */
export function isKernelScheduler(value: unknown): value is IpvsScheduler {
  return typeof value === 'string' && ALL.includes(value);
}

/** `one of a, b, c` for an error message. */
export function oneOf(values: readonly string[]): string {
  return `one of ${values.join(', ')}`;
}

/**
 * Checks a scheduler against the kernel list and the list a data plane accepts (`accepted`, described by
 * `who`); warns on a rarely available one unless `warn` is false. Returns the scheduler.
 */
export function checkScheduler(r: Reporter, prop: string, value: unknown,
  accepted: readonly IpvsScheduler[] = ALL as IpvsScheduler[], who = 'the kernel', warn = true): IpvsScheduler {
  if (!isKernelScheduler(value)) r.fail(prop, value, `must be a kernel IPVS scheduler: ${oneOf(ALL)}`);
  if (!accepted.includes(value)) r.fail(prop, value, `is not accepted by ${who}, which takes ${oneOf(accepted)}`);
  if (warn) warnIfRare(r, prop, value);
  return value;
}

/** Warns when a scheduler is one of the rarely available ones. */
export function warnIfRare(r: Reporter, prop: string, scheduler: IpvsScheduler): void {
  if (RARELY_AVAILABLE.includes(scheduler)) {
    r.warn(`'${r.path(prop)}' ("${scheduler}") needs the kernel module ip_vs_${scheduler}, which older and some distribution `
      + `kernels lack; check the nodes with 'modinfo ip_vs_${scheduler}'`);
  }
}

/** Checks scheduler flags: known values, no repeats, and only with a scheduler in `allowedWith`. Sorted. */
export function checkSchedulerFlags(r: Reporter, prop: string, flags: readonly IpvsSchedulerFlag[] | undefined,
  scheduler: IpvsScheduler, schedulerProp: string, allowedWith: readonly IpvsScheduler[]): IpvsSchedulerFlag[] {
  if (flags === undefined) return [];
  if (!Array.isArray(flags)) r.fail(prop, flags, 'must be a list of scheduler flags');
  const known = Object.values(IpvsSchedulerFlag) as string[];
  flags.forEach((flag, i) => {
    if (!known.includes(flag)) r.fail(`${prop}[${i}]`, flag, `must be ${oneOf(known)}`);
    if (flags.indexOf(flag) !== i) r.fail(`${prop}[${i}]`, flag, 'is repeated');
  });
  if (flags.length > 0 && !allowedWith.includes(scheduler)) {
    r.fail(prop, flags, `only apply with '${r.path(schedulerProp)}' ${allowedWith.map(s => `"${s}"`).join(' or ')}, `
      + `not "${scheduler}"`);
  }
  // flag-1 before flag-2, whatever order they were given in
  return [...flags].sort();
}
