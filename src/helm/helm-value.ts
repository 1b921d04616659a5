import { checkArgs, describeValue } from '../common';
import { re2CompileError, re2Matches } from '../validation/engines';

/**
 * The type of a Helm value (its JSON-schema type).
 */
export enum HelmValueType {
  /** A string, written into templates with `quote`. */
  STRING = 'string',
  /** A whole number, written with `int`. */
  INTEGER = 'integer',
  /** Any finite number, written with `toJson`. */
  NUMBER = 'number',
  /** `true` or `false`. */
  BOOLEAN = 'boolean',
  /** A mapping (JSON object), written with `toYaml | nindent`. */
  OBJECT = 'object',
}

/** Options shared by every kind of Helm value. */
export interface HelmValueOptions {
  /**
   * What the value is for: written into values.schema.json as the value's `description`.
   * @default - none
   */
  readonly description?: string;
}

/** Options of `HelmValue.stringValue()`. */
export interface StringValueOptions extends HelmValueOptions {
  /** The default, written into values.yaml and into the cdk8s output. */
  readonly default: string;
  /**
   * An RE2 pattern (unanchored, as JSON schema and Go read it) every value must match.
   * @default - none
   */
  readonly pattern?: string;
  /**
   * The values allowed.
   * @default - any string
   */
  readonly allowed?: string[];
  /**
   * The shortest allowed length, in characters.
   * @default - none
   */
  readonly minLength?: number;
  /**
   * The longest allowed length, in characters.
   * @default - none
   */
  readonly maxLength?: number;
}

/** Options of `HelmValue.integerValue()` and `HelmValue.numberValue()`. */
export interface NumberValueOptions extends HelmValueOptions {
  /** The default, written into values.yaml and into the cdk8s output. */
  readonly default: number;
  /**
   * The smallest allowed value.
   * @default - none beyond the bound field's own
   */
  readonly minimum?: number;
  /**
   * The largest allowed value.
   * @default - none beyond the bound field's own
   */
  readonly maximum?: number;
}

/** Options of `HelmValue.booleanValue()`. */
export interface BooleanValueOptions extends HelmValueOptions {
  /** The default, written into values.yaml and into the cdk8s output. */
  readonly default: boolean;
}

/** Options of `HelmValue.objectValue()`. */
export interface ObjectValueOptions extends HelmValueOptions {
  /** The default: JSON data (an object literal), written into values.yaml and into the cdk8s output. */
  readonly default: Record<string, any>;
}

const KEY_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HELM_OWN_KEYS = new Set(['global', 'enabled']);

/**
 * A typed Helm value declared in code: a dotted key below the subchart (`image.tag`, `replicas.min`), a
 * default and constraints. Bind it to what a construct writes with `UmbrellaChart.bindValue()` (a whole field
 * or a part of a string) or `UmbrellaChart.bindExistence()` (whether an object exists at all).
 *
 * The construct receives the default itself (`value.defaultString`, `value.defaultNumber`, …), so plain
 * `cdk8s synth` writes the defaults and the library checks them like any prop; the umbrella chart writes
 * templates reading `.Values.<key>`, the default into values.yaml, and the value's type and constraints,
 * together with those of every field it is bound to, into values.schema.json.
 */
export class HelmValue {
  /** A string value. */
  public static stringValue(key: string, options: StringValueOptions): HelmValue {
    checkArgs('HelmValue', 'HelmValue.stringValue', arguments);
    const v = new HelmValue(key, HelmValueType.STRING, options.default, options.description);
    if (typeof options.default !== 'string') throw v.error('default', options.default, 'must be a string');
    if (options.pattern !== undefined) {
      const err = typeof options.pattern === 'string' ? re2CompileError(options.pattern) : 'not a string';
      if (err) throw v.error('pattern', options.pattern, `must be an RE2 regular expression (${err})`);
    }
    for (const [prop, n] of [['minLength', options.minLength], ['maxLength', options.maxLength]] as const) {
      if (n !== undefined && !(Number.isInteger(n) && n >= 0)) throw v.error(prop, n, 'must be a whole number >= 0');
    }
    if (options.allowed !== undefined && (!Array.isArray(options.allowed) || options.allowed.length === 0 || options.allowed.some(a => typeof a !== 'string'))) {
      throw v.error('allowed', options.allowed, 'must be a non-empty list of strings');
    }
    const empty = options.allowed?.indexOf('') ?? -1;
    if (empty >= 0) throw v.error(`allowed[${empty}]`, '', 'must not be empty: an empty string is what an unset string value renders as');
    v.constraints = withoutUndefined({ pattern: options.pattern, enum: options.allowed, minLength: options.minLength, maxLength: options.maxLength });
    v.checkDefault();
    return v;
  }

  /** A whole-number value. */
  public static integerValue(key: string, options: NumberValueOptions): HelmValue {
    checkArgs('HelmValue', 'HelmValue.integerValue', arguments);
    return HelmValue.numeric(key, HelmValueType.INTEGER, options);
  }

  /** A number value (fractions allowed). */
  public static numberValue(key: string, options: NumberValueOptions): HelmValue {
    checkArgs('HelmValue', 'HelmValue.numberValue', arguments);
    return HelmValue.numeric(key, HelmValueType.NUMBER, options);
  }

  /** A boolean value; bound with `bindExistence()` it decides whether an object exists. */
  public static booleanValue(key: string, options: BooleanValueOptions): HelmValue {
    checkArgs('HelmValue', 'HelmValue.booleanValue', arguments);
    const v = new HelmValue(key, HelmValueType.BOOLEAN, options.default, options.description);
    if (typeof options.default !== 'boolean') throw v.error('default', options.default, 'must be true or false');
    return v;
  }

