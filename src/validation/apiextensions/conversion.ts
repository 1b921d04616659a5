import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../../common/names';
import { ProblemCollector } from '../problem';
import { isPlainObject } from './json';

const RULE = 'apiextensions validateCustomResourceConversion';
const WEBHOOK = 'apiserver webhook.ValidateWebhookURL/ValidateWebhookService';
const ACCEPTED_REVIEW_VERSIONS = ['v1', 'v1beta1'];

/**
 * `spec.conversion` (apiextensions-apiserver v0.34 `validateCustomResourceConversion`, v1 field names): strategy
 * None or Webhook; a webhook needs exactly one of url (https, no user, query or fragment) or service (name,
 * namespace, path, port 1–65535) and conversionReviewVersions (unique DNS-1035 labels including v1 or v1beta1).
 */
export function validateConversion(conversion: unknown, preserveUnknownFields: unknown, at: ProblemCollector): void {
  if (conversion === undefined) return;
  if (!isPlainObject(conversion)) {
    at.error('', conversion, 'must be an object', RULE);
    return;
  }
  const strategy = conversion.strategy;
  if (strategy !== 'None' && strategy !== 'Webhook') at.error('strategy', strategy, 'must be one of "None", "Webhook"', RULE);
  const webhook = isPlainObject(conversion.webhook) ? conversion.webhook : undefined;
  if (strategy === 'Webhook') {
    if (preserveUnknownFields === true) at.error('strategy', strategy, 'must be None if spec.preserveUnknownFields is true', RULE);
    const cc = webhook?.clientConfig;
    if (!isPlainObject(cc)) {
      at.at('webhook').error('clientConfig', cc, 'is required when strategy is set to Webhook', RULE);
    } else if ((cc.url === undefined) === (cc.service === undefined)) {
      at.at('webhook').error('clientConfig', cc, 'must have exactly one of url or service', RULE);
    } else if (cc.url !== undefined) {
      webhookUrl(cc.url, at.at('webhook', 'clientConfig', 'url'));
    } else {
      webhookService(cc.service, at.at('webhook', 'clientConfig', 'service'));
    }
    reviewVersions(webhook?.conversionReviewVersions, at.at('webhook', 'conversionReviewVersions'));
  } else if (webhook !== undefined) {
    if (webhook.clientConfig !== undefined) at.at('webhook').error('clientConfig', webhook.clientConfig, 'should not be set when strategy is not set to Webhook', RULE);
    if (Array.isArray(webhook.conversionReviewVersions) && webhook.conversionReviewVersions.length > 0) {
      at.at('webhook').error('conversionReviewVersions', webhook.conversionReviewVersions, 'should not be set when strategy is not set to Webhook', RULE);
    }
  }
}

function webhookUrl(url: unknown, at: ProblemCollector): void {
  if (typeof url !== 'string' || url === '') {
    at.error('', url, 'must be a non-empty https URL', WEBHOOK);
    return;
  }
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    at.error('', url, 'must be a valid URL', WEBHOOK);
    return;
  }
  if (u.protocol !== 'https:') at.error('', url, '\'https\' is the only allowed URL scheme', WEBHOOK);
  if (u.host === '') at.error('', url, 'host must be specified', WEBHOOK);
  if (u.username !== '' || u.password !== '') at.error('', url, 'user information is not permitted in the URL', WEBHOOK);
  if (url.includes('#')) at.error('', url, 'fragments are not permitted in the URL', WEBHOOK);
  if (url.includes('?')) at.error('', url, 'query parameters are not permitted in the URL', WEBHOOK);
}

function webhookService(service: any, at: ProblemCollector): void {
  if (!isPlainObject(service)) {
    at.error('', service, 'must be an object', WEBHOOK);
    return;
  }
  if (!isDns1123Label(service.name)) at.error('name', service.name, 'is required: a DNS-1123 label', WEBHOOK);
  if (!isDns1123Label(service.namespace)) at.error('namespace', service.namespace, 'is required: a DNS-1123 label', WEBHOOK);
  const port = service.port ?? 443;
  if (!Number.isInteger(port) || port < 1 || port > 65535) at.error('port', port, 'must be a valid port number (1-65535)', WEBHOOK);
  if (service.path !== undefined && service.path !== '') {
    const p = service.path;
    if (typeof p !== 'string' || !p.startsWith('/')) {at.error('path', p, 'must start with a \'/\'', WEBHOOK);} else if (p !== '/' && p.slice(1).split('/').some(seg => seg === '' || !isDns1123Subdomain(seg.toLowerCase()) && !/^[a-z0-9.-]+$/i.test(seg))) {
      at.error('path', p, 'segments must be non-empty DNS-1123 subdomains', WEBHOOK);
    }
  }
}

function reviewVersions(versions: unknown, at: ProblemCollector): void {
  if (!Array.isArray(versions) || versions.length === 0) {
    at.error('', versions, 'is required: the ConversionReview versions the webhook understands, e.g. ["v1"]', RULE);
    return;
  }
  const seen = new Set<unknown>();
  versions.forEach((v, i) => {
    if (seen.has(v)) at.error(i, v, 'is a duplicate version', RULE);
    else if (!isDns1035Label(v)) at.error(i, v, 'must be a DNS-1035 label', RULE);
    seen.add(v);
  });
  if (!versions.some(v => ACCEPTED_REVIEW_VERSIONS.includes(v))) {
    at.error('', versions, `must include at least one of ${ACCEPTED_REVIEW_VERSIONS.join(', ')}`, RULE);
  }
}
