import { ApiObject, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { synthValid, validateObjects } from './validate';
import { istio } from '../../src';

// The oracle itself must fail when it should, or every other test proves nothing.
describe('shared validation helper', () => {
  test('accepts valid Kubernetes and Istio objects', () => {
    const chart = Testing.chart();
    new k8s.KubeService(chart, 'svc', { metadata: { name: 'reviews' }, spec: { ports: [{ port: 9080, name: 'http' }] } });
    new istio.VirtualService(chart, 'vs', {
      metadata: { name: 'reviews' },
      spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 100 }] }] },
    });
    const objects = synthValid(chart);
    expect(objects.map(o => o.kind)).toEqual(['Service', 'VirtualService']);
  });

  test('rejects a Kubernetes object that breaks its schema', () => {
    const chart = Testing.chart();
    new ApiObject(chart, 'bad', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'three' } });
    expect(() => synthValid(chart)).toThrow(/apps\/v1 Deployment x: .*replicas/s);
  });

  test('rejects an Istio object that breaks Istio\'s schema', () => {
    expect(() => validateObjects([{
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'reviews' },
      spec: { hosts: 'reviews' },
    }])).toThrow(/VirtualService reviews: .*hosts/s);
  });

  test('rejects an object of a kind no schema knows', () => {
    expect(() => validateObjects([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }]))
      .toThrow(/no schema knows example.com\/v1 Widget/);
  });

  test('validates a custom resource against a CRD in the same output', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'ats.cnat.programming-kubernetes.info' },
      spec: {
        group: 'cnat.programming-kubernetes.info',
        scope: 'Namespaced',
        names: { kind: 'At', plural: 'ats', singular: 'at', listKind: 'AtList' },
        versions: [{
          name: 'v1alpha1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: { type: 'object', required: ['schedule'], properties: { schedule: { type: 'string' } } } },
            },
          },
        }],
      },
    };
    const good = { apiVersion: 'cnat.programming-kubernetes.info/v1alpha1', kind: 'At', metadata: { name: 'a' }, spec: { schedule: '2019-07-03T02:00:00Z' } };
    const bad = { ...good, spec: { command: 'echo' } };
    expect(() => validateObjects([crd, good])).not.toThrow();
    expect(() => validateObjects([crd, bad])).toThrow(/At a: does not match its CRD schema: \/spec must have required property 'schedule'/);
  });

  test('reads CRD schemas the way the apiserver does', () => {
    const crd = (openAPIV3Schema: any) => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: 'Widget', plural: 'widgets' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema } }],
      },
    });
    const widget = (spec: any) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', labels: { app: 'x' } }, spec });
    const schema = {
      type: 'object',
      properties: {
        metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } },
        spec: {
          type: 'object',
          required: ['size', 'mode'],
          properties: {
            size: { type: 'integer', minimum: 0, exclusiveMinimum: true },
            mode: { type: 'string', default: 'fast' },
          },
        },
      },
    };
    // a metadata restriction does not forbid labels; a required field with a default is defaulted
    expect(() => validateObjects([crd(schema), widget({ size: 1 })])).not.toThrow();
    // OpenAPI 3.0 boolean exclusiveMinimum: 0 is out
    expect(() => validateObjects([crd(schema), widget({ size: 0 })])).toThrow(/\/spec\/size must be > 0/);
    // defaulting happened on a copy
    const w = widget({ size: 1 });
    validateObjects([crd(schema), w]);
    expect(w.spec).toEqual({ size: 1 });
  });
});
