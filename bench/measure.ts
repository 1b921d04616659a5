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

/** Runs `work` once (timed), then counts what it wrote (not timed) and prints the measurement line. */
export function measure(outdir: string, work: () => void): void {
  const start = process.hrtime.bigint();
  work();
  const workMs = Number(process.hrtime.bigint() - start) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const { objects, bytes } = writtenBelow(outdir);
  const m: Measurement = { workMs, rssMb, objects, bytes };
  console.log(JSON.stringify(m));
}

/** Objects (top-level `kind:` lines) and bytes of the manifests below a directory. */
export function writtenBelow(dir: string): { objects: number; bytes: number } {
  let objects = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.yaml') || e.name === 'Chart.yaml' || e.name === 'values.yaml') continue;
    const text = fs.readFileSync(path.join(e.parentPath, e.name), 'utf-8');
    objects += (text.match(/^kind: /gm) ?? []).length;
    bytes += Buffer.byteLength(text);
  }
  return { objects, bytes };
}

/** argv of a variant process: <services> <outdir> */
export function variantArgs(): { services: number; outdir: string } {
  const [services, outdir] = process.argv.slice(2);
  if (!services || !outdir) throw new Error('usage: <variant>.js <services> <outdir>');
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  return { services: Number(services), outdir };
}
