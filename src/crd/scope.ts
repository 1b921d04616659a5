/**
 * Whether the custom resources live in a namespace or across the cluster (`spec.scope`).
 */
export enum CustomResourceScope {
  /** Each object lives in a namespace (the usual choice). */
  NAMESPACED = 'Namespaced',
  /** Objects are cluster-wide, like Nodes. */
  CLUSTER = 'Cluster',
}
