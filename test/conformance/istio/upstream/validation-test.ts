/**
 * Istio's own test cases, ported as data: pkg/config/validation/validation_test.go
 * at tag 1.30.3 (commit 56df41f63e513f834c9a3af33d8aed82d1d961f2), one table per upstream test function, each
 * case under its upstream name. Go values are written as the CRD's JSON: camelCase fields, durations as Go
 * duration strings ("2s", "0.000000999s"), oneofs flattened ({ exact: "foo" }), wrappers as bare values, bytes
 * as base64. `{ $repeat: [s, n] }` stands for s repeated n times, `{ $base64: x }` for x in base64 (see
 * expand() in ../support.ts). Converted mechanically from the Go composite literals; not edited by hand.
 */
/* eslint-disable */

export const TestValidateCORSPolicy: any[] = [
  {"name": "valid", "in": {"allowMethods": ["GET", "POST"], "allowHeaders": ["header1", "header2"], "exposeHeaders": ["header3"], "maxAge": "2s"}, "valid": true},
  {"name": "bad method", "in": {"allowMethods": ["GET", "PUTT"], "allowHeaders": ["header1", "header2"], "exposeHeaders": ["header3"], "maxAge": "2s"}, "valid": false},
  {"name": "bad header", "in": {"allowMethods": ["GET", "POST"], "allowHeaders": ["header1", "header2"], "exposeHeaders": [""], "maxAge": "2s"}, "valid": false},
  {"name": "bad max age", "in": {"allowMethods": ["GET", "POST"], "allowHeaders": ["header1", "header2"], "exposeHeaders": ["header3"], "maxAge": "2.000000042s"}, "valid": false},
  {"name": "empty matchType AllowOrigins", "in": {"allowOrigins": [{"exact": ""}, {"prefix": ""}, {"regex": ""}], "allowMethods": ["GET", "POST"], "allowHeaders": ["header1", "header2"], "exposeHeaders": ["header3"], "maxAge": "2s"}, "valid": false},
  {"name": "non empty matchType AllowOrigins", "in": {"allowOrigins": [{"exact": "exact"}, {"prefix": "prefix"}, {"regex": "regex"}], "allowMethods": ["GET", "POST"], "allowHeaders": ["header1", "header2"], "exposeHeaders": ["header3"], "maxAge": "2s"}, "valid": true},
];

export const TestValidateHTTPStatus: any[] = [
  {"in": -100, "valid": false},
  {"in": 0, "valid": false},
  {"in": 200, "valid": true},
  {"in": 600, "valid": true},
  {"in": 601, "valid": false},
];

export const TestValidateHTTPFaultInjectionAbort: any[] = [
  {"name": "nil", "in": null, "valid": true},
  {"name": "valid", "in": {"percentage": {"value": 20}, "httpStatus": 200}, "valid": true},
  {"name": "valid default", "in": {"httpStatus": 200}, "valid": true},
  {"name": "invalid http status", "in": {"percentage": {"value": 20}, "httpStatus": 9000}, "valid": false},
  {"name": "invalid low http status", "in": {"percentage": {"value": 20}, "httpStatus": 100}, "valid": false},
  {"name": "valid percentage", "in": {"percentage": {"value": 0.001}, "httpStatus": 200}, "valid": true},
  {"name": "invalid fractional percent", "in": {"percentage": {"value": -10.0}, "httpStatus": 200}, "valid": false},
  {"name": "grpc: nil", "in": null, "valid": true},
  {"name": "grpc: valid", "in": {"percentage": {"value": 20}, "grpcStatus": "DEADLINE_EXCEEDED"}, "valid": true},
  {"name": "grpc: valid default percentage", "in": {"grpcStatus": "DEADLINE_EXCEEDED"}, "valid": true},
  {"name": "grpc: invalid status", "in": {"percentage": {"value": 20}, "grpcStatus": "BAD_STATUS"}, "valid": false},
  {"name": "grpc: valid percentage", "in": {"percentage": {"value": 0.001}, "grpcStatus": "INTERNAL"}, "valid": true},
  {"name": "grpc: invalid fractional percent", "in": {"percentage": {"value": -10.0}, "grpcStatus": "DEADLINE_EXCEEDED"}, "valid": false},
];

export const TestValidateHTTPFaultInjectionDelay: any[] = [
  {"name": "nil", "in": null, "valid": true},
  {"name": "valid fixed", "in": {"percentage": {"value": 20}, "fixedDelay": "3s"}, "valid": true},
  {"name": "valid default", "in": {"fixedDelay": "3s"}, "valid": true},
  {"name": "invalid percent", "in": {"percentage": {"value": 101}, "fixedDelay": "3s"}, "valid": false},
  {"name": "invalid delay", "in": {"percentage": {"value": 20}, "fixedDelay": "3.000000042s"}, "valid": false},
  {"name": "valid fractional percentage", "in": {"percentage": {"value": 0.001}, "fixedDelay": "3s"}, "valid": true},
  {"name": "invalid fractional percentage", "in": {"percentage": {"value": -10.0}, "fixedDelay": "3s"}, "valid": false},
];

