import { re2CompileError } from '../validation/engines';

/**
 * Why RE2 (Envoy's and the API server's engine) would refuse a regular expression, or undefined: checked by
 * re2js, a port of RE2's parser, so look-around, back-references, unknown escapes (`\Z`, `\k<name>`) and
 * repeat counts over 1000 are refused while RE2-only syntax (`[[:alpha:]]`, `\pL`) is accepted.
 */
export function re2Problem(re: string): string | undefined {
  return re2CompileError(re);
}
