import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { addWarning, propMessage } from '../common';
import { validateObject } from './index';
import { Problem, ProblemSeverity } from './problem';

/**
 * Maps a Problem's JSON path in the rendered object to the prop that produced it
 * (`spec.http[0].retries.retryOn` → `defaultRoute.retries.retryOn`), or undefined to report the JSON path.
 */
export type PropMapper = (jsonPath: string) => string | undefined;

/** The message a construct reports for a Problem: `'prop' (value) must … [rule]`, the prop mapped where it can be. */
export function problemMessage(problem: Problem, propOf?: PropMapper): string {
  const prop = propOf?.(problem.path) ?? (problem.path === '' ? '(object)' : problem.path);
  return `${propMessage(prop, problem.value, problem.message)} [${problem.rule}]`;
}

/**
 * Validates what `obj` renders to at synth, after every escape-hatch edit: errors fail the synth with the
 * construct path, warnings are recorded on `scope` (see `addWarning`).
 */
export function validateRendered(scope: IConstruct, obj: ApiObject, propOf?: PropMapper): void {
  scope.node.addValidation({
    validate: () => {
      const errors: string[] = [];
      for (const problem of validateObject(obj.toJson())) {
        const message = problemMessage(problem, propOf);
        if (problem.severity === ProblemSeverity.ERROR) errors.push(message);
        else addWarning(scope, message);
      }
      return errors;
    },
  });
}
