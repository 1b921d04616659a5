import { ObjectValidator } from '../validator';
import { validateDestinationRule } from './destination-rule';
import { validateVirtualService } from './virtual-service';

/**
 * The istio validators, keyed by `apiVersion/kind`: ports of Istio 1.30.3's webhook
 * (`pkg/config/validation`), one per kind, for every served version of the networking API.
 */
export const VALIDATORS: Record<string, ObjectValidator> = {};

// loaded on first use: the constructs write VirtualServices and DestinationRules, users may write the others
/* eslint-disable @typescript-eslint/no-require-imports */
const validateGateway: ObjectValidator = (obj, p) => require('./gateway').validateGateway(obj, p);
const validateServiceEntry: ObjectValidator = (obj, p) => require('./service-entry').validateServiceEntry(obj, p);
/* eslint-enable @typescript-eslint/no-require-imports */

for (const version of ['v1', 'v1beta1', 'v1alpha3']) {
  VALIDATORS[`networking.istio.io/${version}/VirtualService`] = validateVirtualService;
  VALIDATORS[`networking.istio.io/${version}/DestinationRule`] = validateDestinationRule;
  VALIDATORS[`networking.istio.io/${version}/Gateway`] = validateGateway;
  VALIDATORS[`networking.istio.io/${version}/ServiceEntry`] = validateServiceEntry;
}
