import { ObjectValidator } from '../validator';
import { validateCustomResourceDefinition } from './crd';

export { validateCustomResource } from './instance';
export type { CustomResourceValidationOptions } from './instance';
export { resolveSchemaPath } from './schema-path';

/** The apiextensions validators, keyed by `apiVersion/kind` (`apps/v1/Deployment`). */
export const VALIDATORS: Record<string, ObjectValidator> = {
  'apiextensions.k8s.io/v1/CustomResourceDefinition': validateCustomResourceDefinition,
};
