import { Problem, ProblemCollector } from './problem';
import { ObjectValidator } from './validator';

export * from './problem';

/** The areas of validators, each loaded on first use, chosen by the API group of an object's `apiVersion`. */
const AREAS: Record<string, () => Record<string, ObjectValidator>> = {
  /* eslint-disable @typescript-eslint/no-require-imports */
  kubernetes: () => require('./kubernetes').VALIDATORS,
  istio: () => require('./istio').VALIDATORS,
  apiextensions: () => require('./apiextensions').VALIDATORS,
  gateway: () => require('./gateway').VALIDATORS,
  /* eslint-enable @typescript-eslint/no-require-imports */
};
const loaded = new Map<string, Map<string, ObjectValidator>>();

function areaOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (group === 'networking.istio.io') return 'istio';
  if (group === 'apiextensions.k8s.io') return 'apiextensions';
  if (group === 'gateway.networking.k8s.io') return 'gateway';
  return 'kubernetes';
}

/** The validator of an `apiVersion/kind`, loading only its area (an app with no CRD never loads the CRD rules). */
export function validatorOf(apiVersion: unknown, kind: unknown): ObjectValidator | undefined {
  const area = areaOf(String(apiVersion));
  let validators = loaded.get(area);
  if (!validators) {
    validators = new Map(Object.entries(AREAS[area]()));
    loaded.set(area, validators);
  }
  return validators.get(`${apiVersion}/${kind}`);
}

/**
 * Validates one rendered object with the validator for its `apiVersion/kind`; an object of a kind no
 * validator knows has no problems.
 */
export function validateObject(obj: any): Problem[] {
  const problems = ProblemCollector.root();
  const validator = validatorOf(obj?.apiVersion, obj?.kind);
  if (validator) validator(obj, problems);
  return [...problems.problems];
}