export const TestValidateHTTPRetry: any[] = [
  {"name": "valid", "in": {"attempts": 10, "perTryTimeout": "2s", "retryOn": "5xx,gateway-error"}, "valid": true},
  {"name": "disable retries", "in": {}, "valid": true},
  {"name": "invalid, retry policy configured but attempts set to zero", "in": {"perTryTimeout": "2s", "retryOn": "5xx,gateway-error"}, "valid": false},
  {"name": "valid default", "in": {"attempts": 10}, "valid": true},
  {"name": "valid http status retryOn", "in": {"attempts": 10, "perTryTimeout": "2s", "retryOn": "503,connect-failure"}, "valid": true},
  {"name": "invalid attempts", "in": {"attempts": -1, "perTryTimeout": "2s"}, "valid": false},
  {"name": "invalid timeout", "in": {"attempts": 10, "perTryTimeout": "2.000000001s"}, "valid": false},
  {"name": "timeout too small", "in": {"attempts": 10, "perTryTimeout": "0.000000999s"}, "valid": false},
  {"name": "invalid backoff", "in": {"attempts": 10, "backoff": "0.000000999s"}, "valid": false},
  {"name": "invalid policy retryOn", "in": {"attempts": 10, "perTryTimeout": "2s", "retryOn": "5xx,invalid policy"}, "valid": false},
  {"name": "invalid http status retryOn", "in": {"attempts": 10, "perTryTimeout": "2s", "retryOn": "600,connect-failure"}, "valid": false},
  {"name": "invalid, retryRemoteLocalities configured but attempts set to zero", "in": {"retryRemoteLocalities": false}, "valid": false},
];

export const TestValidateHTTPRewrite: any[] = [
  {"name": "nil in", "in": null, "valid": true},
  {"name": "uri and authority", "in": {"uri": "/path/to/resource", "authority": "foobar.org"}, "valid": true},
  {"name": "uri", "in": {"uri": "/path/to/resource"}, "valid": true},
  {"name": "authority", "in": {"authority": "foobar.org"}, "valid": true},
  {"name": "uriRegexRewrite", "in": {"uriRegexRewrite": {"match": "^/service/([^/]+)(/.*)$", "rewrite": "\\2/instance/\\1"}}, "valid": true},
  {"name": "uriRegexRewrite and authority", "in": {"authority": "foobar.org", "uriRegexRewrite": {"match": "^/service/([^/]+)(/.*)$", "rewrite": "\\2/instance/\\1"}}, "valid": true},
  {"name": "uriRegexRewrite and uri", "in": {"uri": "/path/to/resource", "uriRegexRewrite": {"match": "^/service/([^/]+)(/.*)$", "rewrite": "\\2/instance/\\1"}}, "valid": false},
  {"name": "no uri, uriRegexRewrite, or authority", "in": {}, "valid": false},
];

export const TestValidateUriRegexRewrite: any[] = [
  {"name": "uriRegexRewrite nil", "in": null, "valid": true},
  {"name": "uriRegexRewrite happy path", "in": {"match": "^/service/([^/]+)(/.*)$", "rewrite": "\\2/instance/\\1"}, "valid": true},
  {"name": "uriRegexRewrite missing match", "in": {"rewrite": "\\2/instance/\\1"}, "valid": false},
  {"name": "uriRegexRewrite missing rewrite", "in": {"match": "^/service/([^/]+)(/.*)$"}, "valid": false},
  {"name": "uriRegexRewrite invalid regex patterns", "in": {"match": "[", "rewrite": "["}, "valid": false},
];

export const TestValidateHTTPRedirect: any[] = [
  {"name": "nil redirect", "redirect": null, "valid": true},
  {"name": "empty uri and authority", "redirect": {}, "valid": false},
  {"name": "too small redirect code", "redirect": {"uri": "t", "redirectCode": 299}, "valid": false},
  {"name": "too large redirect code", "redirect": {"uri": "t", "redirectCode": 400}, "valid": false},
  {"name": "empty authority", "redirect": {"uri": "t"}, "valid": true},
  {"name": "empty uri", "redirect": {"authority": "t"}, "valid": true},
  {"name": "empty redirect code", "redirect": {"uri": "t", "authority": "t"}, "valid": true},
  {"name": "normal redirect", "redirect": {"uri": "t", "authority": "t", "redirectCode": 308}, "valid": true},
];

