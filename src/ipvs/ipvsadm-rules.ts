import { Duration } from 'cdk8s';
import { checkArgs } from '../common';
import { hostPort, isPort, parseIp, ParsedIp } from './ip-address';
import { persistenceSeconds } from './persistence';
import { functionReporter, Reporter } from './report';
import { checkScheduler, checkSchedulerFlags, FLAG_SCHEDULERS, IpvsScheduler, IpvsSchedulerFlag, oneOf, warnIfRare } from './scheduler';

/** The transport protocol of a virtual server (`ipvsadm -t` / `-u`). Values are Kubernetes' protocol names. */
export enum IpvsProtocol {
  /** TCP (`-t`). */
  TCP = 'TCP',
  /** UDP (`-u`). */
  UDP = 'UDP',
}

/** How the director hands a connection to a real server (`ipvsadm -m` / `-g` / `-i`). */
export enum IpvsForwarding {
  /**
   * Masquerading (NAT, `-m`): the director rewrites the destination; replies must route back through it.
   * The only method that may change the port.
   */
  MASQUERADING = 'masquerading',
  /**
   * Gatewaying (direct routing, `-g`, ipvsadm's own default): the director rewrites the MAC only; real servers
   * share the L2 segment, hold the virtual IP on a non-ARPing interface, and reply to clients directly.
   * The real port is the virtual port.
   */
  GATEWAYING = 'gatewaying',
  /**
   * Tunneling (IP-in-IP, `-i`): the director encapsulates; real servers decapsulate, hold the virtual IP and
   * reply directly (direct server return). The real port is the virtual port.
   */
  TUNNELING = 'tunneling',
}

/** One real server behind a virtual server (`ipvsadm -a … -r <address>:<port> -w <weight>`). */
export interface IpvsRealServer {
  /** The real server's IPv4 or IPv6 address, of the same family as the virtual server's. */
  readonly address: string;
  /**
   * The real server's port. With gatewaying and tunneling it must equal the virtual port (the kernel would
   * silently use the virtual port).
   *
   * @default - the virtual server's port
   */
  readonly port?: number;
  /**
   * The weight, an integer from 0 to 65535. 0 quiesces the server: no new connections, existing ones continue.
   *
   * @default 1
   */
  readonly weight?: number;
}

/** One IPVS virtual server and its real servers, as `ipvsadm --restore` takes them. */
export interface IpvsVirtualServer {
  /** The virtual IP address (IPv4 or IPv6). */
  readonly address: string;
  /** The virtual port, 1–65535. */
  readonly port: number;
  /**
   * The protocol.
   *
   * @default IpvsProtocol.TCP
   */
  readonly protocol?: IpvsProtocol;
  /**
   * The scheduler. Deliberate default: rr, as kube-proxy's empty scheduler means; ipvsadm's own default is wlc.
   *
   * @default IpvsScheduler.ROUND_ROBIN
   */
  readonly scheduler?: IpvsScheduler;
  /**
   * Scheduler flags (`-b`), only with the sh and mh schedulers.
   *
   * @default - none
   */
  readonly schedulerFlags?: IpvsSchedulerFlag[];
  /**
   * Client persistence (`-p <seconds>`): whole seconds from 1 to 86400.
   *
   * @default - no persistence
   */
  readonly persistence?: Duration;
  /**
   * How connections reach the real servers. Deliberate default: masquerading, the seed setup's method and the
   * only one that needs nothing on the real servers; ipvsadm's own default is gatewaying.
   *
   * @default IpvsForwarding.MASQUERADING
   */
  readonly forwarding?: IpvsForwarding;
  /** The real servers, in the order they are added (the order the kernel's rr and wrr walk them in reverse). */
  readonly realServers: IpvsRealServer[];
}

/** A virtual server after checking, with every default filled in. Internal. */
export interface CheckedVirtualServer {
  readonly protocol: IpvsProtocol;
  readonly address: ParsedIp;
  readonly port: number;
  readonly scheduler: IpvsScheduler;
  readonly schedulerFlags: IpvsSchedulerFlag[];
  readonly persistenceSeconds?: number;
  readonly forwarding: IpvsForwarding;
  readonly realServers: CheckedRealServer[];
}

