/**
 * The jsii assembly (`.jsii`) of the library and of the assemblies its types come from, for the boundary
 * test. The library's own assembly is read from `.jsii` when it is newer than every source file (CI compiles
 * before it tests); otherwise jsii compiles a copy of the sources once into a temporary directory keyed by
 * their content, so a fresh clone's `npm test` needs no compile step and never sees a stale assembly.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = ['src', 'imports'];

/** A jsii type reference (`spec.TypeReference`), reduced to what the boundary test reads. */
export interface TypeRef {
  readonly primitive?: 'string' | 'number' | 'boolean' | 'any' | 'json' | 'date';
  readonly fqn?: string;
  readonly collection?: { readonly kind: 'array' | 'map'; readonly elementtype: TypeRef };
  readonly union?: { readonly types: readonly TypeRef[] };
}

/** A parameter or a struct property. */
export interface Member {
  readonly name: string;
  readonly type: TypeRef;
  readonly optional?: boolean;
  readonly variadic?: boolean;
  readonly static?: boolean;
  readonly protected?: boolean;
}

/** A method or initializer. */
export interface Callable {
  readonly name?: string;
  readonly static?: boolean;
  readonly protected?: boolean;
  readonly parameters?: readonly Member[];
}

/** A type of an assembly (class, interface, struct or enum). */
export interface TypeSpec {
  readonly fqn: string;
  readonly kind: 'class' | 'interface' | 'enum';
  readonly name: string;
  readonly datatype?: boolean;
  readonly abstract?: boolean;
  readonly base?: string;
  readonly interfaces?: readonly string[];
  readonly initializer?: Callable;
  readonly methods?: readonly Callable[];
  readonly properties?: readonly Member[];
  readonly members?: readonly { readonly name: string }[];
}

/** The types of the library and of every assembly it depends on, by fully qualified name. */
export interface Assemblies {
  /** The library's assembly name (`cdk8s-patterns`). */
  readonly name: string;
  /** Every type, the library's and its dependencies'. */
  readonly types: ReadonlyMap<string, TypeSpec>;
  /** Where the library's assembly was read from. */
  readonly source: string;
}

let cached: Assemblies | undefined;

/** Loads the assemblies (once per process). */
export function loadAssemblies(): Assemblies {
  if (cached) return cached;
  const file = ownAssemblyFile();
  const own = JSON.parse(fs.readFileSync(file, 'utf8'));
  const types = new Map<string, TypeSpec>();
  for (const dep of Object.keys(own.dependencies ?? {})) {
    const depFile = require.resolve(`${dep}/.jsii`, { paths: [ROOT] });
    for (const [fqn, t] of Object.entries(JSON.parse(fs.readFileSync(depFile, 'utf8')).types ?? {})) types.set(fqn, t as TypeSpec);
  }
  for (const [fqn, t] of Object.entries(own.types)) types.set(fqn, t as TypeSpec);
  cached = { name: own.name, types, source: file };
  return cached;
}

function ownAssemblyFile(): string {
  const rootAssembly = path.join(ROOT, '.jsii');
  const files = SOURCES.flatMap(dir => listFiles(path.join(ROOT, dir))).sort();
  if (fs.existsSync(rootAssembly)) {
    const built = fs.statSync(rootAssembly).mtimeMs;
    if (files.every(f => fs.statSync(f).mtimeMs <= built)) return rootAssembly;
  }
  const hash = createHash('sha256');
  for (const f of files) hash.update(path.relative(ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  const dir = path.join(os.tmpdir(), `cdk8s-patterns-jsii-${hash.digest('hex').slice(0, 16)}`);
  const assembly = path.join(dir, '.jsii');
  if (!fs.existsSync(assembly)) compileCopy(dir, files);
  return assembly;
}

/** Copies the sources and the project files jsii reads into `dir` and runs jsii there. */
function compileCopy(dir: string, files: readonly string[]): void {
  const work = `${dir}.${process.pid}`;
  fs.rmSync(work, { recursive: true, force: true });
  for (const f of [...files, path.join(ROOT, 'package.json'), path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'README.md')]) {
    const to = path.join(work, path.relative(ROOT, f));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(f, to);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  execFileSync(process.execPath, [require.resolve('jsii/bin/jsii', { paths: [ROOT] }), '--silence-warnings=reserved-word'], {
    cwd: work,
    stdio: 'pipe',
    env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1' },
  });
  try {
    fs.renameSync(work, dir);
  } catch {
    // another worker compiled the same sources first; its assembly is the same
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}
