import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { checkConstructArgs, propError } from '../common';
import { withoutNamespace } from './cluster-scoped';
import { CustomResourceDefinition } from './custom-resource-definition';
import { CustomResourceScope } from './scope';
import { addWarning } from '../common/warnings';
import { ProblemSeverity } from '../validation';
import { problemMessage, validateWrittenObjects } from '../validation/construct';

/**
 * Props of a CustomResource.
 */
export interface CustomResourceProps {
  /** The CRD this object is an instance of. */
  readonly definition: CustomResourceDefinition;

  /**
   * The version of the object (a served version of the CRD).
   *
   * @default - the CRD's storage version
   */
  readonly version?: string;

  /**
   * Name, namespace, labels and annotations.
   *
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The spec, checked against the version's schema at synth.
   *
   * @default - no spec
   */
  readonly spec?: { [key: string]: any };

  /**
   * Refuse fields the version's schema does not list, as `kubectl apply --validate=strict` makes the API server
   * do. Otherwise they are reported as warnings: the API server accepts the object and prunes them.
   *
   * @default false
   */
  readonly strictFields?: boolean;
}

/**
 * An object of a custom kind, checked at synth against the schema of its CRD version.
 *
 * ```ts
 * new CustomResource(chart, 'example-at', {
 *   definition: at,
 *   spec: { schedule: '2019-07-03T02:00:00Z', command: 'echo YAY' },
 * });
 * ```
 *
 * Synth fails with the field path, the value and the upstream rule broken when the API server would refuse
 * the object (`[chart/example-at] 'spec.schedule' (42) must be of type string, found integer [...]`): defaults
 * are applied first, the schema is checked with the server's formats and RE2 patterns, and the CEL rules
 * (`x-kubernetes-validations`) are evaluated, except transition rules (`oldSelf`), which need the stored
 * object. Fields the schema does not list are pruned by the server: they are reported as warnings, or refused
 * with `strictFields`. Changes made through `apiObject` (JSON patches) are checked too.
 */
export class CustomResource extends Construct {
  /** The object. */
  public readonly apiObject: ApiObject;

  /** The CRD. */
  public readonly definition: CustomResourceDefinition;

  /** The version of the object. */
  public readonly version: string;

  /**
   * Defines the construct; see the props for what it writes and checks.
   *
   * @param scope the construct this one is defined in (a Chart, or a construct in one)
   * @param id the id, unique among the children of `scope`; the construct path ends with it
   * @param props the settings (CustomResourceProps)
   */
  constructor(scope: Construct, id: string, props: CustomResourceProps) {
    super(checkConstructArgs('CustomResource', scope, id, props), id);
    validateWrittenObjects(this);
    const crd = props.definition;
    this.definition = crd;
    this.version = props.version ?? crd.storageVersion;
    const version = crd.versions.find(v => v.name === this.version);
    const served = crd.versions.filter(v => v.served ?? true).map(v => v.name);
    if (!version || !(version.served ?? true)) {
      throw propError(this, 'version', this.version, `must be a served version of ${crd.name}: ${served.join(', ')}`);
    }
    const cluster = crd.scope === CustomResourceScope.CLUSTER;
    if (cluster && props.metadata?.namespace !== undefined) {
      throw propError(this, 'metadata.namespace', props.metadata.namespace, `must be unset: ${crd.kind} is cluster-scoped`);
    }
    if (version.deprecated) {
      addWarning(this, `${crd.kind} ${this.version} is deprecated: ${version.deprecationWarning ?? `${crd.apiVersionOf(this.version)} ${crd.kind} is deprecated`}`);
    }

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: crd.apiVersionOf(this.version),
      kind: crd.kind,
      // cdk8s spreads metadata over the generated name: an explicit `name: undefined` would erase it
      metadata: props.metadata && Object.fromEntries(Object.entries(props.metadata).filter(([, v]) => v !== undefined)),
      spec: props.spec,
    });
    if (cluster) withoutNamespace(this.apiObject);
    const strict = props.strictFields ?? false;
    this.node.addValidation({
      validate: () => {
        const errors: string[] = [];
        for (const problem of crd._checkInstance(this.apiObject.toJson(), strict)) {
          if (problem.severity === ProblemSeverity.ERROR) errors.push(problemMessage(problem));
          else addWarning(this, problemMessage(problem));
        }
        return errors;
      },
    });
  }

  /** The object's name. */
  public get name(): string {
    return this.apiObject.name;
  }
}
