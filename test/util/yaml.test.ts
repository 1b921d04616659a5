import { parse } from 'yaml';
import { KUBERNETES_YAML } from './yaml';

describe('KUBERNETES_YAML parse options', () => {
  test('read YAML 1.1 as go-yaml does: yes/on/0123 are not strings, e8 is', () => {
    expect(parse('a: yes\nb: on\nc: 0123\nd: 1e3\ne: e8\nf: E5\ng: .5e1\nh: "e8"', KUBERNETES_YAML))
      .toEqual({ a: true, b: true, c: 83, d: 1000, e: 'e8', f: 'E5', g: 5, h: 'e8' });
  });

  test('the fix is needed: the yaml package alone reads e8 as NaN', () => {
    expect(parse('e: e8', { version: '1.1' }).e).toBeNaN();
  });
});
