/**
 * Shared pieces of the property-based tests (fast-check): nasty inputs, bounded run settings, and the
 * one property every construct must meet: synthesis either produces manifests that pass the shared
 * schema oracle, serialize to YAML without `undefined` / `[object Object]` / `NaN`, and come back
 * unchanged from a YAML 1.1 round trip, or it throws the library's own error naming the construct path
 * and the prop. Never a TypeError, never a stack overflow.
 */
import { Chart, Testing, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { ManifestObject, validateObjects } from '../util/validate';
import { KUBERNETES_YAML } from '../util/yaml';

/** Bounded, reproducible runs: a fixed seed (override with FC_SEED) and a run count per property. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261202;
  return { numRuns, seed, endOnFailure: true };
}

/**
 * Strings YAML would re-type or treat specially, template braces, unicode and control characters.
 * None contains `undefined`, `[object Object]` or `NaN`, so seeing those in output is always a bug.
 */
export const NASTY_STRINGS: readonly string[] = [
  'yes', 'no', 'on', 'off', 'true', 'false', 'y', 'n', 'null', '~', '', ' ', '  lead', 'trail  ',
  '0x1', '0o17', '0123', '1.0', '1e3', '-1', '.inf', '-.inf', '.nan', '12:30', '2019-07-03', '2019-07-03T02:00:00Z',
  '*alias', '&anchor', '#comment', '!tag', '%directive', '@at', '`tick', '- dash', '? key', ': colon', 'a: b', 'a #b',
  '|', '>', '"', "'", '\\', '{{ $labels.instance }}', '{{', '}}', '{{- end }}', '${VAR}', '[a]', '{a: 1}',
  'line\nbreak', 'tab\there', 'cr\rhere', '\u0000nul', '\u00e9t\u00e9', '\u65e5\u672c\u8a9e', '\ud83d\ude80 rocket', '\u200bzero-width',
  'a'.repeat(300),
];

/** One of the nasty strings, or an arbitrary unicode string. */
export function nastyString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).filter(s => !/undefined|NaN|\[object Object\]/.test(s)) },
  );
}

/** Numbers at and around the edges people get wrong. */
export function boundaryNumber(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(-1, 0, 1, 2, 99, 100, 101, 3600, 3601, 1800, 1801, 65535, 65536, 86400, 86401, 0.5, -0.5, 1e9, 2 ** 31, 2 ** 53),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.integer({ min: -10, max: 200 }),
  );
}

/** What one synthesis came to. */
export type Outcome =
  | { readonly kind: 'valid'; readonly objects: ManifestObject[]; readonly yaml: string }
  | { readonly kind: 'refused'; readonly message: string };

/** Counts of each outcome over a property run, so a test can prove both branches were exercised. */
export class OutcomeTally {
  public valid = 0;
  public refused = 0;
  public readonly messages: string[] = [];

  /** Records one outcome. */
  public add(outcome: Outcome): Outcome {
    if (outcome.kind === 'valid') {
      this.valid++;
    } else {
      this.refused++;
      if (this.messages.length < 50) this.messages.push(outcome.message);
    }
    return outcome;
  }
}

/**
 * Runs `build` (construct the charts) and synthesizes; asserts the property described at the top of
 * this file and says which way it went. `build` returns the charts to synthesize together.
 */
export function synthOrRefuse(build: () => Chart | Chart[]): Outcome {
  let objects: ManifestObject[];
  try {
    const built = build();
    const charts = Array.isArray(built) ? built : [built];
    objects = charts.flatMap(c => Testing.synth(c) as ManifestObject[]);
  } catch (e) {
    return { kind: 'refused', message: expectLibraryError(e) };
  }
  validateObjects(objects);
  const yaml = Yaml.stringify(...objects);
  const bad = /\bundefined\b|\[object Object\]|\bNaN\b/.exec(yaml);
  if (bad) throw new Error(`synthesized YAML contains ${JSON.stringify(bad[0])}:\n${excerpt(yaml, bad.index)}`);
  // YAML 1.1 is what cdk8s writes and what Kubernetes' go-yaml reads (`yes`, `on`, `0123` are not strings there)
  const parsed = parseAllDocuments(yaml, KUBERNETES_YAML).map(d => d.toJS());
  expect(parsed).toEqual(JSON.parse(JSON.stringify(objects)));
  return { kind: 'valid', objects, yaml };
}

/**
 * Asserts that `e` is the library's own refusal: a plain Error (not a TypeError, RangeError or a
 * stack overflow) whose message names a construct path `[a/b]` and a prop `'prop'`. Returns the message.
 */
export function expectLibraryError(e: unknown): string {
  if (!(e instanceof Error)) throw new Error(`threw a non-Error: ${String(e)}`);
  if (e.name !== 'Error' || e instanceof TypeError || e instanceof RangeError) {
    throw new Error(`threw ${e.name} instead of the library's error: ${e.message}\n${e.stack}`);
  }
  if (!/\[[^\]\s]+\]/.test(e.message) || !/'[^']+'/.test(e.message)) {
    throw new Error(`error does not name the construct path and the prop: ${e.message}\n${e.stack}`);
  }
  if (/\[object Object\]/.test(e.message)) throw new Error(`error message shows [object Object]: ${e.message}`);
  return e.message;
}

function excerpt(text: string, at: number): string {
  return text.slice(Math.max(0, at - 300), at + 100);
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet']);

/**
 * Asserts the restricted securityContext on every pod the objects run (the library's default):
 * pod `runAsNonRoot` and seccomp RuntimeDefault; each container and init container with
 * `allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true`, not privileged, `capabilities.drop: [ALL]`.
 * Returns how many workloads were checked.
 */
export function expectRestrictedWorkloads(objects: readonly ManifestObject[]): number {
  let checked = 0;
  for (const obj of objects.filter(o => WORKLOAD_KINDS.has(o.kind))) {
    const template = obj.kind === 'CronJob' ? obj.spec.jobTemplate.spec.template : obj.spec.template;
    const pod = template.spec;
    const where = `${obj.kind} ${obj.metadata.name}`;
    expect({ where, runAsNonRoot: pod.securityContext?.runAsNonRoot, seccomp: pod.securityContext?.seccompProfile?.type })
      .toEqual({ where, runAsNonRoot: true, seccomp: 'RuntimeDefault' });
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      const sc = c.securityContext ?? {};
      const actual = { ape: sc.allowPrivilegeEscalation, ro: sc.readOnlyRootFilesystem, priv: sc.privileged ?? false, drop: sc.capabilities?.drop };
      expect({ where, container: c.name, sc: actual })
        .toEqual({ where, container: c.name, sc: { ape: false, ro: true, priv: false, drop: ['ALL'] } });
    }
    checked++;
  }
  return checked;
}
