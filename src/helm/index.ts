export { ChartApiVersion } from './chart-metadata';
export type { ChartMaintainer, ChartMetadata } from './chart-metadata';
export { VersioningStrategy } from './versioning';
export { UmbrellaChart } from './umbrella-chart';
export type { Subchart, SubchartOptions, UmbrellaChartProps } from './umbrella-chart';
