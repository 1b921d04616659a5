import { ObjectValidator } from '../validator';

/** The gateway validators, keyed by `apiVersion/kind` (`apps/v1/Deployment`). */
export const VALIDATORS: Record<string, ObjectValidator> = {};
