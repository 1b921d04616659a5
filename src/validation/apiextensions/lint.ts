import { ProblemCollector } from '../problem';
import { isPlainObject, jsonType } from './json';
import { validateValue } from './value';

const RULE = 'cdk8s-patterns schema lint (the API server accepts it)';

/**
 * Warnings, not errors: schema mistakes the API server accepts but that make objects impossible or the schema
 * meaningless — enum values the node's own schema refuses, required fields that pruning removes, inverted
 *bounds.
 */
export function lintSchema(s: any, problems: ProblemCollector): void {
  if (!isPlainObject(s)) return;
  if (Array.isArray(s.enum)) {
    const own = { ...s };
    delete own.enum;
    delete own.default;
    s.enum.forEach((v: unknown, i: number) => {
      const scratch = ProblemCollector.root();
      validateValue(own, v, scratch);
      const first = scratch.problems.find(p => p.severity === 'error');
      if (first) problems.at('enum').warning(i, v, `can never be stored: the node's own schema refuses it (${first.message})`, RULE);
    });
  }
  if (Array.isArray(s.required) && s['x-kubernetes-preserve-unknown-fields'] !== true && !isPlainObject(s.additionalProperties)) {
    const known = Object.keys(isPlainObject(s.properties) ? s.properties : {});
    s.required.forEach((name: unknown, i: number) => {
      if (typeof name === 'string' && !known.includes(name)) {
        problems.at('required').warning(i, name, `names no property (${known.map(k => JSON.stringify(k)).join(', ') || 'none'}): the API server prunes a field the schema does not list, so no object can have it`, RULE);
      }
    });
  }
  for (const [min, max] of [['minimum', 'maximum'], ['minLength', 'maxLength'], ['minItems', 'maxItems'], ['minProperties', 'maxProperties']]) {
    if (jsonType(s[min]) !== 'null' && typeof s[min] === 'number' && typeof s[max] === 'number' && s[min] > s[max]) {
      problems.warning(min, s[min], `is greater than '${max}' (${s[max]}): no value can be valid`, RULE);
    }
  }
  if (isPlainObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) lintSchema(v, problems.at('properties', k));
  if (isPlainObject(s.items)) lintSchema(s.items, problems.at('items'));
  if (isPlainObject(s.additionalProperties)) lintSchema(s.additionalProperties, problems.at('additionalProperties'));
}
