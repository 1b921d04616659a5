import * as upstream from './names.data';
import { NameCase } from './names.data';
import { ConformanceCase, deploymentWith, deploymentWithContainer, runTable, TableCounts } from './support';

// apimachinery's name rules (kubernetes/apimachinery v0.34.10, `pkg/util/validation/validation_test.go`), each
// table run through the field of a manifest that upstream checks with that rule.

type Field = (value: any) => any;

const FIELDS: Record<keyof typeof upstream, { field: Field; empty?: string }> = {
  TestIsDNS1123Label: { field: v => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: v } }) },
  TestIsDNS1123Subdomain: { field: v => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: v } }) },
  TestIsDNS1035Label: { field: v => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: v }, spec: { ports: [{ port: 80 }] } }) },
  TestIsValidPortNum: { field: v => deploymentWithContainer({ ports: [{ containerPort: v }] }) },
  TestIsValidPortName: {
    field: v => deploymentWithContainer({ ports: [{ containerPort: 80, name: v }] }),
    empty: 'a container port with an empty name has no name (the field is optional), so IsValidPortName never sees ""',
  },
  TestIsQualifiedName: { field: v => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { [v]: 'v' } } }) },
  TestIsValidLabelValue: { field: v => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { k: v } } }) },
  TestIsHTTPHeaderName: {
    field: v => deploymentWithContainer({ readinessProbe: { httpGet: { port: 80, httpHeaders: [{ name: v, value: 'x' }] } } }),
  },
  TestIsValidPercent: { field: v => deploymentWith({ containers: [{ name: 'c', image: 'i' }] }, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: v } } }) },
  TestIsConfigMapKey: { field: v => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { [v]: 'v' } }) },
  TestIsRelaxedEnvVarName: { field: v => deploymentWithContainer({ env: [{ name: v, value: 'x' }] }) },
};

export const NAME_TABLE_COUNTS: Record<string, TableCounts> = {};

describe('apimachinery v0.34.10 name rules', () => {
  for (const [table, { field, empty }] of Object.entries(FIELDS)) {
    test(`${table} (pkg/util/validation/validation_test.go)`, () => {
      const cases: ConformanceCase[] = ((upstream as any)[table] as NameCase[]).map((c, i) => ({
        name: `${table} ${c.valid ? 'good' : 'bad'}[${i}] ${JSON.stringify(c.value)}`,
        valid: c.valid,
        object: field(c.value),
        ...(c.value === '' && empty ? { notExpressible: empty } : {}),
      }));
      NAME_TABLE_COUNTS[table] = runTable(table, cases);
    });
  }
});
