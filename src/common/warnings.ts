import { IConstruct } from 'constructs';

/** The construct-metadata type under which the library records its synth-time warnings. */
export const WARNING_METADATA_TYPE = 'cdk8s-patterns:warning';

/**
 * Records a warning on a construct (cdk8s has no `Annotations` like aws-cdk's): as construct metadata of type
 * `cdk8s-patterns:warning`, readable with `warningsOf(scope)`, and once on stderr with the construct path,
 * so `cdk8s synth` shows it. Warnings never change the synthesized manifests.
 */
export function addWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(WARNING_METADATA_TYPE, message);
  // eslint-disable-next-line no-console
  console.warn(`[WARNING] [${scope.node.path}] ${message}`);
}

/** Every warning recorded on a construct and its children, `[<path>] <message>`, in construct-tree order. */
export function warningsOf(scope: IConstruct): string[] {
  return scope.node.findAll().flatMap(c => c.node.metadata
    .filter(m => m.type === WARNING_METADATA_TYPE)
    .map(m => `[${c.node.path}] ${m.data}`));
}
