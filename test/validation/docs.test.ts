import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const GUIDE = path.join(__dirname, '..', '..', 'docs', 'validation.md');

/** The fenced block between `<!-- begin:<id> -->` and `<!-- end:<id> -->` in the guide, without the fence. */
function block(id: string): string {
  const match = new RegExp(`<!-- begin:${id} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n<!-- end:${id} -->`).exec(fs.readFileSync(GUIDE, 'utf-8'));
  if (!match) throw new Error(`docs/validation.md has no block ${id}`);
  return match[1];
}

describe('docs/validation.md, Validation layer', () => {
  test('the example runs as written and prints exactly the output shown', () => {
    // GIVEN the example, compiled as written, with 'cdk8s-patterns' resolved to the sources
    const js = ts.transpileModule(block('validation-layer-example'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const lines: string[] = [];
    const fakeConsole = { ...console, log: (...args: unknown[]) => lines.push(args.join(' ')) };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const load = (name: string) => require(name === 'cdk8s-patterns' ? path.join(__dirname, '..', '..', 'src') : name);
    // WHEN
    new Function('require', 'console', 'exports', js)(load, fakeConsole, {});
    // THEN
    expect(`${lines.join('\n')}\n`).toBe(block('validation-layer-output'));
  });
});
