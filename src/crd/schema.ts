import { checkArgs } from '../common';
import { copyJson } from './json';

/**
 * Why a CEL rule fails, as reported to the client (`x-kubernetes-validations[].reason`).
 */
export enum ValidationReason {
  /** HTTP 422, the value is invalid (the server's default). */
  FIELD_VALUE_INVALID = 'FieldValueInvalid',
  /** HTTP 422, the value is forbidden. */
  FIELD_VALUE_FORBIDDEN = 'FieldValueForbidden',
  /** HTTP 422, a value is required. */
  FIELD_VALUE_REQUIRED = 'FieldValueRequired',
  /** HTTP 422, the value is a duplicate. */
  FIELD_VALUE_DUPLICATE = 'FieldValueDuplicate',
}

/**
 * A CEL validation rule (`x-kubernetes-validations`), evaluated by the API server.
 *
 * The CRD refuses rules that do not compile or type-check against the schema (`self` has the node's type),
 * and `CustomResource` evaluates them at synth, except transition rules (those using `oldSelf`), which need
 * the stored object and only the API server can run.
 */
export interface ValidationRule {
  /**
   * The CEL expression; `self` is the value of the node the rule sits on (e.g. `self.minReplicas <= self.maxReplicas`).
   */
  readonly rule: string;

  /**
   * The message returned when the rule fails (one line).
   *
   * @default - the server says "failed rule: <rule>"
   */
  readonly message?: string;

  /**
   * A CEL expression evaluating to the message (takes precedence over `message`).
   *
   * @default - none
   */
  readonly messageExpression?: string;

  /**
   * The reason returned to the client when the rule fails.
   *
   * @default ValidationReason.FIELD_VALUE_INVALID
   */
  readonly reason?: ValidationReason;

  /**
   * The field the failure is reported on, relative to the node (e.g. `.spec.replicas`). It must exist in the schema.
   *
   * @default - the node itself
   */
  readonly fieldPath?: string;

  /**
   * Runs a transition rule on create too, with `oldSelf` an empty optional (`oldSelf.hasValue()` is false).
   * Only for rules that use `oldSelf`.
   *
   * @default false
   */
  readonly optionalOldSelf?: boolean;
}

/**
 * Options every schema node takes.
 */
export interface SchemaOptions {
  /**
   * What the field means (shown by `kubectl explain`).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The value the API server writes when the field is absent. It must be valid against this node.
   *
   * @default - no default
   */
  readonly default?: any;

  /**
   * Whether `null` is an accepted value (otherwise the server prunes explicit nulls).
   *
   * @default false
   */
  readonly nullable?: boolean;

  /**
   * CEL rules on this node (`x-kubernetes-validations`): compiled and type-checked with the CRD, evaluated on
   * `CustomResource`s at synth (except transition rules) and by the API server.
   *
   * @default - none
   */
  readonly validations?: ValidationRule[];
}

/**
 * Options of an object with known fields.
 */
export interface ObjectSchemaOptions extends SchemaOptions {
  /**
   * The fields, by name.
   *
   * @default - no fields: the server prunes everything inside unless `preserveUnknownFields`
   */
  readonly properties?: { [name: string]: Schema };

  /**
   * The fields that must be present (each one of `properties`).
   *
   * @default - none
   */
  readonly required?: string[];

  /**
   * The schema of the values of a map. Not allowed together with `properties` in a structural schema;
   * use `Schema.map()` for maps.
   *
   * @default - not a map
   */
  readonly additionalProperties?: Schema;

  /**
   * Keep fields the schema does not list instead of pruning them (`x-kubernetes-preserve-unknown-fields`).
   *
   * @default false
   */
  readonly preserveUnknownFields?: boolean;
}

/**
 * Options of a string.
 */
export interface StringSchemaOptions extends SchemaOptions {
  /**
   * A format the API server validates: `date-time`, `date`, `duration`, `byte`, `password`, `uuid`,
   * `uuid3`, `uuid4`, `uuid5`, `ipv4`, `ipv6`, `cidr`, `mac`, `hostname`, `email`, `uri`, `bsonobjectid`,
   * `hexcolor`, `rgbcolor`, `isbn`, `isbn10`, `isbn13`, `creditcard`, `ssn`, `k8s-short-name`, `k8s-long-name`
   * (1.34+). Other formats are ignored by the server (a warning at synth).
   *
   * @default - any string
   */
  readonly format?: string;

