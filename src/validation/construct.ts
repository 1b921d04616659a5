import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { propMessage } from '../common';
import { registerAppChecks, setLibraryObjectTest, warnOnce } from './app';
import { validateObject } from './index';
import { Problem, ProblemSeverity } from './problem';
import { oncePerSynth, renderedForValidation, scopeSynthsOf } from '../synth/render-once';

/**
 * Maps a Problem's JSON path in one rendered object to the prop that produced it
 * (`spec.http[0].retries.retryOn` → `defaultRoute.retries.retryOn`), or undefined to report the JSON path.
 */
export type PropMapper = (obj: ApiObject, jsonPath: string) => string | undefined;

/** Constructs that validate the objects below them; an outer one leaves their subtrees to them. */
const validatingScopes = new WeakSet<IConstruct>();

/** The message a construct reports for a Problem: `'prop' (value) must … [rule]`, the prop mapped where it can be. */
export function problemMessage(problem: Problem, prop?: string): string {
  const name = prop ?? (problem.path === '' ? '(object)' : problem.path);
  return `${propMessage(name, problem.value, problem.message)} [${problem.rule}]`;
}

/**
 * At synth, validates every ApiObject below `scope` as rendered (after every escape-hatch edit) with the
 * validation layer, once per object: errors fail the synth under the construct path, warnings are recorded
 * on `scope` (`addWarning`). Objects below a nested construct that validates its own are left to it. Call it
 * once, in the constructor of each construct that writes objects.
 */
export function validateWrittenObjects(scope: IConstruct, propOf?: PropMapper): void {
  validatingScopes.add(scope);
  registerAppChecks(scope);
  scopeSynthsOf(scope);
  scope.node.addValidation({
    validate: oncePerSynth(() => {
      const errors: string[] = [];
      for (const obj of ownApiObjects(scope)) {
        const where = obj.node.path === scope.node.path ? '' : `${obj.kind} ${obj.name}: `;
        for (const problem of problemsOf(obj, renderedForValidation(obj))) {
          const message = where + problemMessage(problem, propOf?.(obj, problem.path));
          if (problem.severity === ProblemSeverity.ERROR) errors.push(message);
          else warnOnce(scope, message);
        }
      }
      return errors;
    }),
  });
}

/** Whether an ApiObject was written by a construct that validates what it writes (one of the library's). */
function isLibraryObject(obj: ApiObject): boolean {
  for (let c: IConstruct | undefined = obj; c; c = c.node.scope) if (validatingScopes.has(c)) return true;
  return false;
}
setLibraryObjectTest(isLibraryObject);

/**
 * cdk8s validates the whole App once per chart during one synth, on the synth's one render of each object: an
 * object is validated once per render.
 */
const validated = new WeakMap<ApiObject, { json: any; problems: Problem[] }>();

function problemsOf(obj: ApiObject, json: any): Problem[] {
  const cached = validated.get(obj);
  if (cached !== undefined && cached.json === json) return cached.problems;
  const problems = validateObject(json);
  validated.set(obj, { json, problems });
  return problems;
}

/** The ApiObjects below `scope`, not descending into nested constructs that validate their own. */
function ownApiObjects(scope: IConstruct): ApiObject[] {
  const found: ApiObject[] = [];
  const visit = (c: IConstruct) => {
    if (c instanceof ApiObject) found.push(c);
    for (const child of c.node.children) {
      if (!validatingScopes.has(child)) visit(child);
    }
  };
  visit(scope);
  return found;
}
