import { ConformanceCase, runTable } from './support';

// kubernetes/apimachinery v0.34.10 (commit df3e724a5b4f96350e9cbde800e7c456dd692b4a) `pkg/api/validation/objectmeta_test.go`,
// run through `v1/ConfigMap` metadata (NameIsDNSSubdomain, namespaced).

const LIMIT = 256 * 1024;
const cm = (metadata: any) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test', ...metadata } });

test('TestValidateObjectMetaNamespaces', () => {
  const random64 = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1eF3hI5kL7nO9qR1tU3wX5zA7cD9fG1iJ3l';
  const cases: ConformanceCase[] = [
    { name: 'namespace foo.bar', valid: false, field: 'metadata.namespace', object: cm({ namespace: 'foo.bar' }) },
    { name: 'namespace of 64 random letters and digits', valid: false, field: 'metadata.namespace', object: cm({ namespace: random64 }) },
  ];
  runTable('TestValidateObjectMetaNamespaces', cases);
});

test('TestValidateObjectMetaCustomName', () => {
  runTable('TestValidateObjectMetaCustomName', [{
    name: 'name "test" accepted, generateName "foo" refused by the name function',
    valid: false,
    notExpressible: 'the case passes a custom name function; a manifest gets its kind\'s own (here "foo" is a valid generateName for every kind)',
  }]);
});

test('TestValidateFinalizersPreventConflictingFinalizers', () => {
  runTable('TestValidateFinalizersPreventConflictingFinalizers', [
    { name: 'conflicting finalizers', valid: false, field: 'metadata.finalizers', message: 'both', object: cm({ finalizers: ['orphan', 'foregroundDeletion'] }) },
  ]);
});

test('TestValidateAnnotations', () => {
  const success: Record<string, string>[] = [
    { simple: 'bar' }, { 'now-with-dashes': 'bar' }, { '1-starts-with-num': 'bar' }, { 1234: 'bar' }, { 'simple/simple': 'bar' },
    { 'now-with-dashes/simple': 'bar' }, { 'now-with-dashes/now-with-dashes': 'bar' }, { 'now.with.dots/simple': 'bar' },
    { 'now-with.dashes-and.dots/simple': 'bar' }, { '1-num.2-num/3-num': 'bar' }, { '1234/5678': 'bar' }, { '1.2.3.4/5678': 'bar' },
    { UpperCase123: 'bar' }, { a: 'b'.repeat(LIMIT - 1) }, { a: 'b'.repeat(LIMIT / 2 - 1), c: 'd'.repeat(LIMIT / 2 - 1) },
  ];
  const nameErrors: Record<string, string>[] = [{ 'nospecialchars^=@': 'bar' }, { 'cantendwithadash-': 'bar' }, { 'only/one/slash': 'bar' }, { ['a'.repeat(254)]: 'bar' }];
  const sizeErrors: Record<string, string>[] = [{ a: 'b'.repeat(LIMIT) }, { a: 'b'.repeat(LIMIT / 2), c: 'd'.repeat(LIMIT / 2) }];
  const short = (a: Record<string, string>) => JSON.stringify(Object.fromEntries(Object.entries(a).map(([k, v]) => [k.length > 20 ? `${k[0]}×${k.length}` : k, v.length > 20 ? `${v[0]}×${v.length}` : v])));
  const cases: ConformanceCase[] = [
    ...success.map((a, i) => ({ name: `successCases[${i}] ${short(a)}`, valid: true, object: cm({ annotations: a }) })),
    ...nameErrors.map((a, i) => ({ name: `nameErrorCases[${i}] ${short(a)}`, valid: false, object: cm({ annotations: a }) })),
    ...sizeErrors.map((a, i) => ({ name: `totalSizeErrorCases[${i}] ${short(a)}`, valid: false, field: 'metadata.annotations', object: cm({ annotations: a }) })),
  ];
  runTable('TestValidateAnnotations', cases);
});
