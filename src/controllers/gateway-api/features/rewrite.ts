import { PolicyFeature } from '../../../capabilities/areas/policies';
import { RewriteIR } from '../../../ir/policies';
import { RouteFilter } from '../api';
import { pathModifier } from './redirect';

/** The features a rewrite uses. */
export function rewriteFeatures(w: RewriteIR): PolicyFeature[] {
  const out: PolicyFeature[] = [];
  if (w.path?.kind === 'prefix') out.push('rewritePrefix');
  if (w.path?.kind === 'full') out.push('rewriteFullPath');
  if (w.host) out.push('rewriteHost');
  return out;
}

/** The standard `URLRewrite` filter (never in the same rule as a redirect: the route refuses that). */
export function rewriteFilter(w: RewriteIR): RouteFilter {
  return { type: 'URLRewrite', urlRewrite: { hostname: w.host, path: pathModifier(w.path) } };
}
