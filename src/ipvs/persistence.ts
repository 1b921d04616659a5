import { Duration } from 'cdk8s';
import { checkArgs, durationMillis, formatDuration } from '../common';
import { Reporter } from './report';

/** Kubernetes' default `sessionAffinityConfig.clientIP.timeoutSeconds` (3 hours). */
export const DEFAULT_PERSISTENCE_SECONDS = 10800;
/** The longest persistence Kubernetes accepts for ClientIP affinity (1 day). */
export const MAX_PERSISTENCE_SECONDS = 86400;

/**
 * Client persistence: every connection from one client address goes to the same real server while the client
 * keeps coming back within the timeout. On a Service it is `sessionAffinity: ClientIP` with
 * `sessionAffinityConfig.clientIP.timeoutSeconds`, which kube-proxy and kube-router in IPVS mode program as
 * IPVS persistence (`ipvsadm -p <seconds>`); the director writes `-p` itself.
 */
export class IpvsPersistence {
  /**
   * Persistence by client IP.
   *
   * @param timeout how long a client sticks to its real server after its last connection: whole seconds from
   * 1 second to 1 day (Kubernetes' range).
   * @default timeout 3 hours (10800 s, the Kubernetes default)
   */
  public static clientIp(timeout?: Duration): IpvsPersistence {
    checkArgs('IpvsPersistence', 'IpvsPersistence.clientIp', arguments);
    return new IpvsPersistence(timeout);
  }

  private constructor(
    /** The timeout asked for; `undefined` for the Kubernetes default. */
    public readonly timeout?: Duration) {}
}

/** Checks a persistence timeout: whole seconds from 1 to 86400. Returns the seconds. */
export function persistenceSeconds(r: Reporter, prop: string, timeout: Duration | undefined): number {
  if (timeout === undefined) return DEFAULT_PERSISTENCE_SECONDS;
  if (!(timeout instanceof Duration)) r.fail(prop, timeout, 'must be a Duration');
  const ms = durationMillis(timeout);
  const seconds = ms / 1000;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_PERSISTENCE_SECONDS) {
    r.fail(prop, ms >= 0 && ms % 1000 === 0 ? formatDuration(timeout) : `${ms}ms`,
      `must be whole seconds from 1s to 24h (${MAX_PERSISTENCE_SECONDS}s), the range of ClientIP session affinity`);
  }
  return seconds;
}
