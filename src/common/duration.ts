import { Duration } from 'cdk8s';

/**
 * A Duration as the Go/CEL duration string Kubernetes and Istio read (`"500ms"`, `"30s"`, `"5m"`, `"2h"`,
 * `"1m30s"`): the largest whole units, milliseconds when the value is not a whole second.
 */
export function formatDuration(d: Duration): string {
  const ms = d.toMilliseconds();
  if (ms === 0) return '0s';
  if (ms % 1000 !== 0) return `${ms}ms`;
  let s = ms / 1000;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
}

/** The longest Go `time.Duration` (int64 nanoseconds, about 292 years) in whole milliseconds. */
export const MAX_GO_DURATION_MS = 9223372036854;

/**
 * Milliseconds of a Duration, fractions and NaN included. Never throws: cdk8s' own `toMilliseconds()` throws
 * for `Duration.millis(0.5)` or `Duration.seconds(NaN)` without naming the prop; callers check and refuse.
 */
export function durationMillis(d: Duration): number {
  return d.toMilliseconds({ integral: false });
}