/** A real server after checking. Internal. */
export interface CheckedRealServer {
  readonly address: ParsedIp;
  readonly port: number;
  readonly weight: number;
}

/** The largest weight IPVS takes. */
export const MAX_WEIGHT = 65535;

const FORWARDING_SWITCH: Record<IpvsForwarding, string> = {
  [IpvsForwarding.MASQUERADING]: '-m',
  [IpvsForwarding.GATEWAYING]: '-g',
  [IpvsForwarding.TUNNELING]: '-i',
};

const PROTOCOL_SWITCH: Record<IpvsProtocol, string> = {
  [IpvsProtocol.TCP]: '-t',
  [IpvsProtocol.UDP]: '-u',
};

/**
 * Renders IPVS rules in the `ipvsadm --save -n` / `ipvsadm --restore` format, so they can be run by hand
 * (`ipvsadm -R < rules`), compared with a live `ipvsadm -S -n`, and applied by `IpvsDirector`.
 *
 * ```
 * -A -t 1.2.3.4:80 -s rr
 * -a -t 1.2.3.4:80 -r 172.17.0.3:80 -m -w 1
 * -a -t 1.2.3.4:80 -r 172.17.0.4:80 -m -w 1
 * ```
 */
export class IpvsadmRules {
  /**
   * The rules as one text, one rule a line, ending with a newline. Refuses what ipvsadm or the kernel would
   * reject or silently change (bad addresses, ports, weights, scheduler flags, persistence, a real port that
   * differs from the virtual port with gatewaying or tunneling, mixed IP families, duplicates).
   */
  public static render(virtualServers: IpvsVirtualServer[]): string {
    checkArgs('IpvsadmRules', 'IpvsadmRules.render', arguments);
    return IpvsadmRules.lines(virtualServers).map(l => `${l}\n`).join('');
  }

  /** The rules, one string a rule: each virtual server's `-A` line followed by its `-a` lines. */
  public static lines(virtualServers: IpvsVirtualServer[]): string[] {
    checkArgs('IpvsadmRules', 'IpvsadmRules.lines', arguments);
    return renderRuleLines(checkVirtualServers(functionReporter('IpvsadmRules'), 'virtualServers', virtualServers));
  }

  private constructor() {}
}

/** The `-t 1.2.3.4:80` part that names a virtual server. */
export function virtualServerName(vs: CheckedVirtualServer): string {
  return `${PROTOCOL_SWITCH[vs.protocol]} ${hostPort(vs.address, vs.port)}`;
}

/** Renders checked virtual servers as `ipvsadm --restore` lines. */
export function renderRuleLines(virtualServers: readonly CheckedVirtualServer[]): string[] {
  const lines: string[] = [];
  for (const vs of virtualServers) {
    const name = virtualServerName(vs);
    let add = `-A ${name} -s ${vs.scheduler}`;
    if (vs.schedulerFlags.length > 0) add += ` -b ${vs.schedulerFlags.join(',')}`;
    if (vs.persistenceSeconds !== undefined) add += ` -p ${vs.persistenceSeconds}`;
    lines.push(add);
    for (const rs of vs.realServers) {
      lines.push(`-a ${name} -r ${hostPort(rs.address, rs.port)} ${FORWARDING_SWITCH[vs.forwarding]} -w ${rs.weight}`);
    }
  }
  return lines;
}

/** Checks a list of virtual servers (`prop` names the list); refuses duplicates across them. */
export function checkVirtualServers(r: Reporter, prop: string, virtualServers: readonly IpvsVirtualServer[]): CheckedVirtualServer[] {
  if (!Array.isArray(virtualServers) || virtualServers.length === 0) {
    r.fail(prop, virtualServers, 'must list at least one virtual server');
  }
  const checked = virtualServers.map((vs, i) => checkVirtualServer(r.child(`${prop}[${i}]`), vs));
  // one warning per rarely available scheduler, at its first use
  checked.forEach((vs, i) => {
    if (checked.findIndex(other => other.scheduler === vs.scheduler) === i) warnIfRare(r, `${prop}[${i}].scheduler`, vs.scheduler);
  });
  const seen = new Map<string, number>();
  checked.forEach((vs, i) => {
    const name = virtualServerName(vs);
    const first = seen.get(name);
    if (first !== undefined) r.fail(`${prop}[${i}]`, name, `repeats ${r.path(`${prop}[${first}]`)}`);
    seen.set(name, i);
  });
  return checked;
}

