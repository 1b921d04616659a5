import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { CustomResourceDefinition, CustomResourceScope, Schema } from '../../src';
import { ProblemCollector, validateObject } from '../../src/validation';
import { validateCustomResource } from '../../src/validation/apiextensions';

/**
 * Real CRDs, written by generators (Istio's protoc-gen-crd, controller-gen style oneOf/not junctors, CEL rules):
 * the validation layer must accept them as the API server does, and the construct must load their schemas.
 * The Istio 1.30.3 networking CRDs are read from ../shared/crds/ beside the repository (CI lays it there).
 */
const ISTIO = path.resolve(__dirname, '..', '..', '..', 'shared', 'crds', 'istio-1.30.3-networking.yaml');
const crds: any[] = parseAllDocuments(fs.readFileSync(ISTIO, 'utf8')).map(d => d.toJSON()).filter(d => d?.kind === 'CustomResourceDefinition');

describe('the Istio 1.30.3 networking CRDs', () => {
  test('are all there', () => {
    expect(crds.map(c => c.metadata.name).sort()).toEqual(expect.arrayContaining([
      'destinationrules.networking.istio.io', 'gateways.networking.istio.io', 'serviceentries.networking.istio.io', 'virtualservices.networking.istio.io',
    ]));
  });

  test.each(crds.map(c => [c.metadata.name, c]))('%s passes the layer with no error, CEL rules compiled', (_, crd) => {
    const errors = validateObject(crd).filter(p => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  test.each(crds.map(c => [c.metadata.name, c]))('%s loads into CustomResourceDefinition through Schema.fromJson', (_, crd) => {
    const chart = new Chart(Testing.app(), 'test');
    const def = new CustomResourceDefinition(chart, 'crd', {
      group: crd.spec.group,
      kind: crd.spec.names.kind,
      plural: crd.spec.names.plural,
      singular: crd.spec.names.singular,
      listKind: crd.spec.names.listKind,
      shortNames: crd.spec.names.shortNames,
      categories: crd.spec.names.categories,
      scope: crd.spec.scope === 'Cluster' ? CustomResourceScope.CLUSTER : CustomResourceScope.NAMESPACED,
      versions: crd.spec.versions.map((v: any) => ({
        name: v.name,
        served: v.served,
        storage: v.storage,
        schema: Schema.fromJson(v.schema.openAPIV3Schema),
        statusSubresource: v.subresources?.status !== undefined,
      })),
    });
    expect(def.apiObject.toJson().spec.versions.map((v: any) => v.schema.openAPIV3Schema))
      .toEqual(crd.spec.versions.map((v: any) => v.schema.openAPIV3Schema));
  });
});

describe('Istio objects checked against the real CRDs, CEL rules evaluated', () => {
  const crdOf = (kind: string) => crds.find(c => c.spec.names.kind === kind);
  const check = (kind: string, spec: any) => {
    const problems = ProblemCollector.root();
    validateCustomResource(crdOf(kind), { apiVersion: 'networking.istio.io/v1', kind, metadata: { name: 'shop', namespace: 'shop' }, spec }, problems);
    return problems.problems.filter(p => p.severity === 'error').map(p => `${p.path}: ${p.message}`);
  };

  test('a valid VirtualService passes', () => {
    expect(check('VirtualService', {
      hosts: ['shop'],
      http: [{ route: [{ destination: { host: 'shop', subset: 'v1', port: { number: 8080 } }, weight: 100 }], timeout: '2s', retries: { attempts: 3, perTryTimeout: '500ms' } }],
    })).toEqual([]);
  });

  test('a timeout below 1ms breaks Istio\'s own CEL rule', () => {
    expect(check('VirtualService', { hosts: ['shop'], http: [{ route: [{ destination: { host: 'shop' } }], timeout: '0.5ms' }] })).toEqual([
      'spec.http[0].timeout: must satisfy the rule "duration(self) >= duration(\'1ms\')": must be a valid duration greater than 1ms',
    ]);
  });

  test('a port number out of range breaks the rule and the schema bound alike', () => {
    const errors = check('ServiceEntry', { hosts: ['api.example.com'], ports: [{ number: 70000, name: 'https', protocol: 'TLS' }], resolution: 'DNS' });
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('spec.ports[0].number')]));
  });

  test('a rule the schema cannot satisfy is refused when compiled (the checks ran)', () => {
    const crd = JSON.parse(JSON.stringify(crdOf('VirtualService')));
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec['x-kubernetes-validations'] = [{ rule: 'self.hostz.size() > 0' }];
    expect(validateObject(crd).filter(p => p.severity === 'error').map(p => p.message)).toEqual(['compilation failed: No such key: hostz']);
  });
});
