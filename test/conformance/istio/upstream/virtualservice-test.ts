/**
 * Istio's own test cases, ported as data: pkg/config/validation/virtualservice_test.go
 * at tag 1.30.3 (commit 56df41f63e513f834c9a3af33d8aed82d1d961f2), one table per upstream test function, each
 * case under its upstream name. Go values are written as the CRD's JSON: camelCase fields, durations as Go
 * duration strings ("2s", "0.000000999s"), oneofs flattened ({ exact: "foo" }), wrappers as bare values, bytes
 * as base64. `{ $repeat: [s, n] }` stands for s repeated n times, `{ $base64: x }` for x in base64 (see
 * expand() in ../support.ts). Converted mechanically from the Go composite literals; not edited by hand.
 */
/* eslint-disable */

export const TestValidateChainingVirtualService: any[] = [
  {"name": "root simple", "in": {"hosts": ["foo.bar"], "gateways": ["test-gateway"], "http": [{"delegate": {"name": "test", "namespace": "test"}}]}, "valid": true},
  {"name": "root applies to sidecar with delegate", "in": {"hosts": ["foo.bar"], "http": [{"delegate": {"name": "test", "namespace": "test"}}]}, "valid": true},
  {"name": "root with delegate and destination in one route", "in": {"hosts": ["foo.bar"], "http": [{"delegate": {"name": "test", "namespace": "test"}, "route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "delegate with no destination", "in": {"hosts": [], "http": [{}]}, "valid": false},
  {"name": "delegate with delegate", "in": {"hosts": [], "http": [{"delegate": {"name": "test", "namespace": "test"}}]}, "valid": false},
  {"name": "delegate with TCP route", "in": {"hosts": [], "tcp": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "delegate with gateway", "in": {"hosts": [], "gateways": ["test"], "http": [{"route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": false},
  {"name": "delegate with sourceNamespace", "in": {"hosts": [], "http": [{"match": [{"sourceNamespace": "test"}], "route": [{"destination": {"host": "foo.baz"}}]}]}, "valid": true},
];

export const TestValidateRootHTTPRoute: any[] = [
  {"name": "simple", "route": {"delegate": {"name": "test", "namespace": "test"}}, "valid": true},
  {"name": "route and delegate conflict", "route": {"route": [{"destination": {"host": "foo.baz"}}], "delegate": {"name": "test", "namespace": "test"}}, "valid": false},
  {"name": "redirect and delegate conflict", "route": {"redirect": {"uri": "/lerp", "authority": "foo.biz"}, "delegate": {"name": "test", "namespace": "test"}}, "valid": false},
  {"name": "null header match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"headers": {"header": null}}]}, "valid": false},
  {"name": "prefix header match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"headers": {"header": {"prefix": "test"}}}]}, "valid": true},
  {"name": "empty prefix header match (delegate)", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"headers": {"header": {"prefix": ""}}}]}, "valid": false},
  {"name": "exact header match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"headers": {"header": {"exact": "test"}}}]}, "valid": true},
  {"name": "regex header match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"headers": {"header": {"regex": "test"}}}]}, "valid": true},
  {"name": "exact without headers match", "route": {"redirect": {"uri": "/", "authority": "foo.biz"}, "match": [{"withoutHeaders": {"header": {"exact": "test"}}}]}, "valid": true},
  {"name": "regex without headers match", "route": {"redirect": {"uri": "/", "authority": "foo.biz"}, "match": [{"withoutHeaders": {"header": {"regex": "test"}}}]}, "valid": true},
  {"name": "regex without headers match ?", "route": {"redirect": {"uri": "/", "authority": "foo.biz"}, "match": [{"withoutHeaders": {"header": {"regex": "?"}}}]}, "valid": false},
  {"name": "regex without headers match *", "route": {"redirect": {"uri": "/", "authority": "foo.biz"}, "match": [{"withoutHeaders": {"header": {"regex": "*"}}}]}, "valid": true},
  {"name": "regex uri match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"uri": {"regex": "test"}}]}, "valid": true},
  {"name": "prefix uri match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"uri": {"prefix": "test"}}]}, "valid": true},
  {"name": "exact uri match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"uri": {"exact": "test"}}]}, "valid": true},
  {"name": "prefix queryParams match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"queryParams": {"q": {"prefix": "test"}}}]}, "valid": true},
  {"name": "exact queryParams match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"queryParams": {"q": {"exact": "test"}}}]}, "valid": true},
  {"name": "regex queryParams match", "route": {"delegate": {"name": "test", "namespace": "test"}, "match": [{"headers": {"q": {"regex": "test"}}}]}, "valid": true},
  {"name": "empty prefix match in method", "route": {"match": [{"method": {"prefix": ""}}], "redirect": {"uri": "/", "authority": "foo.biz"}}, "valid": false},
  {"name": "empty regex match in method", "route": {"match": [{"method": {"regex": ""}}], "redirect": {"uri": "/", "authority": "foo.biz"}}, "valid": false},
  {"name": "empty prefix match in uri", "route": {"match": [{"uri": {"prefix": ""}}], "redirect": {"uri": "/", "authority": "foo.biz"}}, "valid": true},
  {"name": "empty regex match in uri", "route": {"match": [{"uri": {"regex": ""}}], "redirect": {"uri": "/", "authority": "foo.biz"}}, "valid": false},
  {"name": "empty regex match in query", "route": {"match": [{"queryParams": {"q": {"regex": ""}}}], "redirect": {"uri": "/", "authority": "foo.biz"}}, "valid": false},
  {"name": "empty regex match in scheme", "route": {"match": [{"scheme": {"regex": ""}}], "redirect": {"uri": "/", "authority": "foo.biz"}}, "valid": false},
  {"name": "empty prefix match in scheme", "route": {"match": [{"scheme": {"prefix": ""}}], "redirect": {"uri": "/", "authority": "foo.biz"}}, "valid": false},
  {"name": "empty prefix header match", "route": {"match": [{"headers": {"header": {"prefix": ""}}}]}, "valid": false},
];

export const TestValidateDelegateHTTPRoute: any[] = [
  {"name": "empty", "route": {}, "valid": false},
  {"name": "simple", "route": {"route": [{"destination": {"host": "foo.baz"}}]}, "valid": true},
  {"name": "no destination", "route": {"route": [{}]}, "valid": false},
  {"name": "weighted", "route": {"route": [{"destination": {"host": "foo.baz.south"}, "weight": 25}, {"destination": {"host": "foo.baz.east"}, "weight": 75}]}, "valid": true},
  {"name": "total weight > 100", "route": {"route": [{"destination": {"host": "foo.baz.south"}, "weight": 55}, {"destination": {"host": "foo.baz.east"}, "weight": 50}]}, "valid": true},
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
  {"name": "null header match", "route": {"route": [{"destination": {"host": "foo.bar"}}], "match": [{"headers": {"header": null}}]}, "valid": false},
  {"name": "nil match", "route": {"route": [{"destination": {"host": "foo.bar"}}]}, "valid": true},
  {"name": "match with nil element", "route": {"route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": true},
  {"name": "invalid mirror percent", "route": {"mirrorPercent": 101, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "invalid mirror percentage", "route": {"mirrorPercentage": {"value": 101}, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "valid mirror percentage", "route": {"mirrorPercentage": {"value": 1}, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": true},
  {"name": "negative mirror percentage", "route": {"mirrorPercentage": {"value": -1}, "route": [{"destination": {"host": "foo.bar"}}], "match": [null]}, "valid": false},
  {"name": "delegate route with delegate", "route": {"delegate": {"name": "test", "namespace": "test"}}, "valid": false},
];
