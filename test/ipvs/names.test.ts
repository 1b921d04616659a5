/**
 * Names the IPVS constructs write (issue 13): a Service name must be a DNS-1035 label (apiserver
 * ValidateServiceName), and the director's `name`, which names its ConfigMap and DaemonSet, a DNS-1123
 * subdomain (ValidateConfigMapName, ValidateDaemonSetName).
 */
import { Testing } from 'cdk8s';
import { refusalOf, warningsPrintedBy } from './helpers';
import { IpvsDirector, IpvsLoadBalancer, IpvsLoadBalancerProps } from '../../src';
import { only, synthValid } from '../util/validate';

const web: IpvsLoadBalancerProps = { selector: { app: 'web' }, ports: [{ port: 80, name: 'http' }] };
const virtualServers = [{ address: '1.2.3.4', port: 80, realServers: [{ address: '172.17.0.3' }] }];

function refusal(build: () => unknown): string {
  let message = '';
  warningsPrintedBy(() => message = refusalOf(build));
  return message;
}

describe('IpvsLoadBalancer serviceName', () => {
  test.each(['1web', 'web.shop', 'Web', '-web', ''])('refuses %j: not a DNS-1035 label', name => {
    expect(refusal(() => new IpvsLoadBalancer(Testing.chart(), 'lb', { ...web, serviceName: name }))).toBe(
      `[test/lb] 'serviceName' (${JSON.stringify(name)}) must be a Service name (a DNS-1035 label: lowercase letters, digits and '-', `
      + 'starting with a letter, at most 63 characters)');
  });

  test('writes a DNS-1035 label as given', () => {
    // GIVEN a Service name of 63 characters starting with a letter
    const chart = Testing.chart();
    const name = `w${'0'.repeat(62)}`;
    // WHEN
    new IpvsLoadBalancer(chart, 'lb', { ...web, serviceName: name });
    // THEN
    expect(only(synthValid(chart), 'Service').metadata.name).toBe(name);
  });
});

describe('IpvsDirector name', () => {
  test.each(['Rules', 'rules_1', 'a'.repeat(254), '', 'rules/1'])('refuses %j: not a DNS-1123 subdomain', name => {
    const shown = JSON.stringify(name);
    const allowed = 'must be a DNS-1123 subdomain (lowercase letters, digits, \'-\' and \'.\', at most 253 characters): it names the ConfigMap and the DaemonSet';
    expect(refusal(() => new IpvsDirector(Testing.chart(), 'director', { virtualServers, name }))).toBe(`[test/director] 'name' (${shown}) ${allowed}`);
    expect(refusal(() => new IpvsLoadBalancer(Testing.chart(), 'lb', { ...web, director: { address: '1.2.3.5', realServers: [{ address: '172.17.0.3' }], name } })))
      .toBe(`[test/lb] 'director.name' (${shown}) ${allowed}`);
  });

  test('names the ConfigMap and the DaemonSet with a subdomain as given', () => {
    const chart = Testing.chart();
    new IpvsDirector(chart, 'director', { virtualServers, name: 'ipvs.director-1' });
    const objects = synthValid(chart);
    expect([only(objects, 'ConfigMap').metadata.name, only(objects, 'DaemonSet').metadata.name]).toEqual(['ipvs.director-1', 'ipvs.director-1']);
  });
});
