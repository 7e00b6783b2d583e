import { PolicyFeature } from '../../../capabilities/areas/policies';
import { PathModifierIR, RedirectIR } from '../../../ir/policies';
import { PathModifier, RouteFilter } from '../api';

export function pathModifier(p: PathModifierIR | undefined): PathModifier | undefined {
  if (!p) return undefined;
  return p.kind === 'full'
    ? { type: 'ReplaceFullPath', replaceFullPath: p.value }
    : { type: 'ReplacePrefixMatch', replacePrefixMatch: p.value };
}

/** The features a redirect uses (the core renders a redirect only if it renders all of them). */
export function redirectFeatures(r: RedirectIR): PolicyFeature[] {
  if (r.url !== undefined) return ['redirectUrl'];
  const out: PolicyFeature[] = [];
  if (r.scheme) out.push('redirectScheme');
  if (r.host) out.push('redirectHost');
  if (r.port !== undefined) out.push('redirectPort');
  if (r.path?.kind === 'full') out.push('redirectPath');
  if (r.path?.kind === 'prefix') out.push('redirectPrefix');
  if (out.length === 0) out.push('redirectStatusOnly');
  return out;
}

/** The prop a redirect feature is reported under. */
export function redirectProp(r: RedirectIR): string {
  if (r.host) return 'redirect.host';
  if (r.port !== undefined) return 'redirect.port';
  if (r.path?.kind === 'full') return 'redirect.path';
  if (r.path?.kind === 'prefix') return 'redirect.replacePrefix';
  return r.scheme ? 'redirect' : 'redirect.statusCode';
}

/**
 * A redirect that changes only the scheme (`Redirect.toHttps()`): it must attach only to the
 * listeners of the other scheme, or requests arriving on the target scheme would be redirected
 * to themselves.
 */
export function schemeOnly(r: RedirectIR | undefined): 'http' | 'https' | undefined {
  if (!r || !r.scheme || r.host || r.port !== undefined || r.path) return undefined;
  return r.scheme;
}

/**
 * The standard `RequestRedirect` filter. Without a port, Gateway API uses the scheme's
 * well-known port when the scheme is set, else the listener's port.
 */
export function redirectFilter(r: RedirectIR): RouteFilter {
  return {
    type: 'RequestRedirect',
    requestRedirect: {
      scheme: r.scheme,
      hostname: r.host,
      port: r.port,
      path: pathModifier(r.path),
      statusCode: r.statusCode,
    },
  };
}
