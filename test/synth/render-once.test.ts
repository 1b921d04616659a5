import * as fs from 'fs';
import { App, Chart, JsonPatch, Testing } from 'cdk8s';
import { CanaryService } from '../../src';

function shop(outdir = fs.mkdtempSync('/tmp/render-once-')) {
  const app = new App({ outdir });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const canary = new CanaryService(chart, 'web', {
    versions: [
      { name: 'v1', containers: [{ image: 'nginx:1.27', portNumber: 8080 }] },
      { name: 'v2', containers: [{ image: 'nginx:1.28', portNumber: 8080 }] },
    ],
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    canaryWeight: 10,
  });
  // a second chart: cdk8s validates the whole App once more for every chart it writes
  new Chart(app, 'extras', { namespace: 'shop' });
  return { app, chart, canary };
}

describe('one render per object per synth', () => {
  test('app.synth() renders each object once, for the validators and the writer alike', () => {
    // GIVEN an app whose VirtualService render is counted
    const { app, canary } = shop();
    const render = jest.spyOn(Object.getPrototypeOf(canary.virtualService), 'toJson');
    try {
      // WHEN it synthesizes (validation twice or more, cross-object checks, writing)
      app.synth();
      // THEN the VirtualService was rendered once
      expect(render).toHaveBeenCalledTimes(1);
      // and a second synth renders it again (nothing is kept between synths)
      app.synth();
      expect(render).toHaveBeenCalledTimes(2);
    } finally {
      render.mockRestore();
    }
  });

  test('Testing.synth(chart) renders each object once', () => {
    const { chart, canary } = shop();
    const render = jest.spyOn(Object.getPrototypeOf(canary.destinationRule), 'toJson');
    try {
      const objects = Testing.synth(chart);
      expect(objects.filter(o => o.kind === 'DestinationRule')).toHaveLength(1);
      expect(render).toHaveBeenCalledTimes(1);
    } finally {
      render.mockRestore();
    }
  });

  test('outside a synth toJson() renders afresh: an edit after a synth is seen, and validated at the next synth', () => {
    // GIVEN an app synthesized once
    const { chart, canary } = shop();
    Testing.synth(chart);
    // WHEN an escape hatch breaks the split after that synth
    canary.virtualService.addJsonPatch(JsonPatch.replace('/spec/http/0/route/0/weight', -5));
    // THEN toJson() shows the edit at once
    expect(canary.virtualService.toJson().spec.http[0].route[0].weight).toBe(-5);
    // and the next synth validates the edited object
    expect(() => Testing.synth(chart)).toThrow(/weight/);
  });

  test('a validation run outside a synth (node.validate()) checks the objects as they are now', () => {
    const { canary } = shop();
    expect(canary.node.validate()).toEqual([]);
    canary.destinationRule.addJsonPatch(JsonPatch.replace('/spec/host', 'other'));
    expect(canary.node.validate().join('\n')).toMatch(/destinationRule\.spec\.host.*IST0174/);
  });
});
