import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { describeValue, propError, requireProp } from '../../src/common';

describe('prop errors', () => {
  const chart = Testing.chart();
  const scope = new Construct(chart, 'frontend');

  test('name the construct path, the prop, the value and what is allowed', () => {
    expect(propError(scope, 'canaryWeight', 120, 'must be an integer from 0 to 100').message)
      .toBe("[test/frontend] 'canaryWeight' (120) must be an integer from 0 to 100");
  });

  test('requireProp throws only when the condition fails', () => {
    expect(() => requireProp(true, scope, 'x', 1, 'ok')).not.toThrow();
    expect(() => requireProp(false, scope, 'port', 'http', 'must be a number')).toThrow("[test/frontend] 'port' (\"http\") must be a number");
  });

  test('describe values without [object Object] or losing strings', () => {
    expect(describeValue({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(describeValue('yes')).toBe('"yes"');
    expect(describeValue(undefined)).toBe('undefined');
  });
});
