import { Size } from 'cdk8s';
import type { Chart } from 'cdk8s';
import { CustomResource, CustomResourceController, CustomResourceDefinition, PrinterColumnType, Schema } from 'cdk8s-patterns';
import * as kplus from 'cdk8s-plus-27';

/**
 * The shop's scheduler: an `At` object runs a command at a given time (the cnat example of
 * "Programming Kubernetes"); the shop uses it to start its summer sale. The CRD, one At and the
 * controller that acts on At objects, with the permissions it needs.
 */
export function addScheduler(chart: Chart): void {
  // begin:crd-example
  const at = new CustomResourceDefinition(chart, 'at', {
    group: 'cnat.programming-kubernetes.info',
    kind: 'At', // plural "ats", singular "at", listKind "AtList"
    shortNames: ['at'],
    versions: [{
      name: 'v1alpha1',
      schema: Schema.object({
        properties: {
          spec: Schema.object({
            properties: {
              schedule: Schema.string({ format: 'date-time', description: 'When to run the command, e.g. "2019-07-03T02:00:00Z".' }),
              command: Schema.string({ minLength: 1, description: 'The command to run.' }),
            },
            required: ['schedule', 'command'],
          }),
          status: Schema.object({
            properties: { phase: Schema.string({ enum: ['pending', 'running', 'done'] }) },
          }),
        },
      }),
      statusSubresource: true,
      printerColumns: [
        { name: 'Schedule', type: PrinterColumnType.DATE, jsonPath: '.spec.schedule' },
        { name: 'Phase', type: PrinterColumnType.STRING, jsonPath: '.status.phase' },
      ],
    }],
  });

  // checked against the schema at synth: a wrong type, a missing field or a bad date fails `cdk8s synth`
  new CustomResource(chart, 'summer-sale', {
    definition: at,
    metadata: { name: 'start-summer-sale' },
    spec: { schedule: '2026-06-21T08:00:00Z', command: 'shopctl sale start summer' },
  });

  // Deployment + ServiceAccount + RBAC: watch ats, update ats/status, leader-election leases, events
  new CustomResourceController(chart, 'at-controller', {
    definition: at,
    container: {
      image: 'ghcr.io/example/cnat-controller:1.0.0',
      args: ['--leader-elect'],
      securityContext: { user: 65532, group: 65532 },
      resources: {
        cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(200) },
        memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
      },
    },
  });
  // end:crd-example
}
