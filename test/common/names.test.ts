import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isLabelKey, isLabelValue, isPathSegmentName } from '../../src/common';

describe('Kubernetes name rules', () => {
  test('DNS-1123 and DNS-1035 labels', () => {
    expect(['a', 'web-1', '1app', 'a'.repeat(63)].map(isDns1123Label)).toEqual([true, true, true, true]);
    expect(['', 'Web', 'a_b', '-a', 'a-', 'a.b', 'a'.repeat(64), 7].map(isDns1123Label)).toEqual(Array(8).fill(false));
    expect(['app', 'a-1'].map(isDns1035Label)).toEqual([true, true]);
    expect(['1app', 'App'].map(isDns1035Label)).toEqual([false, false]);
  });

  test('DNS-1123 subdomains', () => {
    expect(['example.com', 'a.b-c.d', 'cnat.programming-kubernetes.info'].map(isDns1123Subdomain)).toEqual([true, true, true]);
    expect(['Example.com', 'a..b', '.a', `${'a'.repeat(63)}.`.repeat(4) + 'abcd'].map(isDns1123Subdomain)).toEqual([false, false, false, false]);
  });

  test('label keys and values', () => {
    expect(['app', 'app.kubernetes.io/name', 'A_b.c-D', 'example.com/x'].map(isLabelKey)).toEqual([true, true, true, true]);
    expect(['', 'a/b/c', 'Example.com/x', 'x/', '/x', 'a b', `${'a'.repeat(64)}`, '{{ x }}'].map(isLabelKey)).toEqual(Array(8).fill(false));
    expect(['', 'v1', 'A.b_c-1'].map(isLabelValue)).toEqual([true, true, true]);
    expect(['-v', 'v-', 'a b', 'line\nbreak', 'a'.repeat(64), 1].map(isLabelValue)).toEqual(Array(6).fill(false));
  });

  test('path segment names', () => {
    expect(['requests', 'http_requests', 'a.b', 'Mixed:Case'].map(isPathSegmentName)).toEqual([true, true, true, true]);
    expect(['.', '..', 'a/b', '50%'].map(isPathSegmentName)).toEqual([false, false, false, false]);
  });
});
