/**
 * Renders `src/common/prop-types.ts`, the table the library checks its arguments against at run time
 * (`checkArgs`), from the jsii assembly: the parameters of every public constructor and method, the fields
 * of every struct they reach (the library's and its dependencies'), the values of every enum and the public
 * members of every class and interface. The boundary test fails when the file differs from what this renders.
 */
import { Assemblies, Member, TypeRef, TypeSpec } from './assembly';
import { structFields } from './variations';

/** The type as the table writes it: `string`, `array<T>`, `map<T>`, `A|B`, or a type name. */
export function typeString(t: TypeRef): string {
  if (t.primitive) return t.primitive === 'json' ? 'any' : t.primitive;
  if (t.collection) return `${t.collection.kind}<${typeString(t.collection.elementtype)}>`;
  if (t.union) return t.union.types.map(typeString).join('|');
  return t.fqn!;
}

/** Renders the TypeScript source of the table. */
export function renderPropTypes(asm: Assemblies, enumValues: (fqn: string) => string[]): string {
  const entries: Record<string, string[]> = {};
  const reached = new Set<string>();
  const reach = (t: TypeRef) => {
    if (t.collection) reach(t.collection.elementtype);
    if (t.union) t.union.types.forEach(reach);
    if (!t.fqn || reached.has(t.fqn)) return;
    reached.add(t.fqn);
    const spec = asm.types.get(t.fqn);
    if (spec?.kind === 'interface' && spec.datatype) structFields(asm, spec).forEach(f => reach(f.type));
  };
  const param = (p: Member) => `${p.variadic ? '...' : ''}${p.name}${p.optional ? '?' : ''}:${typeString(p.type)}`;
  for (const spec of [...asm.types.values()].sort((a, b) => a.fqn.localeCompare(b.fqn))) {
    if (spec.kind !== 'class' || !spec.fqn.startsWith(`${asm.name}.`) || spec.fqn.startsWith(`${asm.name}.istio.`)) continue;
    if (spec.initializer?.parameters?.length) {
      entries[`${spec.name}.<init>`] = spec.initializer.parameters.map(param);
      spec.initializer.parameters.forEach(p => reach(p.type));
    }
    for (const m of spec.methods ?? []) {
      if (!m.parameters?.length || m.protected) continue;
      entries[`${spec.name}.${m.name}`] = m.parameters.map(param);
      m.parameters.forEach(p => reach(p.type));
    }
  }
  const structs: Record<string, string[]> = {};
  const enums: Record<string, string[]> = {};
  const objects: Record<string, string[]> = {};
  for (const fqn of [...reached].sort()) {
    const spec = asm.types.get(fqn);
    if (!spec) throw new Error(`the assembly does not describe ${fqn}`);
    if (spec.kind === 'enum') enums[fqn] = enumValues(fqn);
    else if (spec.kind === 'interface' && spec.datatype) structs[fqn] = structFields(asm, spec).map(param);
    else objects[fqn] = publicMembers(asm, spec);
  }
  const block = (o: Record<string, string[]>) => Object.entries(o)
    .map(([k, v]) => `    '${k}': [${v.map(x => `'${x}'`).join(', ')}],`).join('\n');
  return [
    '// Generated from the jsii assembly by test/boundary/prop-types.ts: do not edit.',
    '// Regenerate after changing a public signature: UPDATE_PROP_TYPES=1 npx jest test/boundary',
    "import { PropTypeTable } from './props';",
    '',
    '/** The jsii types of every public parameter, struct field, enum and class, for `checkArgs`. */',
    'export const PROP_TYPES: PropTypeTable = {',
    '  entries: {', block(entries), '  },',
    '  structs: {', block(structs), '  },',
    '  enums: {', block(enums), '  },',
    '  objects: {', block(objects), '  },',
    '};',
    '',
  ].join('\n');
}

/** The public instance members a value of a class or interface must have (its own and inherited). */
function publicMembers(asm: Assemblies, spec: TypeSpec): string[] {
  const names = new Set<string>();
  const visit = (s: TypeSpec | undefined) => {
    if (!s) return;
    for (const p of s.properties ?? []) if (!p.static && !p.protected && !p.optional) names.add(p.name);
    for (const m of s.methods ?? []) if (!m.static && !m.protected && m.name) names.add(m.name);
    if (s.base) visit(asm.types.get(s.base));
    for (const i of s.interfaces ?? []) visit(asm.types.get(i));
  };
  visit(spec);
  return [...names].sort();
}
