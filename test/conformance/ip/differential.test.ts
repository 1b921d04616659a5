/**
 * Differential check beyond upstream's tables: ipaddr.js reads more forms than Go (shorthand, octal and hex IPv4,
 * zones, lenient transitional IPv6), so generated address-like texts are compared with an independent strict
 * reader, Node's `net.isIP` (RFC 4291 / inet_pton forms: decimal octets without leading zeros, 1–4 hex digits a
 * group, one `::`, a trailing dotted quad), which agrees with Go's net.ParseIP except that it accepts zones
 * (ParseIP refuses them). Values are compared with the WHATWG URL parser's reading of the same text.
 */
import { isIP } from 'net';
import * as fc from 'fast-check';
import { parseIp } from '../../../src/ipvs/ip-address';
import { runs } from '../../properties/support';

/** A URL host `[...]`'s address as 128 bits (the URL parser has already validated and compressed it). */
function urlValue(text: string): bigint {
  const host = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const [head, tail] = host.includes('::') ? host.split('::') : [host, undefined];
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const all = tail === undefined ? groups(head) : [...groups(head), ...new Array(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  return all.reduce((acc, g) => acc * 65536n + BigInt(parseInt(g, 16)), 0n);
}

const ALPHABET = '0123456789abcdefABCDEFx.:%/ '.split('');
const octet = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('256', '300', '00', '01', '010', '0x1f', '-1', '') },
);
const quad = fc.oneof(
  { weight: 8, arbitrary: fc.array(octet, { minLength: 4, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(octet, { minLength: 1, maxLength: 6 }) },
).map(parts => parts.join('.'));
const group = fc.oneof({ weight: 12, arbitrary: fc.stringMatching(/^[0-9a-fA-F]{1,4}$/) }, { weight: 1, arbitrary: fc.constantFrom('00000', '12345', 'g', '') });
/** 8 groups (or 6 and a dotted quad), a run of them compressed to `::` or not. */
const gapIndex = fc.integer({ min: 0, max: 8 });
const ipv6 = fc.tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.option(quad), gapIndex, gapIndex)
  .map(([groups, q, start, length]) => {
    const words = q === null ? groups : groups.slice(0, 6);
    if (length === 0 || start >= words.length) return q === null ? words.join(':') : `${words.join(':')}:${q}`;
    const head = words.slice(0, start).join(':');
    const tail = [...words.slice(start + length), ...(q === null ? [] : [q])].join(':');
    return `${head}::${tail}`;
  });
/** A text, sometimes with one character inserted, deleted or replaced, sometimes with a zone. */
const mutated = (texts: fc.Arbitrary<string>) => fc.tuple(texts, fc.nat(), fc.constantFrom(...ALPHABET), fc.constantFrom('keep', 'insert', 'delete', 'replace'),
  fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('%eth0', '%1', '%') }))
  .map(([text, at, c, how, zone]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    const edited = how === 'insert' ? text.slice(0, i) + c + text.slice(i)
      : how === 'delete' ? text.slice(0, i) + text.slice(i + 1)
        : how === 'replace' ? text.slice(0, i) + c + text.slice(i + 1) : text;
    return edited + zone;
  });
const soup = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 24 });

describe('parseIp agrees with an independent strict reader on generated texts', () => {
  test.each([
    ['dotted quads', mutated(quad)],
    ['IPv6 texts', mutated(ipv6)],
    ['character soup', soup],
  ] as const)('%s: accepted exactly when net.isIP accepts without a zone, with the same value', (_name, texts) => {
    fc.assert(fc.property(texts, text => {
      const got = parseIp(text);
      const expected = isIP(text) !== 0 && !text.includes('%');
      expect(got !== undefined).toBe(expected);
      if (!got) return;
      if (isIP(text) === 4) {
        expect(got).toMatchObject({ family: 4, text });
      } else {
        // an IPv4-mapped address reads as IPv4 (net.IP); its 128 bits are ::ffff:0:0/96 plus the IPv4 bits
        expect(got.family === 4 ? 0xffff00000000n + got.value : got.value).toBe(urlValue(text));
      }
    }), runs(3000));
  });
});