export const TestValidateHTTPDirectResponse: any[] = [
  {"name": "nil redirect", "directResponse": null, "valid": true},
  {"name": "status 200", "directResponse": {"status": 200}, "valid": true},
  {"name": "status 100", "directResponse": {"status": 199}, "valid": false},
  {"name": "status 600", "directResponse": {"status": 601}, "valid": false},
  {"name": "with string body", "directResponse": {"status": 200, "body": {"string": "hello"}}, "valid": true},
  {"name": "with string body over 100kb", "directResponse": {"status": 200, "body": {"string": {"$repeat": ["a", 103424]}}}, "valid": true, "warning": true},
  {"name": "with string body over 1mb", "directResponse": {"status": 200, "body": {"string": {"$repeat": ["a", 2097152]}}}, "valid": false},
  {"name": "with bytes body", "directResponse": {"status": 200, "body": {"bytes": "aGVsbG8="}}, "valid": true},
  {"name": "with bytes body over 100kb", "directResponse": {"status": 200, "body": {"bytes": {"$base64": {"$repeat": ["a", 102401]}}}}, "valid": true, "warning": true},
  {"name": "with bytes body over 1mb", "directResponse": {"status": 200, "body": {"bytes": {"$base64": {"$repeat": ["a", 1048577]}}}}, "valid": false},
];

export const TestValidateDestination: any[] = [
  {"name": "empty", "destination": {}, "valid": false},
  {"name": "simple", "destination": {"host": "foo.bar"}, "valid": true},
  {"name": "full", "destination": {"host": "foo.bar", "subset": "shiny", "port": {"number": 5000}}, "valid": true},
  {"name": "unnumbered-selector", "destination": {"host": "foo.bar", "subset": "shiny", "port": {}}, "valid": false},
];