  /**
   * A regular expression the value must match (RE2 syntax: no lookaround, no back-references).
   *
   * @default - any string
   */
  readonly pattern?: string;

  /**
   * The accepted values.
   *
   * @default - any string
   */
  readonly enum?: string[];

  /**
   * Minimum length in characters.
   *
   * @default - no minimum
   */
  readonly minLength?: number;

  /**
   * Maximum length in characters (also bounds the cost of CEL rules on the field).
   *
   * @default - no maximum
   */
  readonly maxLength?: number;
}

/**
 * Options of an integer or a number.
 */
export interface NumberSchemaOptions extends SchemaOptions {
  /**
   * Smallest accepted value (inclusive).
   *
   * @default - no minimum
   */
  readonly minimum?: number;

  /**
   * Largest accepted value (inclusive).
   *
   * @default - no maximum
   */
  readonly maximum?: number;

  /**
   * The value must be a multiple of this (> 0).
   *
   * @default - any value
   */
  readonly multipleOf?: number;

  /**
   * The accepted values.
   *
   * @default - any value
   */
  readonly enum?: number[];

  /**
   * A descriptive format: `int32` or `int64` for integers, `float` or `double` for numbers.
   *
   * @default - none
   */
  readonly format?: string;
}

/**
 * How server-side apply merges a list (`x-kubernetes-list-type`).
 */
export enum ListType {
  /** The list is replaced as a whole (the default). */
  ATOMIC = 'atomic',
  /** Scalar items are unique and merged as a set. */
  SET = 'set',
  /** Object items are merged by the `listMapKeys` fields. */
  MAP = 'map',
}

/**
 * Options of an array.
 */
export interface ArraySchemaOptions extends SchemaOptions {
  /**
   * Minimum number of items.
   *
   * @default - no minimum
   */
  readonly minItems?: number;

  /**
   * Maximum number of items (also bounds the cost of CEL rules on the list).
   *
   * @default - no maximum
   */
  readonly maxItems?: number;

  /**
   * How server-side apply merges the list.
   *
   * @default ListType.ATOMIC
   */
  readonly listType?: ListType;

  /**
   * With `ListType.MAP`: the item fields that identify an item (scalar, required or defaulted).
   *
   * @default - none
   */
  readonly listMapKeys?: string[];
}

/**
 * Options of a map (an object whose keys are free and whose values share one schema).
 */
export interface MapSchemaOptions extends SchemaOptions {
  /**
   * Minimum number of entries.
   *
   * @default - no minimum
   */
  readonly minProperties?: number;

  /**
   * Maximum number of entries.
   *
   * @default - no maximum
   */
  readonly maxProperties?: number;
}

/**
 * A node of a structural OpenAPI v3 schema, as a CustomResourceDefinition version carries it.
 *
 * Build it with the static factories; `CustomResourceDefinition` checks that it is structural (every node
 * typed, no `additionalProperties` beside `properties`, defaults valid, …) and refuses it otherwise.
 *
 * ```ts
 * Schema.object({
 *   properties: {
 *     spec: Schema.object({
 *       properties: { schedule: Schema.string({ format: 'date-time' }), command: Schema.string() },
 *       required: ['schedule'],
 *     }),
 *   },
 * });
 * ```
 */
export class Schema {
  /**
   * An object with known fields.
   */
  public static object(options: ObjectSchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.object', arguments);
    const properties = options.properties === undefined ? undefined
      : Object.fromEntries(Object.entries(options.properties).map(([name, s]) => [name, Schema.render(s)]));
    return new Schema({
      ...common(options),
      'type': 'object',
      properties,
      'required': options.required,
      'additionalProperties': options.additionalProperties === undefined ? undefined : Schema.render(options.additionalProperties),
      'x-kubernetes-preserve-unknown-fields': options.preserveUnknownFields || undefined,
    });
  }

