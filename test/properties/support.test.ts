import { Chart, Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parse } from 'yaml';
import { expectLibraryError, NASTY_STRINGS, synthOrRefuse } from './support';
import { propError } from '../../src/common';

describe('property support', () => {
  test('a valid chart with nasty label values round-trips through YAML as strings', () => {
    const outcome = synthOrRefuse(() => {
      const chart = Testing.chart();
      const cm = new kplus.ConfigMap(chart, 'cm');
      NASTY_STRINGS.forEach((s, i) => cm.addData(`k${i}`, s));
      return chart;
    });
    expect(outcome.kind).toBe('valid');
    if (outcome.kind !== 'valid') return;
    const data = outcome.objects[0].data;
    expect(NASTY_STRINGS.map((_, i) => data[`k${i}`])).toEqual(NASTY_STRINGS);
  });

  test('the library error is accepted, a TypeError is not', () => {
    const chart = new Chart(Testing.app(), 'c');
    expect(expectLibraryError(propError(chart, 'weights', 1, 'must be more'))).toBe("[c] 'weights' (1) must be more");
    expect(() => expectLibraryError(new TypeError("[c] 'x' nope"))).toThrow(/threw TypeError/);
    expect(() => expectLibraryError(new Error('plain'))).toThrow(/does not name the construct path/);
    const outcome = synthOrRefuse(() => { throw propError(chart, 'p', 'v', 'is wrong'); });
    expect(outcome).toEqual({ kind: 'refused', message: "[c] 'p' (\"v\") is wrong" });
  });

  test('cdk8s writes 0o-prefixed strings plain, which YAML 1.2 and Go\'s ParseInt read as numbers (upstream, in the README)', () => {
    const yaml = Yaml.stringify({ data: { octal: '0o17', yes: 'yes' } });
    expect(yaml).toBe('data:\n  octal: 0o17\n  "yes": "yes"\n');
    expect(parse(yaml)).toEqual({ data: { octal: 15, yes: 'yes' } });
  });

  test('undefined in the YAML fails the property', () => {
    expect(() => synthOrRefuse(() => {
      const chart = Testing.chart();
      new kplus.ConfigMap(chart, 'cm', { data: { a: 'undefined' } });
      return chart;
    })).toThrow(/synthesized YAML contains "undefined"/);
  });
});
