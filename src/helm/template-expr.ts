/**
 * Go-template expressions placed into rendered objects, and their emission into a Helm template file.
 *
 * An object headed for a template holds `TemplateExpr` leaves where a field reads `.Values` or `.Release`.
 * The YAML emitter writes each one as a sentinel word; after `{{` escaping of the literal text, every
 * sentinel becomes its expression: scalars in place (`{{ .Values.replicas | int }}`), blocks after their key
 * (`{{- .Values.resources | toYaml | nindent 12 }}`).
 */
import { escapeTemplate } from './escape';
import { manifestYaml } from './yaml';

/** One Go-template expression standing for a field's value. */
export class TemplateExpr {
  /** A string built from literal parts and template operands, written with `quote`. */
  public static string(parts: readonly (string | { readonly operand: string })[]): TemplateExpr | string {
    const merged: (string | { operand: string })[] = [];
    for (const p of parts) {
      if (typeof p === 'string') {
        if (p === '') continue;
        if (typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += p;
        else merged.push(p);
      } else {
        merged.push({ operand: p.operand });
      }
    }
    if (merged.every(p => typeof p === 'string')) return merged.join('');
    const operands = merged.map(p => typeof p === 'string' ? goString(p) : p.operand);
    const value = operands.length === 1 ? operands[0] : `(print ${operands.join(' ')})`;
    return new TemplateExpr(`{{ ${value} | quote }}`, false, value);
  }

  /** An integer. */
  public static integer(operand: string): TemplateExpr {
    return new TemplateExpr(`{{ ${operand} | int }}`, false, `(int ${operand})`);
  }

  /** A number or boolean, written as JSON. */
  public static json(operand: string): TemplateExpr {
    return new TemplateExpr(`{{ ${operand} | toJson }}`, false, operand);
  }

  /** A mapping or list, written as a YAML block below its key. */
  public static block(operand: string): TemplateExpr {
    return new TemplateExpr(`{{- ${operand} | toYaml | nindent %INDENT% }}`, true, operand);
  }

  private constructor(
    /** The template text (blocks hold `%INDENT%`). */
    public readonly text: string,
    /** Whether it is a YAML block below its key rather than a scalar. */
    public readonly block: boolean,
    /** The value as an operand for other template code (guards). */
    public readonly operand: string,
  ) {}
}

/** A Go template string literal (JSON's escapes are Go's). */
export function goString(s: string): string {
  return JSON.stringify(s);
}

/** An operand for a constant JSON value in guards. */
export function goLiteral(value: unknown): string {
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `(${goString(JSON.stringify(value))} | fromJson)`;
}

/** One document of a template file: an object (with TemplateExpr leaves) and an optional condition. */
export interface TemplateDocument {
  readonly object: unknown;
  /** A template condition (`.Values.pdb.enabled`): the document is rendered only when it holds. */
  readonly condition?: string;
}

/**
 * The text of a template file: guards first (template code that renders nothing or fails), then the
 * documents, literal text escaped. The documents' objects are the writer's own copies: their TemplateExpr
 * leaves are replaced by sentinel words in place.
 */
export function templateFile(documents: readonly TemplateDocument[], guards: readonly string[] = []): string {
  const exprs: TemplateExpr[] = [];
  const texts = documents.map(d => {
    const before = exprs.length;
    const object = withSentinels(d.object, exprs);
    const yaml = escapeTemplate(manifestYaml([object]));
    const text = exprs.length > before ? replaceSentinels(yaml, SENTINEL_MARK, exprs) : yaml;
    return d.condition ? `{{- if ${d.condition} }}\n${text}{{- end }}\n` : text;
  });
  const head = guards.map(g => `${g}\n`).join('');
  return head + texts.join('---\n');
}

/** `value` with each TemplateExpr replaced by a sentinel word (containers in place); literal text must not hold one. */
function withSentinels(value: unknown, into: TemplateExpr[]): unknown {
  if (value instanceof TemplateExpr) {
    into.push(value);
    return `${SENTINEL_MARK}${into.length - 1}x`;
  }
  if (typeof value === 'string') {
    reserveSentinel(value);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = withSentinels(value[i], into);
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      reserveSentinel(k);
      (value as any)[k] = withSentinels((value as any)[k], into);
    }
  }
  return value;
}

// a plain YAML word that the literal text is checked not to contain
const SENTINEL_MARK = 'cdk8spatternsexpr';

function reserveSentinel(text: string): void {
  if (text.includes(SENTINEL_MARK)) throw new Error(`manifest text contains "${SENTINEL_MARK}", which the chart writer reserves`);
}

function replaceSentinels(yaml: string, mark: string, exprs: readonly TemplateExpr[]): string {
  const lines = yaml.split('\n');
  const pattern = new RegExp(`${mark}(\\d+)x`, 'g');
  return lines.map(line => line.replace(pattern, (_whole, n, offset: number) => {
    const expr = exprs[Number(n)];
    if (!expr.block) return expr.text;
    // `key: S` → indent below the key; `- S` → indent at the item's content column
    const prefix = line.match(/^(\s*(?:- )*)/)![0].length;
    const atItem = offset === prefix;
    const indent = atItem ? prefix : prefix + 2;
    return expr.text.replace('%INDENT%', String(indent));
  })).join('\n');
}
