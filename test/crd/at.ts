import { Chart } from 'cdk8s';
import { CustomResourceDefinition, CustomResourceVersion, PrinterColumnType, Schema } from '../../src';

export const AT_GROUP = 'cnat.programming-kubernetes.info';

/** The schema of the `At` kind from "Programming Kubernetes": run a command at a given time. */
export function atSchema(): Schema {
  return Schema.object({
    properties: {
      spec: Schema.object({
        properties: {
          schedule: Schema.string({ format: 'date-time', description: 'When to run the command (RFC 3339), e.g. "2019-07-03T02:00:00Z".' }),
          command: Schema.string({ minLength: 1, description: 'The command to run.' }),
        },
        required: ['schedule', 'command'],
      }),
      status: Schema.object({
        properties: {
          phase: Schema.string({ enum: ['pending', 'running', 'done'], description: 'Where the command is.' }),
        },
      }),
    },
  });
}

/** The `At` CRD (group cnat.programming-kubernetes.info, version v1alpha1), with version props replaced. */
export function atDefinition(chart: Chart, overrides: Partial<CustomResourceVersion> = {}): CustomResourceDefinition {
  return new CustomResourceDefinition(chart, 'at', {
    group: AT_GROUP,
    kind: 'At',
    shortNames: ['at'],
    categories: ['all'],
    versions: [{
      name: 'v1alpha1',
      schema: atSchema(),
      statusSubresource: true,
      printerColumns: [
        { name: 'Schedule', type: PrinterColumnType.DATE, jsonPath: '.spec.schedule' },
        { name: 'Command', type: PrinterColumnType.STRING, jsonPath: '.spec.command', priority: 1 },
        { name: 'Phase', type: PrinterColumnType.STRING, jsonPath: '.status.phase' },
      ],
      ...overrides,
    }],
  });
}
