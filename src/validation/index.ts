import { Problem, ProblemCollector } from './problem';
import { ObjectValidator } from './validator';

export * from './problem';

let registry: Map<string, ObjectValidator> | undefined;

/** Every area's validators, loaded on first use so `require('cdk8s-patterns')` stays cheap. */
function validators(): Map<string, ObjectValidator> {
  if (!registry) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    registry = new Map(Object.entries({
      ...require('./kubernetes').VALIDATORS,
      ...require('./istio').VALIDATORS,
      ...require('./apiextensions').VALIDATORS,
      ...require('./gateway').VALIDATORS,
    }));
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return registry;
}

/**
 * Validates one rendered object with the validator for its `apiVersion/kind`; an object of a kind no
 * validator knows has no problems.
 */
export function validateObject(obj: any): Problem[] {
  const problems = ProblemCollector.root();
  const validator = validators().get(`${obj?.apiVersion}/${obj?.kind}`);
  if (validator) validator(obj, problems);
  return [...problems.problems];
}
