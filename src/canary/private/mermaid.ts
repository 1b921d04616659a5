import * as istio from '../../../imports/networking.istio.io';

/** What the Mermaid diagram shows: the VirtualService's rules in order and the subsets they lead to. */
export interface RoutingPicture {
  readonly host: string;
  readonly rules: readonly istio.VirtualServiceSpecHttp[];
  readonly subsets: ReadonlyArray<{ readonly name: string; readonly note?: string }>;
}

function text(value: string): string {
  return value.replace(/"/g, '#quot;');
}

function stringMatch(m: { exact?: string; prefix?: string; regex?: string }): string {
  if (m.exact !== undefined) return `= ${m.exact}`;
  if (m.prefix !== undefined) return `starts with ${m.prefix}`;
  return `~ ${m.regex}`;
}

function matches(kind: string, record: Record<string, any> | undefined): string[] {
  return Object.entries(record ?? {}).map(([k, m]) => `${kind} ${k} ${stringMatch(m)}`);
}

/** A match in words: `header end-user = jason and uri starts with /api`. */
export function describeMatch(m: istio.VirtualServiceSpecHttpMatch): string {
  const parts = [
    ...matches('header', m.headers),
    ...matches('no header', m.withoutHeaders),
    ...(m.sourceLabels ? [`source ${Object.entries(m.sourceLabels).map(([k, v]) => `${k}=${v}`).join(', ')}`] : []),
    ...(m.sourceNamespace ? [`source namespace ${m.sourceNamespace}`] : []),
    ...(m.uri ? [`uri ${stringMatch(m.uri)}${m.ignoreUriCase ? ' (any case)' : ''}`] : []),
    ...(m.method ? [`method ${stringMatch(m.method)}`] : []),
    ...(m.authority ? [`authority ${stringMatch(m.authority)}`] : []),
    ...(m.scheme ? [`scheme ${stringMatch(m.scheme)}`] : []),
    ...(m.port !== undefined ? [`port ${m.port}`] : []),
    ...matches('query', m.queryParams),
    ...(m.gateways ? [`via ${m.gateways.join(', ')}`] : []),
  ];
  return parts.join(' and ');
}

/**
 * The routing as a Mermaid flowchart: each rule in order, where matching requests go, where the rest falls
 * through, the weighted split at the end and any mirroring (dotted).
 */
export function renderMermaid(picture: RoutingPicture): string {
  const subsetId = new Map(picture.subsets.map((s, i) => [s.name, `subset${i}`]));
  const lines = ['flowchart LR', `  request(["${text(picture.host)}"])`];
  const edges: string[] = [];
  let previous = 'request';
  picture.rules.forEach((rule, i) => {
    const id = `rule${i + 1}`;
    const isSplit = rule.match === undefined;
    const label = isSplit ? `${i + 1}. weighted split` : `${i + 1}. ${rule.match!.map(describeMatch).join(' or ')}`;
    lines.push(`  ${id}{"${text(label)}"}`);
    edges.push(i === 0 ? `  ${previous} --> ${id}` : `  ${previous} -->|no match| ${id}`);
    for (const r of rule.route ?? []) {
      const target = subsetId.get(r.destination.subset!) ?? r.destination.subset!;
      if (isSplit) edges.push(`  ${id} ${r.weight === 0 ? '-.->' : '-->'}|${r.weight}%| ${target}`);
      else edges.push(`  ${id} -->|match${r.weight === undefined ? '' : ` ${r.weight}%`}| ${target}`);
    }
    const answer = rule.redirect ? `redirect ${rule.redirect.uri ?? ''}`.trim() : rule.directResponse ? `respond ${rule.directResponse.status}` : undefined;
    if (answer !== undefined) {
      lines.push(`  ${id}answer(["${text(answer)}"])`);
      edges.push(`  ${id} -->|match| ${id}answer`);
    }
    const mirrors = [
      ...(rule.mirror ? [{ subset: rule.mirror.subset!, percentage: rule.mirrorPercentage?.value }] : []),
      ...(rule.mirrors ?? []).map(m => ({ subset: m.destination.subset!, percentage: m.percentage?.value })),
    ];
    for (const m of mirrors) {
      edges.push(`  ${id} -.->|mirror ${m.percentage ?? 100}%| ${subsetId.get(m.subset) ?? m.subset}`);
    }
    previous = id;
  });
  picture.subsets.forEach((s, i) => {
    lines.push(`  subset${i}["${text(s.note ? `${s.name}<br/>${s.note}` : s.name)}"]`);
  });
  return [...lines, ...edges].join('\n') + '\n';
}
