import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { lintStrict, shopCharts, synthUmbrella } from './util';
import { UmbrellaChart, UmbrellaChartProps, VersioningStrategy } from '../../src/helm';
import { CHART_YAML_KEYS } from '../../src/helm/chart-metadata';
import { helm } from '../util/helm';

const FULL: UmbrellaChartProps = {
  name: 'shop',
  version: '2.3.0-rc.1+build.7',
  appVersion: '1.10',
  description: 'The shop: frontend, backend and widgets',
  keywords: ['shop', 'cdk8s'],
  home: 'https://shop.example.com',
  sources: ['https://github.com/example/shop'],
  maintainers: [{ name: 'Shop team', email: 'shop@example.com', url: 'https://example.com/team' }, { name: 'On call' }],
  icon: 'https://shop.example.com/icon.svg',
  kubeVersion: '>=1.27.0-0',
  deprecated: true,
  annotations: { 'example.com/owner': 'shop', 'category': 'commerce' },
};

describe('Chart.yaml metadata', () => {
  test('every field lands in Helm\'s documented order, versions quoted, and helm lint --strict is clean', () => {
    // GIVEN
    const shop = shopCharts();
    const umbrella = new UmbrellaChart(shop.app, 'umbrella', FULL);
    umbrella.addSubchart(shop.backend);
    // WHEN
    const dir = synthUmbrella(umbrella);
    const text = fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf-8');
    const chart = parse(text, { version: '1.1' });
    // THEN
    expect(Object.keys(chart)).toEqual(['apiVersion', 'name', 'version', 'kubeVersion', 'description', 'type', 'keywords', 'home', 'sources',
      'dependencies', 'maintainers', 'icon', 'appVersion', 'deprecated', 'annotations']);
    expect(Object.keys(chart)).toEqual(CHART_YAML_KEYS.filter(k => k in chart));
    expect(chart).toMatchObject({
      version: '2.3.0-rc.1+build.7',
      appVersion: '1.10',
      kubeVersion: '>=1.27.0-0',
      deprecated: true,
      maintainers: [{ name: 'Shop team', email: 'shop@example.com', url: 'https://example.com/team' }, { name: 'On call' }],
      annotations: { 'example.com/owner': 'shop', 'category': 'commerce' },
      dependencies: [{ name: 'backend', version: '2.3.0-rc.1+build.7', condition: 'backend.enabled' }],
    });
    expect(text).toContain('appVersion: "1.10"');
    expect(lintStrict(dir)).toContain('0 chart(s) failed');
    // kubeVersion is enforced by helm
    expect(() => helm(['template', 'release', dir, '--kube-version', '1.26.0'])).toThrow(/chart requires kubeVersion: >=1.27.0-0/);
  });

  test('minimal metadata is lint clean too', () => {
    const shop = shopCharts();
    const umbrella = new UmbrellaChart(shop.app, 'shop', { appVersion: '0.1.0', versioning: VersioningStrategy.LOCK_STEP });
    umbrella.addSubchart(shop.frontend);
    expect(() => lintStrict(synthUmbrella(umbrella))).not.toThrow();
    expect(umbrella.version).toBe('0.1.0');
  });

  test.each([
    [{ home: 'shop.example.com' }, 'home', '"shop.example.com"', 'must be an absolute URL (e.g. "https://example.com/shop")'],
    [{ sources: ['https://ok.example.com', 'not a url'] }, 'sources[1]', '"not a url"', 'must be an absolute URL (e.g. "https://example.com/shop")'],
    [{ icon: '/icon.svg' }, 'icon', '"/icon.svg"', 'must be an absolute URL (e.g. "https://example.com/shop")'],
    [{ maintainers: [{ name: 'a', email: 'nope' }] }, 'maintainers[0].email', '"nope"', 'must be an email address (name@example.com)'],
    [{ maintainers: [{ name: ' ' }] }, 'maintainers[0].name', '" "', 'must be a non-empty string'],
    [{ maintainers: [{ name: 'a', url: 'example.com' }] }, 'maintainers[0].url', '"example.com"', 'must be an absolute URL (e.g. "https://example.com/shop")'],
    [{ keywords: ['shop', ''] }, 'keywords[1]', '""', 'must be a non-empty string'],
    [{ description: '' }, 'description', '""', 'must be a non-empty string'],
    [{ kubeVersion: 'banana' }, 'kubeVersion', '"banana"', 'must be a SemVer range Helm understands, e.g. ">=1.27.0-0", ">= 1.27 < 1.31", "1.27 - 1.30", "^1.28 || ~1.30"'],
    [{ annotations: { team: 42 as any } }, 'annotations["team"]', '42', 'must be a string'],
    [{ appVersion: 'line\nbreak' }, 'appVersion', '"line\\nbreak"', 'must be a non-empty single-line string'],
  ])('refuses %j', (props, prop, shown, allowed) => {
    expect(() => new UmbrellaChart(Testing.app(), 'shop', { version: '1.0.0', ...props }))
      .toThrow(`[shop] '${prop}' (${shown}) ${allowed}`);
  });

  test.each(['>=1.27.0-0', '>= 1.27 < 1.31', '1.27 - 1.30', '^1.28 || ~1.30', '1.x', '~1.29.0', '>1.20, <2.0.0', '=1.30.1'])('accepts kubeVersion %j', (kubeVersion) => {
    expect(new UmbrellaChart(Testing.app(), 'shop', { version: '1.0.0', kubeVersion }).name).toBe('shop');
  });
});
