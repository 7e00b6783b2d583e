import { KongColumn, PluginSpec, policyProp } from './plugin';
import { PolicyFeature } from '../../../capabilities/areas/policies';
import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR, HstsIR } from '../../../ir/model';
import { HeaderOpsIR } from '../../../ir/policies';
import { hstsHeaderValue } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { PLUGINS } from '../constants';

type Pair = { readonly name: string; readonly value: string };

const pairs = (list: readonly Pair[]) => list.map(p => `${p.name}:${p.value}`);
const headers = (list: readonly string[]) => (list.length > 0 ? { headers: [...list] } : undefined);

/**
 * Kong's transformers run remove, rename, replace (only if present), add (only if absent),
 * append, in that order: set = replace + add, add = append.
 */
function transformerConfig(ops: HeaderOpsIR): Record<string, unknown> {
  return {
    remove: headers(ops.remove),
    replace: headers(pairs(ops.set)),
    add: headers(pairs(ops.set)),
    append: headers(pairs(ops.add)),
  };
}

/** `request-transformer` (Ingress mode; in Gateway API mode KIC makes one from RequestHeaderModifier). */
export function requestHeadersPlugin(ops: HeaderOpsIR): PluginSpec {
  return { plugin: PLUGINS.requestTransformer, config: () => transformerConfig(ops) };
}

/**
 * `response-transformer`. Kong runs one instance per plugin type on a route, so the HSTS header
 * of the route's TlsHost (read at synth: `hsts`) is set by this plugin too, as one more `set`
 * entry, instead of by the TlsHost's own plugin. A header rule on Strict-Transport-Security
 * together with HSTS is refused before rendering (the gateway's validation).
 */
export function responseHeadersPlugin(ops: HeaderOpsIR, hsts?: () => HstsIR | undefined): PluginSpec {
  return {
    plugin: PLUGINS.responseTransformer,
    config: () => {
      const h = hsts?.();
      if (!h) return transformerConfig(ops);
      const set = [...ops.set, { name: 'strict-transport-security', value: hstsHeaderValue(h) }]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return transformerConfig({ ...ops, set });
    },
  };
}

const TEMPLATE = "Kong's request-transformer evaluates '$(...)' in a value as a Lua template";
const LEADING_COLON = "Kong's transformers read 'name:value' and drop the colons that start a value";

/**
 * Values Kong's transformers would change. Request headers reach Kong's request-transformer in
 * both modes (KIC translates RequestHeaderModifier into it), so the checks apply to both columns.
 */
export function headerRuleProblems(column: KongColumn, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const seen = new Set<string>();
  for (const route of ir.routes) {
    const h = route.policies.headers;
    if (!h || seen.has(h.source)) continue;
    seen.add(h.source);
    for (const side of ['request', 'response'] as const) {
      const ops = h[side];
      if (!ops) continue;
      const add = (op: 'set' | 'add' | 'remove', name: string, reason: string) => {
        const feature = `${side}Header${op[0].toUpperCase()}${op.slice(1)}` as PolicyFeature;
        problems.push({
          source: h.source,
          message: unsupportedMessage(column, feature, policyProp(ir, h.source, `headerRules.${side}.${op}`), `header '${name}': ${reason}`),
        });
      };
      for (const op of ['set', 'add'] as const) {
        for (const p of ops[op]) {
          if (p.value.startsWith(':')) add(op, p.name, `${LEADING_COLON} ('${p.value}')`);
          if (side === 'request' && p.value.includes('$(')) add(op, p.name, `${TEMPLATE} ('${p.value}')`);
        }
      }
      if (side === 'request') {
        if (ops.add.some(p => p.name === 'host')) add('add', 'host', "Kong's request-transformer can only replace the Host header; use set");
        if (ops.remove.includes('host')) add('remove', 'host', "Kong's request-transformer never removes the Host header");
      }
    }
  }
  return problems;
}
