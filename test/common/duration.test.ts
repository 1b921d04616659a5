import { Duration } from 'cdk8s';
import { formatDuration } from '../../src/common';

describe('formatDuration', () => {
  test.each([
    [Duration.millis(0), '0s'],
    [Duration.millis(1), '1ms'],
    [Duration.millis(1500), '1500ms'],
    [Duration.seconds(30), '30s'],
    [Duration.seconds(90), '1m30s'],
    [Duration.minutes(5), '5m'],
    [Duration.hours(2), '2h'],
    [Duration.seconds(3661), '1h1m1s'],
  ])('%s -> %s', (d, expected) => {
    expect(formatDuration(d)).toBe(expected);
  });
});
