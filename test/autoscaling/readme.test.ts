import * as fs from 'fs';
import * as path from 'path';
import { Chart, Duration, Testing, Yaml } from 'cdk8s';
import { BACKEND_AUTOSCALING, buildBackend } from '../../examples/backend';
import { HpaSimulator, SyncSample } from '../../src';
import { ofKind, synthValid } from '../util/validate';

const README = path.join(__dirname, '..', '..', 'docs', 'autoscaling.md');

/** The text between `<!-- begin:<id> -->` and `<!-- end:<id> -->` in the README, without the code fence. */
function readmeBlock(id: string): string {
  const text = fs.readFileSync(README, 'utf-8');
  const match = new RegExp(`<!-- begin:${id} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n<!-- end:${id} -->`).exec(text);
  if (!match) throw new Error(`README.md has no block ${id}`);
  return match[1];
}

/**
 * A busy hour for the example backend, one sample per 15 s sync: 2 pods idling at 55% cpu, a spike
 * worth 7 pods' cpu requests for four minutes, then 1.5 pods' worth; memory steady at 450Mi a pod.
 * New pods take 30 s to become ready.
 */
function busyHourTimeline(): string {
  const cpu = (t: number) => t < 60 ? 110 : t < 300 ? 700 : 150;
  const samples: SyncSample[] = Array.from({ length: 80 }, (_, i) => ({
    metrics: [{ total: cpu(i * 15) }, { value: 300 * 2 ** 20 }],
  }));
  const simulator = new HpaSimulator({ autoscaling: BACKEND_AUTOSCALING, podStartup: Duration.seconds(30) });
  return simulator.timeline(simulator.run({ initialReplicas: 2, samples }));
}

/** The example backend's autoscaling objects, as the README shows them. */
function backendAutoscalingYaml(): string {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  buildBackend(chart);
  const objects = synthValid(chart);
  return Yaml.stringify(...ofKind(objects, 'HorizontalPodAutoscaler'), ...ofKind(objects, 'PodDisruptionBudget'));
}

describe('README autoscaling section', () => {
  test('shows the simulated timeline busyHourTimeline() renders', () => {
    expect(readmeBlock('autoscaling-timeline')).toBe(busyHourTimeline());
  });

  test('shows the YAML the example backend synthesizes', () => {
    expect(readmeBlock('autoscaling-yaml')).toBe(backendAutoscalingYaml());
  });
});
