import { ApiObject, Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { helmTemplate, lintStrict, synthUmbrella } from './util';
import { UmbrellaChart } from '../../src/helm';
import { escapeTemplate, helmRemovesText } from '../../src/helm/escape';
import { synthValid } from '../util/validate';

describe('template escaping', () => {
  test('every {{ becomes an action printing {{; a lone }} is left alone', () => {
    expect(escapeTemplate('a {{ $labels.instance }} b')).toBe('a {{"{{"}} $labels.instance }} b');
    expect(escapeTemplate('{{{x}}}')).toBe('{{"{{"}}{x}}}');
    expect(escapeTemplate('{{{{')).toBe('{{"{{"}}{{"{{"}}');
    expect(escapeTemplate('only }} here')).toBe('only }} here');
    expect(escapeTemplate('no braces')).toBe('no braces');
  });

  test('"<no value>" is the one text Helm changes after rendering', () => {
    expect(helmRemovesText('x <no value> y')).toBe(true);
    expect(helmRemovesText('<no  value>')).toBe(false);
  });

  test('helm renders arbitrary template-like text back unchanged (property, one helm run)', () => {
    // GIVEN 300 strings built from Go-template and YAML punctuation, whitespace, line breaks and the "<no value>"
    // Helm deletes from rendered text, in ConfigMap data and an annotation
    const token = fc.constantFrom('{{', '}}', '{', '}', '{{-', '-}}', '{{/*', '*/}}', '-', ' ', '\n', '\t', '"', "'", '`', '$',
      '.', '|', ':', '#', '---', '\\', 'end', 'if .X', 'é', '💥', 'a', '0', '\n\n', ' \n', '\r', '<no value>', '\u0085', '\u2028');
    const texts = fc.sample(fc.array(token, { maxLength: 24 }).map(t => t.join('')), { seed: 42, numRuns: 300 });
    const app = Testing.app();
    const chart = new Chart(app, 'texts', { namespace: 'shop' });
    const data = {
      ...Object.fromEntries(texts.map((t, i) => [`k${i}`, t])),
      // what cdk8s's own YAML would carry wrongly through Helm: a "|+" block, a block starting with a tab
      zKeep: 'line\n\n',
      zTab: '\tindented\nnext\n',
      zNoValue: 'x: <no value>\n',
    };
    new ApiObject(chart, 'cm', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'texts', annotations: { 'example.com/template': '{{ .Values.x }} }}' } }, data,
    });
    const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0' });
    umbrella.addSubchart(chart);
    const expected = synthValid(chart);
    // WHEN
    const dir = synthUmbrella(umbrella);
    const rendered = helmTemplate(dir).map(r => r.object);
    // THEN
    expect(rendered).toEqual(expected);
    expect(rendered[0].data).toEqual(data);
    expect(() => lintStrict(dir)).not.toThrow();
  });

  test('the word the writer uses for template expressions is refused in literal text, as a key or a value', () => {
    for (const data of [{ note: 'see cdk8spatternsexpr0x' }, { cdk8spatternsexpr1x: 'a' }]) {
      const app = Testing.app();
      const chart = new Chart(app, 'texts', { namespace: 'shop' });
      new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'texts' }, data });
      const umbrella = new UmbrellaChart(app, 'shop', { version: '1.0.0' });
      umbrella.addSubchart(chart);
      expect(() => synthUmbrella(umbrella)).toThrow('manifest text contains "cdk8spatternsexpr", which the chart writer reserves');
    }
  });
});