  /**
   * A string.
   */
  public static string(options: StringSchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.string', arguments);
    return new Schema({
      ...common(options),
      type: 'string',
      format: options.format,
      pattern: options.pattern,
      enum: options.enum,
      minLength: options.minLength,
      maxLength: options.maxLength,
    });
  }

  /**
   * An integer (64 bits on the server).
   */
  public static integer(options: NumberSchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.integer', arguments);
    return new Schema({ ...common(options), type: 'integer', ...numeric(options) });
  }

  /**
   * A number (integer or floating point).
   */
  public static number(options: NumberSchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.number', arguments);
    return new Schema({ ...common(options), type: 'number', ...numeric(options) });
  }

  /**
   * A boolean.
   */
  public static boolean(options: SchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.boolean', arguments);
    return new Schema({ ...common(options), type: 'boolean' });
  }

  /**
   * A list whose items all match `items`.
   */
  public static array(items: Schema, options: ArraySchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.array', arguments);
    return new Schema({
      ...common(options),
      'type': 'array',
      'items': Schema.render(items),
      'minItems': options.minItems,
      'maxItems': options.maxItems,
      'x-kubernetes-list-type': options.listType,
      'x-kubernetes-list-map-keys': options.listMapKeys,
    });
  }

  /**
   * A map from free string keys to values matching `values` (`additionalProperties`), like labels.
   */
  public static map(values: Schema, options: MapSchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.map', arguments);
    return new Schema({
      ...common(options),
      type: 'object',
      additionalProperties: Schema.render(values),
      minProperties: options.minProperties,
      maxProperties: options.maxProperties,
    });
  }

  /**
   * An integer or a string, like a port (`8080` or `"http"`) or a quantity (`x-kubernetes-int-or-string`).
   */
  public static intOrString(options: SchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.intOrString', arguments);
    return new Schema({
      ...common(options),
      'anyOf': [{ type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
    });
  }

  /**
   * An object kept as it is, never pruned nor validated beyond being an object
   * (`x-kubernetes-preserve-unknown-fields`), e.g. a free-form configuration.
   */
  public static preserveUnknownFields(options: SchemaOptions = {}): Schema {
    checkArgs('Schema', 'Schema.preserveUnknownFields', arguments);
    return new Schema({ ...common(options), 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true });
  }

  /**
   * An existing OpenAPI v3 schema (e.g. from a hand-written CRD), taken as it is. It is checked like a
   * built one when a `CustomResourceDefinition` uses it.
   *
   * @param json the `openAPIV3Schema` object (or any node of it)
   */
  public static fromJson(json: any): Schema {
    return new Schema(copyJson(json ?? null));
  }

  /**
   * A child as JSON. A Schema is immutable and every way out copies (`toJson()`), so its JSON is shared,
   * not copied: building a schema level by level stays linear however deep it nests. Anything else
   * (plain JavaScript callers) is copied and kept for the checks.
   */
  private static render(child: Schema): any {
    return child instanceof Schema ? child.json : copyJson(child ?? null);
  }

  private readonly json: any;

  private constructor(json: any) {
    this.json = json !== null && typeof json === 'object' && !Array.isArray(json) ? withoutUndefined(json) : json;
  }

  /**
   * The schema as the CRD carries it (`openAPIV3Schema` or one of its nodes); a fresh copy on every call.
   */
  public toJson(): any {
    return copyJson(this.json ?? null);
  }
}

function common(options: SchemaOptions): Record<string, any> {
  const validations = options.validations?.map(v => withoutUndefined({
    rule: v.rule,
    message: v.message,
    messageExpression: v.messageExpression,
    reason: v.reason,
    fieldPath: v.fieldPath,
    optionalOldSelf: v.optionalOldSelf,
  }));
  return {
    'description': options.description,
    'default': options.default,
    'nullable': options.nullable || undefined,
    'x-kubernetes-validations': validations,
  };
}

function numeric(options: NumberSchemaOptions): Record<string, any> {
  return {
    minimum: options.minimum,
    maximum: options.maximum,
    multipleOf: options.multipleOf,
    enum: options.enum,
    format: options.format,
  };
}

function withoutUndefined(obj: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}
