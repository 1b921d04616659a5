import { ObjectValidator } from '../validator';

/** The kubernetes validators, keyed by `apiVersion/kind` (`apps/v1/Deployment`). */
export const VALIDATORS: Record<string, ObjectValidator> = {};