/**
 * Checks one virtual server (the reporter is already scoped to it) and fills in the defaults; the rarely
 * available scheduler warning is `checkVirtualServers`'s, once per list.
 */
export function checkVirtualServer(r: Reporter, vs: IpvsVirtualServer): CheckedVirtualServer {
  if (!vs || typeof vs !== 'object') r.fail('', vs, 'must be a virtual server');
  const address = checkIp(r, 'address', vs.address);
  const port = checkPort(r, 'port', vs.port);
  const protocol = vs.protocol ?? IpvsProtocol.TCP;
  if (!Object.values(IpvsProtocol).includes(protocol)) {
    r.fail('protocol', protocol, `must be ${oneOf(Object.values(IpvsProtocol))}`);
  }
  const scheduler = checkScheduler(r, 'scheduler', vs.scheduler ?? IpvsScheduler.ROUND_ROBIN, undefined, undefined, false);
  const schedulerFlags = checkSchedulerFlags(r, 'schedulerFlags', vs.schedulerFlags, scheduler, 'scheduler', FLAG_SCHEDULERS);
  const persistence = vs.persistence === undefined ? undefined : persistenceSeconds(r, 'persistence', vs.persistence);
  const forwarding = vs.forwarding ?? IpvsForwarding.MASQUERADING;
  if (!Object.values(IpvsForwarding).includes(forwarding)) {
    r.fail('forwarding', forwarding, `must be ${oneOf(Object.values(IpvsForwarding))}`);
  }
  if (!Array.isArray(vs.realServers) || vs.realServers.length === 0) {
    r.fail('realServers', vs.realServers, 'must list at least one real server');
  }
  const realServers = vs.realServers.map((rs, i) => checkRealServer(r.child(`realServers[${i}]`), rs, address, port, forwarding));
  const seen = new Map<string, number>();
  realServers.forEach((rs, i) => {
    const key = hostPort(rs.address, rs.port);
    const first = seen.get(key);
    if (first !== undefined) r.fail(`realServers[${i}]`, key, `repeats ${r.path(`realServers[${first}]`)}`);
    seen.set(key, i);
  });
  return { protocol, address, port, scheduler, schedulerFlags, persistenceSeconds: persistence, forwarding, realServers };
}

function checkRealServer(r: Reporter, rs: IpvsRealServer, vip: ParsedIp, vport: number, forwarding: IpvsForwarding): CheckedRealServer {
  if (!rs || typeof rs !== 'object') r.fail('', rs, 'must be a real server');
  const address = checkIp(r, 'address', rs.address);
  if (address.family !== vip.family) {
    r.fail('address', rs.address, `must be an IPv${vip.family} address like the virtual server's (${vip.text})`);
  }
  const port = rs.port === undefined ? vport : checkPort(r, 'port', rs.port);
  if (forwarding !== IpvsForwarding.MASQUERADING && port !== vport) {
    r.fail('port', port, `must equal the virtual port (${vport}) with ${forwarding}: only masquerading can change the port`);
  }
  const weight = rs.weight ?? 1;
  if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
    r.fail('weight', weight, `must be an integer from 0 (quiescent) to ${MAX_WEIGHT}`);
  }
  return { address, port, weight };
}

/** Checks an IP address text. */
export function checkIp(r: Reporter, prop: string, value: unknown): ParsedIp {
  const ip = typeof value === 'string' ? parseIp(value) : undefined;
  if (!ip) r.fail(prop, value, 'must be an IPv4 address (1.2.3.4) or an IPv6 address (2001:db8::1)');
  return ip;
}

/** Checks a port number. */
export function checkPort(r: Reporter, prop: string, value: unknown): number {
  if (!isPort(value)) r.fail(prop, value, 'must be a port number, an integer from 1 to 65535');
  return value;
}
