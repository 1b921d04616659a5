import { ConformanceCase, deploymentWithContainer, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/core/validation` TestValidateEnv and TestValidateEnvFrom, read through the search
// index (a stored version of the core validation tests, id 38360241422, before RelaxedEnvironmentVariableValidation);
// ported against v1.34, where that gate is GA and locked on. Cases whose outcome v1.34 changed say so in their
// name and carry v1.34's outcome.

const RELAXED = '[v1.34: RelaxedEnvironmentVariableValidation is GA, any printable ASCII but "=" is a name]';
const env = (vars: any[]) => deploymentWithContainer({ env: vars });
const envFrom = (sources: any[]) => deploymentWithContainer({ envFrom: sources });
const fieldRef = (fieldPath: string, apiVersion: string | undefined = 'v1') => ({ name: 'abc', valueFrom: { fieldRef: { apiVersion, fieldPath } } });
const ENV = 'spec.template.spec.containers[0].env[0]';
const FROM = 'spec.template.spec.containers[0].envFrom';

test('TestValidateEnv', () => {
  const success: any[] = [
    { name: 'abc', value: 'value' }, { name: 'ABC', value: 'value' }, { name: 'AbC_123', value: 'value' }, { name: 'abc', value: '' },
    { name: 'a.b.c', value: 'value' }, { name: 'a-b-c', value: 'value' },
    fieldRef("metadata.annotations['key']"), fieldRef("metadata.labels['key']"), fieldRef('metadata.name'), fieldRef('metadata.namespace'),
    fieldRef('metadata.uid'), fieldRef('spec.nodeName'), fieldRef('spec.serviceAccountName'), fieldRef('status.hostIP'), fieldRef('status.podIP'),
    { name: 'secret_value', valueFrom: { secretKeyRef: { name: 'some-secret', key: 'secret-key' } } },
    { name: 'ENV_VAR_1', valueFrom: { configMapKeyRef: { name: 'some-config-map', key: 'some-key' } } },
  ];
  const cases: ConformanceCase[] = [
    ...success.map((v, i) => ({ name: `successCase[${i}] ${v.name}${v.valueFrom ? ` ${JSON.stringify(v.valueFrom)}` : ''}`, valid: true, object: env([v]) })),
    { name: 'zero-length name', valid: false, field: `${ENV}.name`, object: env([{ name: '' }]) },
    { name: `illegal character ${RELAXED}`, valid: true, object: env([{ name: 'a!b' }]) },
    { name: `dot only ${RELAXED}`, valid: true, object: env([{ name: '.' }]) },
    { name: `double dots only ${RELAXED}`, valid: true, object: env([{ name: '..' }]) },
    { name: `leading double dots ${RELAXED}`, valid: true, object: env([{ name: '..abc' }]) },
    {
      name: 'value and valueFrom specified',
      valid: false,
      field: `${ENV}.valueFrom`,
      message: 'may not be specified when `value` is not empty',
      object: env([{ ...fieldRef('metadata.name'), value: 'foo' }]),
    },
    { name: 'valueFrom without a source', valid: false, field: `${ENV}.valueFrom`, message: 'must specify one of', object: env([{ name: 'abc', valueFrom: {} }]) },
    {
      name: 'valueFrom.fieldRef and valueFrom.secretKeyRef specified',
      valid: false,
      field: `${ENV}.valueFrom`,
      message: 'may not have more than one field specified at a time',
      object: env([{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, secretKeyRef: { name: 'a-secret', key: 'a-key' } } }]),
    },
    {
      name: 'valueFrom.fieldRef and valueFrom.configMapKeyRef set',
      valid: false,
      field: `${ENV}.valueFrom`,
      message: 'may not have more than one field specified at a time',
      object: env([{ name: 'some_var_name', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, configMapKeyRef: { name: 'some-config-map', key: 'some-key' } } }]),
    },
    {
      name: 'valueFrom.fieldRef and valueFrom.secretKeyRef specified (and configMapKeyRef)',
      valid: false,
      field: `${ENV}.valueFrom`,
      message: 'may not have more than one field specified at a time',
      object: env([{
        name: 'abc',
        valueFrom: {
          fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' },
          secretKeyRef: { name: 'a-secret', key: 'a-key' },
          configMapKeyRef: { name: 'some-config-map', key: 'some-key' },
        },
      }]),
    },
    { name: 'valueFrom.secretKeyRef.name invalid', valid: false, field: `${ENV}.valueFrom.secretKeyRef.name`, object: env([{ name: 'abc', valueFrom: { secretKeyRef: { name: '$%^&*#', key: 'a-key' } } }]) },
    { name: 'valueFrom.configMapKeyRef.name invalid', valid: false, field: `${ENV}.valueFrom.configMapKeyRef.name`, object: env([{ name: 'abc', valueFrom: { configMapKeyRef: { name: '$%^&*#', key: 'some-key' } } }]) },
    { name: 'missing FieldPath on ObjectFieldSelector', valid: false, field: `${ENV}.valueFrom.fieldRef.fieldPath`, object: env([{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1' } } }]) },
    {
      name: 'missing APIVersion on ObjectFieldSelector',
      valid: false,
      notExpressible: 'in a manifest the v1 API defaults fieldRef.apiVersion to "v1" (SetDefaults_ObjectFieldSelector) before validation, so it is never missing',
    },
    { name: 'invalid fieldPath', valid: false, field: `${ENV}.valueFrom.fieldRef.fieldPath`, object: env([fieldRef('metadata.whoops')]) },
    { name: 'metadata.name with subscript', valid: false, field: `${ENV}.valueFrom.fieldRef.fieldPath`, object: env([fieldRef("metadata.name['key']")]) },
    { name: 'metadata.labels without subscript', valid: false, field: `${ENV}.valueFrom.fieldRef.fieldPath`, object: env([fieldRef('metadata.labels')]) },
    { name: 'metadata.annotations without subscript', valid: false, field: `${ENV}.valueFrom.fieldRef.fieldPath`, object: env([fieldRef('metadata.annotations')]) },
    { name: 'metadata.annotations with invalid key', valid: false, object: env([fieldRef("metadata.annotations['invalid~key']")]) },
    { name: 'metadata.labels with invalid key', valid: false, object: env([fieldRef("metadata.labels['Www.k8s.io/test']")]) },
    { name: 'unsupported fieldPath', valid: false, field: `${ENV}.valueFrom.fieldRef.fieldPath`, object: env([fieldRef('status.phase')]) },
  ];
  runTable('TestValidateEnv', cases);
});

test('TestValidateEnvFrom', () => {
  const cm = (name: string, prefix?: string) => ({ prefix, configMapRef: { name } });
  const secret = (name: string, prefix?: string) => ({ prefix, secretRef: { name } });
  const success = [cm('abc'), cm('abc', 'pre_'), cm('abc', 'a.b'), secret('abc'), secret('abc', 'pre_'), secret('abc', 'a.b')];
  const cases: ConformanceCase[] = [
    ...success.map((s, i) => ({ name: `successCase[${i}] ${JSON.stringify(s)}`, valid: true, object: envFrom([s]) })),
    { name: 'zero-length name (configMapRef)', valid: false, field: `${FROM}[0].configMapRef.name`, object: envFrom([cm('')]) },
    { name: 'invalid name (configMapRef)', valid: false, field: `${FROM}[0].configMapRef.name`, object: envFrom([cm('$')]) },
    { name: `invalid prefix (configMapRef) ${RELAXED}`, valid: true, object: envFrom([cm('abc', 'a!b')]) },
    { name: 'zero-length name (secretRef)', valid: false, field: `${FROM}[0].secretRef.name`, object: envFrom([secret('')]) },
    { name: 'invalid name (secretRef)', valid: false, field: `${FROM}[0].secretRef.name`, object: envFrom([secret('&')]) },
    { name: `invalid prefix (secretRef) ${RELAXED}`, valid: true, object: envFrom([secret('abc', 'a!b')]) },
    { name: 'no refs', valid: false, field: FROM, message: 'must specify one of: `configMapRef` or `secretRef`', object: envFrom([{}]) },
    { name: 'multiple refs', valid: false, field: FROM, message: 'may not have more than one field specified at a time', object: envFrom([{ secretRef: { name: 'abc' }, configMapRef: { name: 'abc' } }]) },
    { name: 'invalid secret ref name', valid: false, field: `${FROM}[0].secretRef.name`, object: envFrom([secret('$%^&*#')]) },
    { name: 'invalid config ref name', valid: false, field: `${FROM}[0].configMapRef.name`, object: envFrom([cm('$%^&*#')]) },
  ];
  runTable('TestValidateEnvFrom', cases);
});
