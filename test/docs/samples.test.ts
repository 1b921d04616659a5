/**
 * Docs are code: every ```ts block in README.md and docs/*.md compiles (type-checked with the test tsconfig,
 * `cdk8s-patterns` resolved to the sources) and runs as written, then its App synthesizes.
 *
 * The one hidden preamble, the same for every block: `app` (a cdk8s App writing to a temporary directory) and
 * `chart` (a Chart in it, namespace `shop`), unless the block declares its own `app`. Everything else a block uses
 * it imports.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, '.cache', 'docs-samples');

interface Sample {
  /** `docs/canary.md:13`, where the block's first line is */
  readonly where: string;
  readonly file: string;
  readonly source: string;
  /** lines of the preamble before the block's first line */
  readonly offset: number;
}

/** The documents whose ```ts blocks are samples. */
export function documents(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).sort().map(f => path.join('docs', f));
  return ['README.md', ...docs];
}

/** The ```ts blocks of a Markdown text, with the line each starts on (1-based, the line after the fence). */
export function tsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`unclosed code block at line ${i + 1}`);
    blocks.push({ line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

function declares(code: string, name: string): boolean {
  return new RegExp(`\\b(const|let|var)\\s+${name}\\b`).test(code);
}

/** The block with the hidden preamble: `app` and `chart`, unless it declares its own `app` (a whole program). */
export function withPreamble(code: string): { source: string; offset: number } {
  const preamble = ['import * as __cdk8s from \'cdk8s\';', 'declare const __outdir: string;'];
  if (!declares(code, 'app')) {
    preamble.push('const app = new __cdk8s.App({ outdir: __outdir });');
    if (!declares(code, 'chart')) preamble.push('const chart = new __cdk8s.Chart(app, \'docs\', { namespace: \'shop\' });');
  }
  // the block's own imports must come first in an ES module; hoist the preamble's after them
  const lines = code.split('\n');
  let imports = 0;
  while (imports < lines.length && /^(import\b.*;|\s*)$/.test(lines[imports])) imports++;
  const source = [...lines.slice(0, imports), ...preamble, ...lines.slice(imports), 'export {};', ''].join('\n');
  return { source, offset: preamble.length };
}

function samples(): Sample[] {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  return documents().flatMap(doc => tsBlocks(fs.readFileSync(path.join(ROOT, doc), 'utf-8')).map((b, i) => {
    const file = path.join(OUT, `${doc.replace(/[/.]/g, '-')}-${i + 1}.ts`);
    const { source, offset } = withPreamble(b.code);
    fs.writeFileSync(file, source);
    return { where: `${doc}:${b.line}`, file, source, offset };
  }));
}

/** Type errors per sample, with the line in the Markdown file. */
function typeErrors(all: readonly Sample[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'test', 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: d => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  const program = ts.createProgram(all.map(s => s.file), { ...config.options, noEmit: true, noUnusedLocals: false });
  const errors: string[] = [];
  for (const s of all) {
    for (const d of ts.getPreEmitDiagnostics(program, program.getSourceFile(s.file))) {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
      const [doc, first] = s.where.split(':');
      const shown = line - s.offset;
      errors.push(`${doc}:${Number(first) + Math.max(0, shown)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return errors;
}

/** Runs a sample as CommonJS with this test's `require` (so `cdk8s-patterns` is the sources), then synthesizes. */
function run(sample: Sample): void {
  const js = ts.transpileModule(sample.source + '\napp.synth();\n', {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-sample-'));
  const cwd = process.cwd();
  process.chdir(outdir); // a block's own `new App()` writes to ./dist
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined); // what a sample prints is for the reader
  try {
    new Function('require', 'exports', 'module', '__outdir', js)(require, {}, { exports: {} }, outdir);
  } finally {
    log.mockRestore();
    process.chdir(cwd);
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('every TypeScript block in README.md and docs/', () => {
  const all = samples();

  test('there are samples in the README and in every guide', () => {
    expect(all.length).toBeGreaterThan(0);
    const withSamples = new Set(all.map(s => s.where.split(':')[0]));
    expect(documents().filter(d => d !== 'docs/performance.md' && d !== 'docs/validation.md' && !withSamples.has(d))).toEqual([]);
  });

  test('compiles as written', () => {
    expect(typeErrors(all)).toEqual([]);
  });

  test.each(all.map(s => [s.where, s] as const))('%s runs and synthesizes', (_where, sample) => {
    expect(() => run(sample)).not.toThrow();
  });
});
