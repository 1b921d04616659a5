/**
 * What every variant process reports on its last stdout line, as JSON: the in-process time of the work
 * (build + synthesize/write, module loading excluded), peak RSS, and what it wrote.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Measurement {
  readonly workMs: number;
  readonly rssMb: number;
  readonly objects: number;
  readonly bytes: number;
}

/** Runs `work` once, then prints the measurement line. `work` returns the number of objects written. */
export function measure(outdir: string, work: () => number): void {
  const start = process.hrtime.bigint();
  const objects = work();
  const workMs = Number(process.hrtime.bigint() - start) / 1e6;
  const m: Measurement = { workMs, rssMb: process.resourceUsage().maxRSS / 1024, objects, bytes: bytesBelow(outdir) };
  console.log(JSON.stringify(m));
}

export function bytesBelow(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}

/** argv of a variant process: <services> <outdir> */
export function variantArgs(): { services: number; outdir: string } {
  const [services, outdir] = process.argv.slice(2);
  if (!services || !outdir) throw new Error('usage: <variant>.js <services> <outdir>');
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  return { services: Number(services), outdir };
}
