import * as fs from 'fs';
import * as path from 'path';

/** A table ported from an upstream Go test function: the upstream file, function and tag, and its cases. */
export interface Table<C> {
  readonly upstream: string;
  readonly cases: C[];
}

/** Reads a ported table from tables/. */
export function table<C>(file: string): Table<C> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'tables', file), 'utf8'));
}

/** What happened to one upstream case. */
export type Outcome =
  | { readonly kind: 'agree' }
  | { readonly kind: 'disagree'; readonly detail: string }
  | { readonly kind: 'stricter'; readonly reason: string }
  | { readonly kind: 'not expressible'; readonly reason: string };

/** The counts a conformance test prints and asserts. */
export interface Counts {
  readonly ported: number;
  readonly agreeing: number;
  readonly stricter: number;
  readonly notExpressible: number;
  readonly disagreeing: string[];
}

/** Tallies outcomes by case name and prints the counts line the docs quote. */
export function tally(title: string, outcomes: Array<[string, Outcome]>): Counts {
  const counts = {
    ported: outcomes.length,
    agreeing: outcomes.filter(([, o]) => o.kind === 'agree').length,
    stricter: outcomes.filter(([, o]) => o.kind === 'stricter').length,
    notExpressible: outcomes.filter(([, o]) => o.kind === 'not expressible').length,
    disagreeing: outcomes.filter(([, o]) => o.kind === 'disagree').map(([n, o]) => `${n}: ${(o as any).detail}`),
  };
  // eslint-disable-next-line no-console
  console.log(`${title}: ported ${counts.ported}, agreeing ${counts.agreeing}, stricter by design ${counts.stricter}, not expressible ${counts.notExpressible}, disagreeing ${counts.disagreeing.length}`);
  return counts;
}
