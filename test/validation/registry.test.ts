/**
 * validateObject finds each kind's validator through its area, loaded on first use by API group: every
 * validator of every area is reachable that way, and kinds no area validates have none.
 */
import { validatorOf } from '../../src/validation';
import { VALIDATORS as APIEXTENSIONS } from '../../src/validation/apiextensions';
import { VALIDATORS as GATEWAY } from '../../src/validation/gateway';
import { VALIDATORS as ISTIO } from '../../src/validation/istio';
import { VALIDATORS as KUBERNETES } from '../../src/validation/kubernetes';

describe('validator registry', () => {
  test.each(Object.entries({ KUBERNETES, ISTIO, APIEXTENSIONS, GATEWAY }))('every %s validator is found by its apiVersion and kind', (_area, validators) => {
    expect(Object.keys(validators).length).toBeGreaterThan(0);
    for (const [key, validator] of Object.entries(validators)) {
      const slash = key.lastIndexOf('/');
      expect(validatorOf(key.slice(0, slash), key.slice(slash + 1))).toBe(validator);
    }
  });

  test('kinds no area validates have no validator', () => {
    expect(validatorOf('v1', 'Pod')).toBeUndefined();
    expect(validatorOf('example.com/v1', 'Widget')).toBeUndefined();
    expect(validatorOf(undefined, undefined)).toBeUndefined();
  });
});
