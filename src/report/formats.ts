import { backendsText, backendText, compactJson, GatewaySection, hostsOf, hostText, matchText, policiesText, ReportModel, sortedKeys, tlsText, trafficText } from './model';
import { RouteEntry } from '../checks/route-table';

/** Markdown for a pull-request comment: per gateway and host, a table of matches. */
export function toMarkdown(model: ReportModel): string {
  const out: string[] = ['# Route report', ''];
  if (model.gateways.length === 0) out.push('No gateway found: no object any reader accepts.', '');
  for (const g of model.gateways) {
    out.push(`## Gateway \`${g.gateway}\` (${g.controller})`, '');
    for (const host of hostsOf(g.table)) {
      out.push(`### ${cell(hostText(host))}`, '');
      for (const t of g.table.tls.filter(x => x.host === host)) out.push(`TLS: ${cell(tlsText(t, g.issuers[t.secret]))}`, '');
      for (const p of g.table.passthrough.filter(x => x.host === host)) out.push(`TLS passthrough to ${cell(backendText(p.backend))}`, '');
      const routes = g.table.routes.filter(r => r.host === host);
      if (routes.length > 0) {
        out.push('| Match | Backends | Policies |', '|---|---|---|');
        for (const r of routes) {
          out.push(`| ${cell(matchText(r.match))} | ${[...backendsText(r), ...trafficText(r)].map(cell).join('<br>')} | ${policiesText(r).map(cell).join('<br>') || '-'} |`);
        }
        out.push('');
      }
    }
    if (g.table.defaultBackend) out.push(`Default backend: ${cell(backendText(g.table.defaultBackend))}`, '');
  }
  if (model.unmapped.length > 0) {
    out.push('## Unmapped', '', '| Object | Field | Value | Reason |', '|---|---|---|---|');
    for (const i of model.unmapped) out.push(`| ${cell(i.object)} | ${cell(i.field)} | ${cell(i.value ?? '')} | ${cell(i.reason ?? '')} |`);
    out.push('');
  }
  return out.join('\n');
}

/** JSON for tools: the model with sorted keys, two-space indented, ending in a newline. */
export function toJson(model: ReportModel): string {
  const doc = {
    gateways: model.gateways.map(g => ({
      controller: g.controller,
      gateway: g.gateway,
      routes: g.table.routes,
      tls: g.table.tls.map(t => ({ ...t, issuer: g.issuers[t.secret] })),
      passthrough: g.table.passthrough,
      defaultBackend: g.table.defaultBackend,
    })),
    unmapped: model.unmapped,
  };
  return `${JSON.stringify(sortedKeys(doc), undefined, 2)}\n`;
}

/**
 * A Mermaid flowchart (host -> match -> backend) that GitHub renders: every label quoted, quotes
 * and markup characters written as Mermaid entities, node ids generated (never user text).
 */
export function toMermaid(model: ReportModel): string {
  const out: string[] = ['flowchart LR'];
  const backendIds = new Map<string, string>();
  const backendNode = (label: string) => {
    let id = backendIds.get(label);
    if (!id) {
      id = `b${backendIds.size}`;
      backendIds.set(label, id);
    }
    return id;
  };
  const edges: string[] = [];
  model.gateways.forEach((g: GatewaySection, gi) => {
    out.push(`  subgraph g${gi}[${mermaidLabel(`${g.gateway} (${g.controller})`)}]`);
    hostsOf(g.table).forEach((host, hi) => {
      const h = `g${gi}h${hi}`;
      const tls = g.table.tls.filter(t => t.host === host).map(t => `TLS ${g.issuers[t.secret] ?? t.secret}`);
      out.push(`    ${h}(${mermaidLabel([hostText(host), ...tls].join('\n'))})`);
      for (const p of g.table.passthrough.filter(x => x.host === host)) edges.push(`  ${h} -->|${mermaidLabel('passthrough')}| ${backendNode(backendText(p.backend))}`);
      g.table.routes.filter(r => r.host === host).forEach((r: RouteEntry, ri) => {
        const m = `${h}m${ri}`;
        const policies = Object.keys(r.policies).sort();
        out.push(`    ${m}[${mermaidLabel([matchText(r.match), ...(policies.length > 0 ? [policies.join(', ')] : [])].join('\n'))}]`);
        edges.push(`  ${h} --> ${m}`);
        if (r.backends.length === 0) {
          const answer = r.directResponse ? `answers ${r.directResponse.statusCode}` : r.policies.redirect ? `redirect ${compactJson(r.policies.redirect)}` : '(none)';
          edges.push(`  ${m} --> ${backendNode(answer)}`);
        }
        for (const b of r.backends) {
          const node = backendNode(backendText({ ...b, weight: 1 }));
          edges.push(r.backends.length > 1 ? `  ${m} -->|${mermaidLabel(`weight ${b.weight}`)}| ${node}` : `  ${m} --> ${node}`);
        }
        if (r.canary) edges.push(`  ${m} -.->|${mermaidLabel(trafficText(r)[0].replace(/^canary .* \((.*)\)$/, 'canary $1'))}| ${backendNode(backendText(r.canary.backend))}`);
        for (const x of [...(r.mirror ? [r.mirror] : []), ...(r.mirrors ?? [])]) {
          edges.push(`  ${m} -.->|${mermaidLabel(`mirror ${x.percent}%`)}| ${backendNode(backendText(x.backend))}`);
        }
      });
    });
    out.push('  end');
  });
  for (const [text, id] of [...backendIds.entries()].sort((a, b) => Number(a[1].slice(1)) - Number(b[1].slice(1)))) {
    out.push(`  ${id}[(${mermaidLabel(text)})]`);
  }
  out.push(...edges);
  return `${out.join('\n')}\n`;
}

/** A Markdown table cell: pipes escaped, no line breaks, code-like text kept literal. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A quoted Mermaid label: `"` and the characters Mermaid or its HTML labels read as markup become
 * entity codes (`#quot;`, `#35;`...); a newline is `<br>`.
 */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/\n/g, '<br>');
  return `"${escaped}"`;
}
