export { ChartApiVersion } from './chart-metadata';
export type { ChartMaintainer, ChartMetadata } from './chart-metadata';
export { VersioningStrategy } from './versioning';
export { UmbrellaChart } from './umbrella-chart';
export type { BindValueOptions, Subchart, SubchartOptions, UmbrellaChartProps } from './umbrella-chart';
export { HelmValue, HelmValueType } from './helm-value';
export type { BooleanValueOptions, HelmValueOptions, NumberValueOptions, ObjectValueOptions, StringValueOptions } from './helm-value';