export const TestValidateHTTPRoute: any[] = [
  {"name": "empty", "route": {}, "valid": false},
  {"name": "simple", "route": {"route": [{"destination": {"host": "foo.baz"}}]}, "valid": true},
  {"name": "no destination", "route": {"route": [{}]}, "valid": false},
  {"name": "weighted", "route": {"route": [{"destination": {"host": "foo.baz.south"}, "weight": 25}, {"destination": {"host": "foo.baz.east"}, "weight": 75}]}, "valid": true},
  {"name": "total weight > 100", "route": {"route": [{"destination": {"host": "foo.baz.south"}, "weight": 550}, {"destination": {"host": "foo.baz.east"}, "weight": 500}]}, "valid": true},
  {"name": "total weight < 100", "route": {"route": [{"destination": {"host": "foo.baz.south"}, "weight": 49}, {"destination": {"host": "foo.baz.east"}, "weight": 50}]}, "valid": true},
  {"name": "simple redirect", "route": {"redirect": {"uri": "/lerp", "authority": "foo.biz"}}, "valid": true},
  {"name": "conflicting redirect and route", "route": {"route": [{"destination": {"host": "foo.baz"}}], "redirect": {"uri": "/lerp", "authority": "foo.biz"}}, "valid": false},
  {"name": "request response headers", "route": {"route": [{"destination": {"host": "foo.baz"}}]}, "valid": true},
  {"name": "valid headers", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"request": {"add": {"name": ""}, "set": {"name": ""}, "remove": ["name"]}, "response": {"add": {"name": ""}, "set": {"name": ""}, "remove": ["name"]}}}]}, "valid": true},
  {"name": "empty header name - request add", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"request": {"add": {"": "value"}}}}]}, "valid": false},
  {"name": "empty header name - request set", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"request": {"set": {"": "value"}}}}]}, "valid": false},
  {"name": "empty header name - request remove", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"request": {"remove": [""]}}}]}, "valid": false},
  {"name": "empty header name - response add", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"add": {"": "value"}}}}]}, "valid": false},
  {"name": "empty header name - response set", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"set": {"": "value"}}}}]}, "valid": false},
  {"name": "empty header name - response remove", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"remove": [""]}}}]}, "valid": false},
  {"name": "envoy escaped % set", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"set": {"i-love-istio": "100%%"}}}}]}, "valid": true},
  {"name": "envoy variable set", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"set": {"name": "%HOSTNAME%"}}}}]}, "valid": true},
  {"name": "envoy unescaped % set", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"set": {"name": "abcd%oijasodifj"}}}}]}, "valid": false},
  {"name": "envoy escaped % add", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"add": {"i-love-istio": "100%% and more"}}}}]}, "valid": true},
  {"name": "envoy variable add", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"add": {"name": "hello %HOSTNAME%"}}}}]}, "valid": true},
  {"name": "envoy unescaped % add", "route": {"route": [{"destination": {"host": "foo.baz"}, "headers": {"response": {"add": {"name": "abcd%oijasodifj"}}}}]}, "valid": false},
  {"name": "null header match", "route": {"route": [{"destination": {"host": "foo.bar"}}], "match": [{"headers": {"header": null}}]}, "valid": false},
  {"name": "empty prefix header match", "route": {"route": [{"destination": {"host": "foo.bar"}}], "match": [{"headers": {"emptyprefix": {"prefix": ""}}}]}, "valid": false},
  {"name": "nil match", "route": {"route": [{"destination": {"host": "foo.bar"}}]}, "valid": true},
  {"name": "match with nil element", "route": {"route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": true},
  {"name": "invalid mirror percent", "route": {"mirrorPercent": 101, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "invalid mirror percentage", "route": {"mirrorPercentage": {"value": 101}, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "valid mirror percentage", "route": {"mirrorPercentage": {"value": 1}, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": true},
  {"name": "negative mirror percentage", "route": {"mirrorPercentage": {"value": -1}, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "mirrors without destination", "route": {"mirrors": [{}], "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "mirrors invalid mirror percentage", "route": {"mirrors": [{"destination": {"host": "foo.baz"}}, {"destination": {"host": "foo.baz"}, "percentage": {"value": 101}}], "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "mirrors valid mirror percentage", "route": {"mirrors": [{"destination": {"host": "foo.baz"}, "percentage": {"value": 1}}, {"destination": {"host": "foo.baz"}, "percentage": {"value": 50}}], "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": true},
  {"name": "mirrors negative mirror percentage", "route": {"mirrors": [{"destination": {"host": "foo.baz"}, "percentage": {"value": -1}}], "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "conflicting mirror and mirrors", "route": {"mirror": {"host": "foo.baz"}, "mirrors": [{"destination": {"host": "foo.bar"}}], "route": [{"destination": {"host": "foo.baz"}}]}, "valid": false},
];

export const TestValidateRouteDestination: any[] = [
  {"name": "simple", "routes": [{"destination": {"host": "foo.baz"}}], "valid": true},
  {"name": "wildcard dash", "routes": [{"destination": {"host": "*-foo.baz"}}], "valid": true},
  {"name": "wildcard prefix", "routes": [{"destination": {"host": "*foo.baz"}}], "valid": true},
  {"name": "wildcard", "routes": [{"destination": {"host": "*"}}], "valid": false},
  {"name": "bad wildcard", "routes": [{"destination": {"host": "foo.*"}}], "valid": false},
  {"name": "bad fqdn", "routes": [{"destination": {"host": "default/baz"}}], "valid": false},
  {"name": "no destination", "routes": [{}], "valid": false},
  {"name": "weighted", "routes": [{"destination": {"host": "foo.baz.south"}, "weight": 25}, {"destination": {"host": "foo.baz.east"}, "weight": 75}], "valid": true},
  {"name": "weight < 0", "routes": [{"destination": {"host": "foo.baz.south"}, "weight": 5}, {"destination": {"host": "foo.baz.east"}, "weight": -1}], "valid": false},
  {"name": "total weight > 100", "routes": [{"destination": {"host": "foo.baz.south"}, "weight": 550}, {"destination": {"host": "foo.baz.east"}, "weight": 500}], "valid": true},
  {"name": "total weight < 100", "routes": [{"destination": {"host": "foo.baz.south"}, "weight": 49}, {"destination": {"host": "foo.baz.east"}, "weight": 50}], "valid": true},
  {"name": "total weight = 100", "routes": [{"destination": {"host": "foo.baz.south"}, "weight": 100}, {"destination": {"host": "foo.baz.east"}}], "valid": true},
  {"name": "weight = 0", "routes": [{"destination": {"host": "foo.baz.south"}}], "valid": true},
  {"name": "total weight = 0 with multi RouteDestination", "routes": [{"destination": {"host": "foo.baz.south"}}, {"destination": {"host": "foo.baz.east"}}], "valid": false},
];

export const TestValidateVirtualService: any[] = [
  {"name": "simple", "in": {"hosts": ["foo.bar"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true},
  {"name": "allow sni based domains", "in": {"hosts": ["outbound_.15010_._.istiod.istio-system.svc.cluster.local"], "gateways": ["ns1/gateway"], "tls": [{"match": [{"sniHosts": ["outbound_.15010_._.istiod.istio-system.svc.cluster.local"]}], "route": [{"destination": {"host": "istio.istio-system.svc.cluster.local"}}]}]}, "valid": true},
  {"name": "duplicate hosts", "in": {"hosts": ["*.foo.bar", "*.bar"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "with no destination", "in": {"hosts": ["*.foo.bar", "*.bar"], "http": [{"route": [{}]}]}, "valid": false},
  {"name": "destination with out hosts", "in": {"hosts": ["*.foo.bar", "*.bar"], "http": [{"route": [{"destination": {}}]}]}, "valid": false},
  {"name": "delegate with no hosts", "in": {"http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true},
  {"name": "bad host", "in": {"hosts": ["foo.ba!r"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "no tcp or http routing", "in": {"hosts": ["foo.bar"]}, "valid": false},
  {"name": "bad gateway", "in": {"hosts": ["foo.bar"], "gateways": ["b@dgateway"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "FQDN for gateway", "in": {"hosts": ["foo.bar"], "gateways": ["gateway.example.com"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true, "warning": true},
  {"name": "namespace/name for gateway", "in": {"hosts": ["foo.bar"], "gateways": ["ns1/gateway"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true},
  {"name": "namespace/* for gateway", "in": {"hosts": ["foo.bar"], "gateways": ["ns1/*"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "*/name for gateway", "in": {"hosts": ["foo.bar"], "gateways": ["*/gateway"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "wildcard for mesh gateway", "in": {"hosts": ["*"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "wildcard for non-mesh gateway", "in": {"hosts": ["*"], "gateways": ["somegateway"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true},
  {"name": "missing tcp route", "in": {"hosts": ["foo.bar"], "tcp": [{"match": [{"port": 999}]}]}, "valid": false},
  {"name": "missing tls route", "in": {"hosts": ["foo.bar"], "tls": [{"match": [{"port": 999, "sniHosts": ["foo.bar"]}]}]}, "valid": false},
  {"name": "deprecated mirror", "in": {"hosts": ["foo.bar"], "gateways": ["ns1/gateway"], "http": [{"mirrorPercent": 5, "route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true, "warning": true},
  {"name": "set authority", "in": {"hosts": ["foo.bar"], "http": [{"headers": {"request": {"set": {":authority": "foo"}}}, "route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true, "warning": false},
  {"name": "set authority in destination", "in": {"hosts": ["foo.bar"], "http": [{"route": [{"destination": {"host": "foo.baz"}, "headers": {"request": {"set": {":authority": "foo"}}}}]}]}, "valid": true, "warning": false},
  {"name": "set authority in rewrite and header", "in": {"hosts": ["foo.bar"], "http": [{"headers": {"request": {"set": {":authority": "foo"}}}, "rewrite": {"authority": "bar"}, "route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false, "warning": false},
  {"name": "non-method-get", "in": {"hosts": ["foo.bar"], "http": [{"route": [{"destination": {"host": "foo.baz"}}], "match": [{"uri": {"prefix": "/api/v1/product"}}, {"uri": {"prefix": "/api/v1/products"}, "method": {"exact": "GET"}}]}]}, "valid": true, "warning": true},
  {"name": "uri-with-prefix-exact", "in": {"hosts": ["foo.bar"], "http": [{"route": [{"destination": {"host": "foo.baz"}}], "match": [{"uri": {"prefix": "/"}}, {"uri": {"exact": "/"}, "method": {"exact": "GET"}}]}]}, "valid": true, "warning": false},
  {"name": "jwt claim route without gateway", "in": {"hosts": ["foo.bar"], "gateways": ["mesh"], "http": [{"route": [{"destination": {"host": "foo.baz"}}], "match": [{"uri": {"prefix": "/"}, "headers": {"@request.auth.claims.foo": {"exact": "bar"}}}]}]}, "valid": false, "warning": false},
  {"name": "ip address as sni host", "in": {"hosts": ["foo.bar"], "tls": [{"route": [{"destination": {"host": "foo.baz"}}], "match": [{"port": 999, "sniHosts": ["1.1.1.1"]}]}]}, "valid": true, "warning": true},
  {"name": "invalid wildcard as sni host", "in": {"hosts": ["foo.bar"], "tls": [{"route": [{"destination": {"host": "foo.baz"}}], "match": [{"port": 999, "sniHosts": ["foo.*.com"]}]}]}, "valid": false, "warning": false},
];

export const TestValidateDestinationRule: any[] = [
  {"name": "simple destination rule", "in": {"host": "reviews", "subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": true},
  {"name": "simple destination rule with empty selector labels", "in": {"host": "reviews", "subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}], "workloadSelector": {}}, "valid": true, "warning": true},
  {"name": "missing destination name", "in": {"subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": false},
  {"name": "missing subset name", "in": {"host": "reviews", "subsets": [{"labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": false},
  {"name": "duplicate subset names", "in": {"host": "reviews", "subsets": [{"name": "foo", "labels": {"version": "v1"}}, {"name": "foo", "labels": {"version": "v2"}}]}, "valid": false},
  {"name": "valid traffic policy, top level", "in": {"host": "reviews", "trafficPolicy": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 7}, "http": {"http2MaxRequests": 11}}, "outlierDetection": {"minHealthPercent": 20}}, "subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": true},
  {"name": "invalid traffic policy, top level", "in": {"host": "reviews", "trafficPolicy": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {}, "outlierDetection": {"minHealthPercent": 20}}, "subsets": [{"name": "v1", "labels": {"version": "v1"}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": false},
  {"name": "valid traffic policy, subset level", "in": {"host": "reviews", "subsets": [{"name": "v1", "labels": {"version": "v1"}, "trafficPolicy": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 7}, "http": {"http2MaxRequests": 11}}, "outlierDetection": {"minHealthPercent": 20}}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": true},
  {"name": "invalid traffic policy, subset level", "in": {"host": "reviews", "subsets": [{"name": "v1", "labels": {"version": "v1"}, "trafficPolicy": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {}, "outlierDetection": {"minHealthPercent": 20}}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": false},
  {"name": "valid traffic policy, both levels", "in": {"host": "reviews", "trafficPolicy": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 7}, "http": {"http2MaxRequests": 11}}, "outlierDetection": {"minHealthPercent": 20}}, "subsets": [{"name": "v1", "labels": {"version": "v1"}, "trafficPolicy": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 7}, "http": {"http2MaxRequests": 11}}, "outlierDetection": {"minHealthPercent": 30}}}, {"name": "v2", "labels": {"version": "v2"}}]}, "valid": true},
  {"name": "InsecureSkipVerify is not specified with tls mode simple, and the ca cert is specified by CaCertificates", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "SIMPLE", "caCertificates": "test", "subjectAltNames": ["reviews.default.svc"]}}}, "valid": true},
  {"name": "InsecureSkipVerify is not specified with tls mode simple, and the ca cert is specified by CredentialName", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "SIMPLE", "credentialName": "test", "subjectAltNames": ["reviews.default.svc"]}}}, "valid": true},
  {"name": "InsecureSkipVerify is set false with tls mode simple, and the ca cert is specified by CaCertificates", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "SIMPLE", "caCertificates": "test", "subjectAltNames": ["reviews.default.svc"], "insecureSkipVerify": false}}}, "valid": true},
  {"name": "InsecureSkipVerify is set false with tls mode simple, and the ca cert is specified by CredentialName", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "SIMPLE", "credentialName": "test", "subjectAltNames": ["reviews.default.svc"], "insecureSkipVerify": false}}}, "valid": true},
  {"name": "InsecureSkipVerify is set true with tls mode simple, and the ca cert is specified by CaCertificates", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "SIMPLE", "credentialName": "test", "insecureSkipVerify": true}}}, "valid": false},
  {"name": "InsecureSkipVerify is set true with tls mode simple, and the ca cert is specified by CredentialName", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "SIMPLE", "caCertificates": "test", "insecureSkipVerify": true}}}, "valid": false},
  {"name": "InsecureSkipVerify is set true with tls mode simple, and the san is specified", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "SIMPLE", "subjectAltNames": ["reviews.default.svc"], "insecureSkipVerify": true}}}, "valid": false},
  {"name": "InsecureSkipVerify is not specified with tls mode mutual, and the ca cert is specified by CaCertificates", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "caCertificates": "test", "privateKey": "key", "clientCertificate": "cert", "subjectAltNames": ["reviews.default.svc"]}}}, "valid": true},
  {"name": "InsecureSkipVerify is not specified with tls mode mutual, and the ca cert is specified by CredentialName", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "credentialName": "test", "subjectAltNames": ["reviews.default.svc"]}}}, "valid": true},
  {"name": "InsecureSkipVerify is set false with tls mode mutual, and the ca cert is specified by CaCertificates", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "caCertificates": "test", "privateKey": "key", "clientCertificate": "cert", "subjectAltNames": ["reviews.default.svc"], "insecureSkipVerify": false}}}, "valid": true},
  {"name": "InsecureSkipVerify is set false with tls mode mutual, and the ca cert is specified by CredentialName", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "credentialName": "test", "subjectAltNames": ["reviews.default.svc"], "insecureSkipVerify": false}}}, "valid": true},
  {"name": "InsecureSkipVerify is set true with tls mode mutual, and the ca cert is specified by CaCertificates", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "caCertificates": "test", "privateKey": "key", "clientCertificate": "cert", "insecureSkipVerify": true}}}, "valid": false},
  {"name": "InsecureSkipVerify is set true with tls mode mutual, and the ca cert is specified by CaCertificates", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "credentialName": "test", "insecureSkipVerify": true}}}, "valid": true},
  {"name": "InsecureSkipVerify is set true with tls mode mutual, and the ca cert is not specified", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "privateKey": "key", "clientCertificate": "cert", "insecureSkipVerify": true}}}, "valid": true},
  {"name": "InsecureSkipVerify is set true with tls mode mutual, and the san is specified", "in": {"host": "reviews", "trafficPolicy": {"tls": {"mode": "MUTUAL", "privateKey": "key", "clientCertificate": "cert", "subjectAltNames": ["reviews.default.svc"], "insecureSkipVerify": true}}}, "valid": false},
];

export const TestValidateTrafficPolicy: any[] = [
  {"name": "valid traffic policy", "in": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 7}, "http": {"http2MaxRequests": 11}}, "outlierDetection": {"minHealthPercent": 20}}, "valid": true},
  {"name": "invalid traffic policy, nil entries", "in": {}, "valid": false},
  {"name": "invalid traffic policy, missing port in port level settings", "in": {"portLevelSettings": [{"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 7}, "http": {"http2MaxRequests": 11}}, "outlierDetection": {"minHealthPercent": 20}}]}, "valid": false},
  {"name": "invalid traffic policy, bad connection pool", "in": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {}, "outlierDetection": {"minHealthPercent": 20}}, "valid": false},
  {"name": "invalid traffic policy, bad max connection duration", "in": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnectionDuration": "0.0000005s"}}}, "valid": false},
  {"name": "invalid traffic policy, panic threshold too low", "in": {"loadBalancer": {"simple": "ROUND_ROBIN"}, "connectionPool": {"tcp": {"maxConnections": 7}, "http": {"http2MaxRequests": 11}}, "outlierDetection": {"minHealthPercent": -1}}, "valid": false},
  {"name": "invalid traffic policy, both upgrade and use client protocol set", "in": {"connectionPool": {"http": {"h2UpgradePolicy": "UPGRADE", "useClientProtocol": true}}}, "valid": false},
];

export const TestValidateConnectionPool: any[] = [
  {"name": "valid connection pool, tcp and http", "in": {"tcp": {"maxConnections": 7, "connectTimeout": "2s"}, "http": {"http1MaxPendingRequests": 2, "http2MaxRequests": 11, "maxRequestsPerConnection": 5, "maxRetries": 4, "idleTimeout": "30s", "maxConcurrentStreams": 5}}, "valid": true},
  {"name": "valid connection pool, tcp only", "in": {"tcp": {"maxConnections": 7, "connectTimeout": "2s"}}, "valid": true},
  {"name": "valid connection pool, http only", "in": {"http": {"http1MaxPendingRequests": 2, "http2MaxRequests": 11, "maxRequestsPerConnection": 5, "maxRetries": 4, "idleTimeout": "30s", "maxConcurrentStreams": 5}}, "valid": true},
  {"name": "valid connection pool, http only with empty idle timeout", "in": {"http": {"http1MaxPendingRequests": 2, "http2MaxRequests": 11, "maxRequestsPerConnection": 5, "maxRetries": 4, "maxConcurrentStreams": 5}}, "valid": true},
  {"name": "invalid connection pool, empty", "in": {}, "valid": false},
  {"name": "invalid connection pool, bad max connections", "in": {"tcp": {"maxConnections": -1}}, "valid": false},
  {"name": "invalid connection pool, bad connect timeout", "in": {"tcp": {"connectTimeout": "2.000000005s"}}, "valid": false},
  {"name": "invalid connection pool, bad max pending requests", "in": {"http": {"http1MaxPendingRequests": -1}}, "valid": false},
  {"name": "invalid connection pool, bad max requests", "in": {"http": {"http2MaxRequests": -1}}, "valid": false},
  {"name": "invalid connection pool, bad max requests per connection", "in": {"http": {"maxRequestsPerConnection": -1}}, "valid": false},
  {"name": "invalid connection pool, bad max retries", "in": {"http": {"maxRetries": -1}}, "valid": false},
  {"name": "invalid connection pool, bad idle timeout", "in": {"http": {"idleTimeout": "30.000000005s"}}, "valid": false},
  {"name": "valid connection pool, tcp timeout disabled", "in": {"tcp": {"idleTimeout": "0s"}}, "valid": true},
  {"name": "invalid connection pool, bad max concurrent streams", "in": {"http": {"maxConcurrentStreams": -1}}, "valid": false},
];

export const TestValidateLoadBalancer: any[] = [
  {"name": "valid load balancer with simple load balancing", "in": {"simple": "ROUND_ROBIN"}, "valid": true},
  {"name": "valid load balancer with consistentHash load balancing", "in": {"consistentHash": {"minimumRingSize": 1024, "httpCookie": {"name": "test", "ttl": "3600s"}}}, "valid": true},
  {"name": "invalid load balancer with consistentHash load balancing, missing name", "in": {"consistentHash": {"minimumRingSize": 1024, "httpCookie": {"ttl": "3600s"}}}, "valid": false},
  {"name": "invalid load balancer with consistentHash load balancing, maglev not prime", "in": {"consistentHash": {"maglev": {"tableSize": 1000}}}, "valid": false},
  {"name": "valid load balancer with consistentHash load balancing and unique cookie attributes", "in": {"consistentHash": {"httpCookie": {"name": "test-cookie", "ttl": "3600s", "attributes": [{"name": "SameSite", "value": "Strict"}, {"name": "Secure", "value": "true"}, {"name": "HttpOnly", "value": "true"}]}}}, "valid": true},
  {"name": "invalid load balancer with consistentHash load balancing and duplicate cookie attribute names", "in": {"consistentHash": {"httpCookie": {"name": "test-cookie", "ttl": "3600s", "attributes": [{"name": "SameSite", "value": "Strict"}, {"name": "SameSite", "value": "Lax"}, {"name": "Secure", "value": "true"}]}}}, "valid": false},
  {"name": "invalid load balancer with consistentHash load balancing and empty cookie attribute name", "in": {"consistentHash": {"httpCookie": {"name": "test-cookie", "ttl": "3600s", "attributes": [{"name": "SameSite", "value": "Strict"}, {"value": "some-value"}, {"name": "Secure", "value": "true"}]}}}, "valid": false},
];

export const TestValidateOutlierDetection: any[] = [
  {"name": "valid outlier detection", "in": {"interval": "2s", "baseEjectionTime": "2s", "maxEjectionPercent": 50}, "valid": true},
  {"name": "invalid outlier detection, bad interval", "in": {"interval": "2.000000005s"}, "valid": false},
  {"name": "invalid outlier detection, bad base ejection time", "in": {"baseEjectionTime": "2.000000005s"}, "valid": false},
  {"name": "invalid outlier detection, bad max ejection percent", "in": {"maxEjectionPercent": 105}, "valid": false},
  {"name": "invalid outlier detection, panic threshold too low", "in": {"minHealthPercent": -1}, "valid": false},
  {"name": "invalid outlier detection, panic threshold too high", "in": {"minHealthPercent": 101}, "valid": false},
  {"name": "deprecated outlier detection, ConsecutiveErrors", "in": {"consecutiveErrors": 101}, "valid": true, "warn": true},
  {"name": "consecutive local origin errors is set but split local origin errors is not set", "in": {"consecutiveLocalOriginFailures": 10}, "valid": false},
];

export const TestValidateHTTPHeaderValue: any[] = [
  {"input": "foo", "expected": null},
  {"input": "%HOSTNAME%", "expected": null},
  {"input": "100%%", "expected": null},
  {"input": "prefix %HOSTNAME% suffix", "expected": null},
  {"input": "%DOWNSTREAM_PEER_CERT_V_END(%b %d %H:%M:%S %Y %Z)%", "expected": null},
  {"input": "%DYNAMIC_METADATA(com.test.my_filter)%"},
  {"input": "%START_TIME%%", "expected": {"error": "header value configuration %START_TIME%% is invalid"}},
  {"input": "abc%123", "expected": {"error": "header value configuration abc%123 is invalid"}},
];

export const TestValidateHTTPHeaderName: any[] = [
  {"name": "header1", "valid": true},
  {"name": "X-Requested-With", "valid": true},
  {"name": ":authority", "valid": true},
  {"name": "funky!$#_", "valid": true},
  {"name": "", "valid": false},
  {"name": "::", "valid": false},
  {"name": "illegal\"char", "valid": false},
];

export const Test_validateExportTo: any[] = [
  {"name": "empty exportTo is okay", "namespace": "ns5", "wantErr": false},
  {"name": "* is allowed", "namespace": "ns5", "exportTo": ["*"], "wantErr": false},
  {"name": ". and ns1 are allowed", "namespace": "ns5", "exportTo": [".", "ns1"], "wantErr": false},
  {"name": "bunch of namespaces in exportTo is okay", "namespace": "ns5", "exportTo": ["ns1", "ns2", "ns5"], "wantErr": false},
  {"name": "~ is allowed for service entry configs", "namespace": "ns5", "exportTo": ["~"], "isServiceEntry": true, "wantErr": false},
  {"name": "~ not allowed for non service entry configs", "namespace": "ns5", "exportTo": ["~", "ns1"], "wantErr": true},
  {"name": ". and * together are not allowed", "namespace": "ns5", "exportTo": [".", "*"], "wantErr": true},
  {"name": "* and ns1 together are not allowed", "namespace": "ns5", "exportTo": ["*", "ns1"], "wantErr": true},
  {"name": ". and same namespace in exportTo is not okay", "namespace": "ns5", "exportTo": [".", "ns5"], "wantErr": true},
  {"name": "duplicate namespaces in exportTo is not okay", "namespace": "ns5", "exportTo": ["ns1", "ns2", "ns1"], "wantErr": true},
  {"name": "duplicate none in service entry exportTo is not okay", "namespace": "ns5", "exportTo": ["~", "~", "ns1"], "isServiceEntry": true, "wantErr": true},
  {"name": "invalid namespace names are not okay", "namespace": "ns5", "exportTo": ["ns1_"], "wantErr": true},
  {"name": "none and other namespaces cannot be combined in service entry exportTo", "namespace": "ns5", "exportTo": ["~", "ns1"], "isServiceEntry": true, "wantErr": true},
  {"name": "destination rule with workloadselector cannot have exportTo (*)", "namespace": "ns5", "exportTo": ["*"], "isServiceEntry": false, "isDestinationRuleWithSelector": true, "wantErr": true},
  {"name": "destination rule with workloadselector can have only exportTo (.)", "namespace": "ns5", "exportTo": ["."], "isServiceEntry": false, "isDestinationRuleWithSelector": true, "wantErr": false},
  {"name": "destination rule with workloadselector cannot have another ns in exportTo (.)", "namespace": "ns5", "exportTo": ["somens"], "isServiceEntry": false, "isDestinationRuleWithSelector": true, "wantErr": true},
  {"name": "destination rule with workloadselector cannot have another ns in addition to own ns in exportTo (.)", "namespace": "ns5", "exportTo": [".", "somens"], "isServiceEntry": false, "isDestinationRuleWithSelector": true, "wantErr": true},
];
