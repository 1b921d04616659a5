import { SimulationStep } from './model';

/** A metric column of the chart. */
export interface TimelineColumn {
  readonly name: string;
  readonly format: (value: number) => string;
}

const MAX_BAR = 40;

/**
 * The text chart of `HpaSimulator.timeline()`: one row per sync, consecutive rows that differ only in
 * time folded into a `…` line. Deterministic: widths come from the content only. Internal.
 */
export function renderTimeline(steps: readonly SimulationStep[], maxReplicas: number, columns: readonly TimelineColumn[]): string {
  const barWidth = Math.min(maxReplicas, MAX_BAR);
  const bar = (replicas: number) => {
    const filled = Math.round(Math.min(replicas, maxReplicas) / maxReplicas * barWidth);
    return `${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)} ${replicas}`;
  };
  const header = ['time', ...columns.map(c => c.name), `replicas (max ${maxReplicas})`, 'reason'];
  const rows: string[][] = [];
  let previous: string | undefined;
  let folded = 0;
  const flushFolded = () => {
    if (folded > 0) rows.push(['…', ...columns.map(() => ''), `${folded} more alike`, '']);
    folded = 0;
  };
  for (const step of steps) {
    const values = columns.map((c, i) => {
      const r = step.metrics[i];
      return !r ? '' : r.unavailable ? 'n/a' : c.format(r.current!);
    });
    const row = [clock(step.time), ...values, bar(step.replicas), step.reason];
    const key = JSON.stringify(row.slice(1));
    if (key === previous) {
      folded++;
      continue;
    }
    flushFolded();
    rows.push(row);
    previous = key;
  }
  flushFolded();
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map(r => r[i].length)));
  return all.map(r => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
