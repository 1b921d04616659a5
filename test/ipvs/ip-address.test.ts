import { cidrContains, cidrProblem, hostCidr, hostPort, isPort, parseCidr, parseIp } from '../../src/ipvs/ip-address';

describe('strict IP parser', () => {
  test.each([
    ['1.2.3.4', 4, '1.2.3.4'],
    ['0.0.0.0', 4, '0.0.0.0'],
    ['255.255.255.255', 4, '255.255.255.255'],
    ['2001:db8::1', 6, '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', 6, '2001:db8::1'],
    ['::', 6, '::'],
    ['::1', 6, '::1'],
    ['fe80::', 6, 'fe80::'],
    ['2001:db8:0:1:0:0:0:1', 6, '2001:db8:0:1::1'],
    ['2001:0:0:1:0:0:0:1', 6, '2001:0:0:1::1'],
    ['::1.2.3.4', 6, '::102:304'],
    ['1:2:3:4:5:6:7:8', 6, '1:2:3:4:5:6:7:8'],
  ])('GIVEN %s WHEN parsed THEN IPv%s %s (RFC 5952 for IPv6)', (text, family, canonical) => {
    expect(parseIp(text)).toMatchObject({ family, text: canonical });
  });

  test.each([
    '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.04', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.-4', '1.2.3.4/32',
    'a.b.c.d', '1..2.3', ':::', '1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7::8',
    'fe80::1%eth0', '[::1]', 'g::1', '1.2.3.4::', '::1.2.3', '0x1.2.3.4', '010.0.0.1', '0x7f.0.0.1', '1.2.3.4%eth0',
    '::ffff:1.2.03.4', '::ffff:0x1.2.3.4', '::1.2.3.4.5', '1.2.3.4:5::', '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5:6:7:8:', '1::2:',
    ':1:2:3:4:5:6:7', '12345', '1.2.3.4\n', '\u0661.2.3.4',
  ])('GIVEN %j WHEN parsed THEN refused', text => {
    expect(parseIp(text)).toBeUndefined();
  });

  test('IPv4-mapped IPv6 is the IPv4 address, as Go\'s net.IP prints it and the API server asks for it', () => {
    // GIVEN the mapped form kube-proxy reads as IPv4 (net.IP.To4) and the API server warns about ("use 1.2.3.4")
    // WHEN parsed THEN the IPv4 address: the ipvsadm rule, the externalIP and the conflict check all say 1.2.3.4
    expect(parseIp('::ffff:1.2.3.4')).toEqual({ family: 4, text: '1.2.3.4', value: 0x01020304n });
    expect(parseIp('::FFFF:7f01:0203')).toEqual({ family: 4, text: '127.1.2.3', value: 0x7f010203n });
    expect(hostPort(parseIp('::ffff:1.2.3.4')!, 80)).toBe('1.2.3.4:80');
    // a block of mapped addresses is the IPv4 block (net.IPNet.String); host bits are checked in 128 bits
    expect(parseCidr('::ffff:10.0.0.0/104')).toMatchObject({ family: 4, text: '10.0.0.0/8', prefix: 8 });
    expect(cidrProblem('::ffff:10.1.0.0/104')).toBe('must have its host bits zero (did you mean 10.0.0.0/8?)');
    // under /96 Go's block would be an IPv6 one (::/8): refused, the IPv4 block suggested when there is one
    expect(cidrProblem('::ffff:10.1.0.0/8')).toBe('must not give an IPv4-mapped address a prefix length under 96 (did you mean 10.0.0.0/8?)');
    expect(cidrProblem('::ffff:10.1.0.0/64')).toBe('must not give an IPv4-mapped address a prefix length under 96');
    expect(cidrContains(parseCidr('::ffff:10.0.0.0/104')!, parseIp('10.1.2.3')!)).toBe(true);
  });

  test('refuses non-strings without throwing', () => {
    expect(parseIp(42 as any)).toBeUndefined();
    expect(parseCidr(undefined as any)).toBeUndefined();
  });
});

describe('strict CIDR parser', () => {
  test.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['1.2.3.4/32', '1.2.3.4/32'],
    ['fd00::/64', 'fd00::/64'],
    ['2001:DB8::/32', '2001:db8::/32'],
    ['::/0', '::/0'],
  ])('GIVEN %s THEN a CIDR block %s', (text, canonical) => {
    expect(parseCidr(text)?.text).toBe(canonical);
    expect(cidrProblem(text)).toBeUndefined();
  });

  test('host bits set: refused with the network address suggested', () => {
    expect(parseCidr('10.1.2.3/8')).toBeUndefined();
    expect(cidrProblem('10.1.2.3/8')).toBe('must have its host bits zero (did you mean 10.0.0.0/8?)');
    expect(cidrProblem('fd00::1/64')).toBe('must have its host bits zero (did you mean fd00::/64?)');
  });

  test.each(['10.0.0.0', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/08', '10.0.0.0/', '/8', '10.0.0.0/8/8', '10.0.0.0/-1', 'x/8'])(
    'GIVEN %j THEN not a CIDR block', text => {
      expect(cidrProblem(text)).toBe('must be a CIDR block such as 10.0.0.0/8 or fd00::/64');
    });

  test('containment and host blocks', () => {
    expect(cidrContains(parseCidr('1.2.0.0/16')!, parseIp('1.2.3.4')!)).toBe(true);
    expect(cidrContains(parseCidr('1.3.0.0/16')!, parseIp('1.2.3.4')!)).toBe(false);
    expect(cidrContains(parseCidr('::/0')!, parseIp('1.2.3.4')!)).toBe(false);
    expect(hostCidr(parseIp('1.2.3.4')!)).toBe('1.2.3.4/32');
    expect(hostCidr(parseIp('2001:db8::1')!)).toBe('2001:db8::1/128');
  });
});

describe('ports and host:port', () => {
  test('ports are integers 1–65535', () => {
    expect([1, 80, 65535].every(isPort)).toBe(true);
    expect([0, 65536, 80.5, -1, '80', NaN].some(isPort)).toBe(false);
  });

  test('IPv6 is bracketed as ipvsadm writes it', () => {
    expect(hostPort(parseIp('1.2.3.4')!, 80)).toBe('1.2.3.4:80');
    expect(hostPort(parseIp('2001:db8::1')!, 443)).toBe('[2001:db8::1]:443');
  });
});

describe('loading', () => {
  test('ipaddr.js is loaded on first use, not when the module loads', () => {
    jest.isolateModules(() => {
      let loads = 0;
      jest.doMock('ipaddr.js', () => {
        loads++;
        return jest.requireActual('ipaddr.js');
      });
      // GIVEN the module loaded THEN ipaddr.js is not; WHEN an address is parsed THEN it is, once
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../src/ipvs/ip-address') as typeof import('../../src/ipvs/ip-address');
      expect(fresh.hostPort({ family: 4, text: '1.2.3.4', value: 0x01020304n }, 80)).toBe('1.2.3.4:80');
      expect(loads).toBe(0);
      expect(fresh.parseIp('::ffff:1.2.3.4')?.text).toBe('1.2.3.4');
      expect(fresh.parseCidr('10.0.0.0/8')?.text).toBe('10.0.0.0/8');
      expect(loads).toBe(1);
    });
  });
});
