import { KINDS, ROUTE_KIND_RULE } from './constants';

/*
 * Traefik wire types (only the fields we emit) and the router variants they are named by.
 * Keys and versions are in constants.ts.
 */

/**
 * The routers of a route:
 * - `serve`: the route's own routers;
 * - `http`: for `Redirect.toHttps()` with a backend, the plain-HTTP twin that redirects;
 * - `deny`: the twin answering 403 to denied clients.
 */
export type RouterVariant = 'serve' | 'http' | 'deny';

/** Per-service settings of an IngressRoute `services[]` entry (fields we emit). */
export interface ServiceSettings {
  readonly scheme?: string;
  readonly serversTransport?: string;
  readonly sticky?: { readonly cookie: StickyCookie };
}

export interface StickyCookie {
  readonly name: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite?: string;
  readonly maxAge?: number;
  readonly path?: string;
}

/** `traefik.io/v1alpha1` IngressRoute wire types: only the fields we emit. */
export interface IngressRouteService extends ServiceSettings {
  readonly name: string;
  readonly kind?: typeof KINDS.traefikService;
  readonly port?: number;
  readonly namespace?: string;
  readonly weight?: number;
  /** Middlewares of this service only (Traefik v3.7+): a backend's own header rules. */
  readonly middlewares?: Array<{ readonly name: string }>;
}

export interface IngressRouteRoute {
  readonly kind: typeof ROUTE_KIND_RULE;
  readonly match: string;
  readonly priority: number;
  readonly middlewares?: Array<{ readonly name: string }>;
  readonly services: IngressRouteService[];
}

export interface IngressRouteSpec {
  readonly entryPoints: string[];
  readonly routes: IngressRouteRoute[];
  /** `{}`: Traefik's default certificate. */
  readonly tls?: { readonly secretName?: string; readonly options?: { readonly name: string } };
}

/** One IngressRoute to allocate for a route. */
export interface IngressRoutePart {
  readonly id: string;
  readonly name: string;
  /** The host it serves; undefined: every host. */
  readonly host?: string;
  /** `http`: the plain-HTTP twin of an HTTPS upgrade (`Redirect.toHttps()` with a backend). */
  readonly variant: Exclude<RouterVariant, 'deny'>;
}
