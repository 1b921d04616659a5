import { ProblemCollector } from './problem';

/**
 * A validator for one kind: reads the rendered object (plain JSON, as it will be written) and records what the
 * real system would refuse or warn about.
 */
export type ObjectValidator = (obj: any, problems: ProblemCollector) => void;