  /** A mapping value (resources, a block of settings), written with `toYaml`. */
  public static objectValue(key: string, options: ObjectValueOptions): HelmValue {
    checkArgs('HelmValue', 'HelmValue.objectValue', arguments);
    const v = new HelmValue(key, HelmValueType.OBJECT, options.default, options.description);
    if (!isJsonObject(options.default)) {
      throw v.error('default', options.default, 'must be an object literal of JSON data (strings, finite numbers, booleans, null, arrays, objects)');
    }
    v.defaultValue = structuredClone(options.default);
    return v;
  }

  private static numeric(key: string, type: HelmValueType, options: NumberValueOptions): HelmValue {
    const v = new HelmValue(key, type, options.default, options.description);
    const integer = type === HelmValueType.INTEGER;
    const ok = (n: unknown) => typeof n === 'number' && (integer ? Number.isSafeInteger(n) : Number.isFinite(n));
    const what = integer ? 'a whole number' : 'a finite number';
    if (!ok(options.default)) throw v.error('default', options.default, `must be ${what}`);
    if (options.minimum !== undefined && !ok(options.minimum)) throw v.error('minimum', options.minimum, `must be ${what}`);
    if (options.maximum !== undefined && !ok(options.maximum)) throw v.error('maximum', options.maximum, `must be ${what}`);
    if (options.minimum !== undefined && options.maximum !== undefined && options.minimum > options.maximum) {
      throw v.error('minimum', options.minimum, `must be <= 'maximum' (${options.maximum})`);
    }
    v.constraints = withoutUndefined({ minimum: options.minimum, maximum: options.maximum });
    v.checkDefault();
    return v;
  }

  /** The dotted key below the subchart's values (`image.tag`). */
  public readonly key: string;
  /** The value's type. */
  public readonly type: HelmValueType;
  /**
   * What the value is for.
   * @default - none
   */
  public readonly description?: string;

  private defaultValue: any;
  private constraints: Record<string, unknown> = {};

  private constructor(key: string, type: HelmValueType, defaultValue: unknown, description?: string) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    const segments = typeof key === 'string' ? key.split('.') : [];
    if (segments.length === 0 || segments.some(s => !KEY_SEGMENT.test(s))) {
      throw this.error('key', key, 'must be a dotted path of identifiers (letters, digits and "_", not starting with a digit), e.g. "image.tag"');
    }
    if (HELM_OWN_KEYS.has(segments[0])) {
      throw this.error('key', key, `must not start with "${segments[0]}", which Helm sets in every subchart's values`);
    }
    if (description !== undefined && (typeof description !== 'string' || description.trim() === '')) {
      throw this.error('description', description, 'must be a non-empty string');
    }
  }

  /** The default of a string value, to pass to the construct. */
  public get defaultString(): string {
    return this.defaultAs(HelmValueType.STRING);
  }

  /** The default of an integer or number value, to pass to the construct. */
  public get defaultNumber(): number {
    if (this.type === HelmValueType.INTEGER) return this.defaultValue;
    return this.defaultAs(HelmValueType.NUMBER);
  }

  /** The default of a boolean value. */
  public get defaultBoolean(): boolean {
    return this.defaultAs(HelmValueType.BOOLEAN);
  }

  /** A copy of the default of an object value. */
  public get defaultObject(): Record<string, any> {
    return structuredClone(this.defaultAs(HelmValueType.OBJECT));
  }

  /** The default, whatever its type. @internal */
  public get _default(): unknown {
    return this.defaultValue;
  }

  /** The value's own JSON-schema constraints (without the bound fields'). @internal */
  public get _constraints(): Record<string, unknown> {
    return { ...this.constraints };
  }

  /** The key's segments. @internal */
  public get _path(): string[] {
    return this.key.split('.');
  }

  /** `.Values.<key>`, the template operand reading it. @internal */
  public get _operand(): string {
    return `.Values.${this.key}`;
  }

  /** Why `value` breaks the value's own constraints, or undefined. @internal */
  public _problem(value: unknown): string | undefined {
    const c = this.constraints as any;
    if (typeof value === 'string') {
      if (c.pattern !== undefined && !re2Matches(c.pattern, value)) return `must match the pattern ${JSON.stringify(c.pattern)}`;
      if (c.enum !== undefined && !c.enum.includes(value)) return `must be one of ${c.enum.map(describeValue).join(', ')}`;
      const length = [...value].length;
      if (c.minLength !== undefined && length < c.minLength) return `must be at least ${c.minLength} characters long`;
      if (c.maxLength !== undefined && length > c.maxLength) return `must be at most ${c.maxLength} characters long`;
    }
    if (typeof value === 'number') {
      if (c.minimum !== undefined && value < c.minimum) return `must be >= ${c.minimum}`;
      if (c.maximum !== undefined && value > c.maximum) return `must be <= ${c.maximum}`;
    }
    return undefined;
  }

  /** The value in messages: `HelmValue "image.tag"`. */
  public toString(): string {
    return `HelmValue ${JSON.stringify(this.key)}`;
  }

  private defaultAs(type: HelmValueType): any {
    if (this.type !== type) throw new Error(`${this} is of type ${this.type}, not ${type}`);
    return this.defaultValue;
  }

  private checkDefault(): void {
    const problem = this._problem(this.defaultValue);
    if (problem) throw this.error('default', this.defaultValue, problem);
  }

  private error(prop: string, value: unknown, allowed: string): Error {
    return new Error(`[HelmValue:${describeValue(this.key)}] '${prop}' (${describeValue(value)}) ${allowed}`);
  }
}

function withoutUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && [Object.prototype, null].includes(Object.getPrototypeOf(value)) && isJson(value);
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) return Object.values(value as object).every(isJson);
  return false;
}
