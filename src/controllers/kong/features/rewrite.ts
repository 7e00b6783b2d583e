import { KongColumn, policyProp } from './plugin';
import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS } from '../constants';

/**
 * Kong Ingress strips the matched prefix (`konghq.com/strip-path`): that is Rewrite.replacePrefix('/')
 * exactly (KIC renders Prefix `/api` as `/api/` and `~/api$`, so `/api/x` -> `/x` and `/api` -> `/`).
 */
export function rewriteAnnotations(route: RouteIR): Record<string, string> {
  const p = route.policies.rewrite?.path;
  return p?.kind === 'prefix' && p.value === '/' ? { [ANNOTATIONS.stripPath]: 'true' } : {};
}

/** Ingress mode: only a replacement by '/' is expressible. */
export function ingressRewriteProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const w = route.policies.rewrite;
    if (w?.path?.kind !== 'prefix' || w.path.value === '/') continue;
    problems.push({
      source: w.source,
      message: unsupportedMessage('kong', 'rewritePrefix', policyProp(ir, w.source, 'rewrite'),
        `Kong Ingress can strip the matched prefix (replace it with '/') but not replace it with '${w.path.value}' (konghq.com/rewrite needs the RewriteURIs feature gate); use KongMode.GATEWAY_API`),
    });
  }
  return problems;
}

/**
 * Gateway API mode: KIC turns URLRewrite paths into request-transformer `replace.uri` templates,
 * where '$(...)' is evaluated as Lua.
 */
export function gatewayRewriteProblems(column: KongColumn, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const w = route.policies.rewrite;
    if (!w?.path || !w.path.value.includes('$(')) continue;
    problems.push({
      source: w.source,
      message: unsupportedMessage(column, w.path.kind === 'prefix' ? 'rewritePrefix' : 'rewriteFullPath', policyProp(ir, w.source, 'rewrite'),
        `KIC renders the rewritten path as a request-transformer template, where '$(...)' is evaluated as Lua ('${w.path.value}' given)`),
    });
  }
  return problems;
}
