/**
 * `node bench/out/profile.js <file.cpuprofile> [top]`: self time of a `node --cpu-prof` profile, grouped by
 * function and by package, so a profile can be read in a terminal and quoted in a note.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/out/variants/ours.js 1000 /tmp/out
 *   node bench/out/profile.js /tmp/prof/*.cpuprofile
 */
import * as fs from 'fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } = JSON.parse(fs.readFileSync(file, 'utf-8'));
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (m) return `${m[1]}/${m[2]}`;
  const own = url.match(/\/(lib\/(?:src|imports)\/.*)$/);
  return own ? `cdk8s-patterns/${own[1]}` : url.replace(/^.*\//, '') || '(native)';
}
const pkg = (url: string) => where(url).split('/').slice(0, where(url).startsWith('@') ? 2 : 1).join('/');

const fn = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  packages.set(pkg(n.callFrame.url), (packages.get(pkg(n.callFrame.url)) ?? 0) + us);
}
const show = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
  .forEach(([k, us]) => console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${(100 * us / total).toFixed(1).padStart(5)}%  ${k}`));
// inclusive time of the library's own functions (a frame counted once per stack, however deep it recurses)
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    if (!where(n.callFrame.url).startsWith('cdk8s-patterns/')) continue;
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}

console.log(`total ${(total / 1000).toFixed(0)} ms\n\nself time by package:`);
show(packages, 12);
console.log('\nself time by function:');
show(fn, top);
console.log('\ninclusive time of cdk8s-patterns functions:');
show(inclusive, top);
