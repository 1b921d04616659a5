// the letters RE2 (and Go's regexp, which the API server and Istio validate with) accept after a backslash
const RE2_ESCAPE_LETTERS = new Set('afnrtvxdDsSwWbBAzpPQ');

/**
 * Why RE2 (Envoy's and the API server's engine) would refuse a regular expression that JavaScript may take,
 * or undefined: look-around, back-references, escapes RE2 does not know (`\Z`, `\k<name>`, `\u00e9`), or
 * a syntax error.
 */
export function re2Problem(re: string): string | undefined {
  if (/\(\?<?[=!]|\\[1-9]/.test(re)) return 'look-around and back-references are not RE2';
  const escape = unknownEscape(re);
  if (escape) return `${escape} is not an RE2 escape (RE2 knows \\d \\s \\w \\b \\A \\z \\pN \\x{…} \\Q…\\E, escaped punctuation, …)`;
  try {
    new RegExp(re);
  } catch (e: any) {
    return `it does not compile (${e.message})`;
  }
  return undefined;
}

function unknownEscape(re: string): string | undefined {
  for (let i = 0; i < re.length; i++) {
    if (re[i] !== '\\') continue;
    const c = re[i + 1] ?? '';
    if (c === 'Q') {
      const end = re.indexOf('\\E', i + 2);
      if (end < 0) return undefined;
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c) && !RE2_ESCAPE_LETTERS.has(c)) return `\\${c}`;
    i++;
  }
  return undefined;
}
