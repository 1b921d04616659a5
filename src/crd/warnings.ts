import { IConstruct } from 'constructs';

/** The construct metadata type of the library's synth-time warnings. */
export const WARNING = 'cdk8s-patterns:warning';

/**
 * Records a warning on a construct (construct metadata of type `cdk8s-patterns:warning`, as aws-cdk's
 * Annotations do; cdk8s has no Annotations API). Tools and tests read them from `node.metadata`.
 */
export function addWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(WARNING, message);
}
