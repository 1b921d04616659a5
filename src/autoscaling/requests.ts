import { Metric, MetricSourceType, MetricTargetType } from './metric';
import { Problem } from './problem';

/**
 * Resource metrics the HPA cannot compute for this pod spec, as the controller would find at run time
 * (`missing request for cpu in container …`, `container … not found`). It sums requests over the
 * containers and the restartable (sidecar) init containers, unless the pod sets pod-level requests.
 * `explicit` says whether `metrics` were given (else they are the server's default). Internal.
 */
export function requestProblems(podSpec: any, metrics: readonly Metric[], explicit: boolean, workload: string): Problem[] {
  const containers: any[] = [
    ...(podSpec?.containers ?? []),
    ...(podSpec?.initContainers ?? []).filter((c: any) => c?.restartPolicy === 'Always'),
  ];
  const problems: Problem[] = [];
  metrics.forEach((metric, i) => {
    const utilization = metric.target.type === MetricTargetType.UTILIZATION;
    const requested = (c: any) => c?.resources?.requests?.[metric.name] !== undefined;
    if (metric.type === MetricSourceType.RESOURCE && utilization && podSpec?.resources?.requests?.[metric.name] === undefined) {
      const missing = containers.filter(c => !requested(c)).map(c => `"${c.name}"`);
      if (missing.length > 0) {
        problems.push({
          prop: explicit ? `metrics[${i}].resource.target.averageUtilization` : 'metrics',
          value: explicit ? metric.target.amount : undefined,
          allowed: `${explicit ? 'needs' : `defaults to ${metric.name} at ${metric.target.amount}% utilization, which needs`} `
            + `a ${metric.name} request on every container of ${workload}, sidecars included (utilization is a share of `
            + `the summed requests; the HPA fails with "missing request for ${metric.name}"): `
            + `${plural(missing.length, 'container')} ${missing.join(', ')} request${missing.length === 1 ? 's' : ''} none`,
        });
      }
    }
    if (metric.type === MetricSourceType.CONTAINER_RESOURCE) {
      const container = containers.find(c => c?.name === metric.container);
      if (!container) {
        problems.push({
          prop: `metrics[${i}].containerResource.container`,
          value: metric.container,
          allowed: `must name a container of ${workload} (${containers.map(c => `"${c.name}"`).join(', ') || 'it has none'})`,
        });
      } else if (utilization && !requested(container)) {
        problems.push({
          prop: `metrics[${i}].containerResource.target.averageUtilization`,
          value: metric.target.amount,
          allowed: `needs a ${metric.name} request on container "${metric.container}" of ${workload} (utilization is a share of the request)`,
        });
      }
    }
  });
  return problems;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
