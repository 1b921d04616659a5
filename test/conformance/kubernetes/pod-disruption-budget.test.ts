import { ConformanceCase, runTable } from './support';

// kubernetes/kubernetes `pkg/apis/policy/validation/validation_test.go`, read at commit 01336206d73bf34f9685944d09b7658bd18c8134;
// the rules are ported at v1.34 (`ValidatePodDisruptionBudgetSpec`), where these cases keep their outcome.

const pdb = (spec: any) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb' }, spec: { selector: { matchLabels: { app: 'x' } }, ...spec } });

test('TestValidatePodDisruptionBudgetSpec', () => {
  runTable('TestValidatePodDisruptionBudgetSpec', [
    { name: 'minAvailable 0% and maxUnavailable 10%', valid: false, field: 'spec', object: pdb({ minAvailable: '0%', maxUnavailable: '10%' }) },
  ]);
});

test('TestValidateMinAvailablePodDisruptionBudgetSpec', () => {
  const good = ['0%', '1%', '100%', 0, 1, 100];
  const bad = ['1.1%', 'nope', '-1%', '101%', -1];
  const cases: ConformanceCase[] = [
    ...good.map((v, i) => ({ name: `successCases[${i}] ${JSON.stringify(v)}`, valid: true, object: pdb({ minAvailable: v }) })),
    ...bad.map((v, i) => ({ name: `failureCases[${i}] ${JSON.stringify(v)}`, valid: false, field: 'spec.minAvailable', object: pdb({ minAvailable: v }) })),
  ];
  runTable('TestValidateMinAvailablePodDisruptionBudgetSpec', cases);
});

test('TestValidateMinAvailablePodAndMaxUnavailableDisruptionBudgetSpec', () => {
  runTable('TestValidateMinAvailablePodAndMaxUnavailableDisruptionBudgetSpec', [
    { name: 'minAvailable 10% and maxUnavailable 1', valid: false, field: 'spec', object: pdb({ minAvailable: '10%', maxUnavailable: 1 }) },
  ]);
});
