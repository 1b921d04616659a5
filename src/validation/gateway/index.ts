import { ObjectValidator } from '../validator';
import { validateGateway } from './gateway';
import { validateHttpRoute } from './httproute';

/** The gateway validators, keyed by `apiVersion/kind` (`apps/v1/Deployment`). */
export const VALIDATORS: Record<string, ObjectValidator> = {
  'gateway.networking.k8s.io/v1/HTTPRoute': validateHttpRoute,
  'gateway.networking.k8s.io/v1/Gateway': validateGateway,
};
