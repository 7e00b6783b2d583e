import { ClientAuthIR, DirectResponseIR, HstsIR, MatchIR, TlsVersionIR } from '../../ir/model';
import { PoliciesIR } from '../../ir/policies';
import { KubeObject } from '../reader';

/*
 * The reading side of the Gateway API extension contract. A controller folder that extends the
 * Gateway API column imports the core reader and the standard pieces it reads with from here.
 */
export { GROUP } from './api';
export { gatewayApiReader } from './reader';
export type { GatewayApiReaderOptions } from './reader';
export { parseGepDuration, parseHsts } from './read/values';

/**
 * The reading side of `GatewayApiExtension`: what a Gateway API implementation adds where the
 * standard has no field (Envoy Gateway policies, Istio security policies, Kong plugins), read back
 * into the IR. The core reader (`reader.ts`) reads the standard objects and filters and asks the
 * extension for the rest; it never imports a controller folder.
 */

/** A route object (HTTPRoute / GRPCRoute) as the core read it. */
export interface ReadRouteObject {
  readonly kind: 'HTTPRoute' | 'GRPCRoute';
  readonly namespace: string;
  readonly name: string;
  /** `objectRef` of the object: the key of `ExtensionReading.routePolicies`. */
  readonly ref: string;
  readonly object: KubeObject;
  /** Its hostnames (empty: every host of its parents). */
  readonly hosts: readonly string[];
  /** The matches of all its rules, in order. */
  readonly matches: readonly MatchIR[];
  /** `namespace/name` of the Gateways it attaches to. */
  readonly gateways: readonly string[];
  /** Whether it only redirects (no rule has a backend). */
  readonly redirectOnly: boolean;
}

/** What an extension reports through: items about the objects it reads. */
export interface ExtensionReadContext {
  readonly defaultNamespace: string;
  /** The route objects the core read (every HTTPRoute and GRPCRoute of the input). */
  readonly routes: readonly ReadRouteObject[];
  /** A field that reached the intent (`to`: where). */
  mapped(object: KubeObject, field: string, to: string, value?: unknown): void;
  /** A field that cannot move, and why. */
  unmapped(object: KubeObject, field: string, reason: string, value?: unknown): void;
}

/** TLS parameters of one HTTPS listener that the standard has no field for. */
export interface ListenerTlsReading {
  readonly minTlsVersion?: TlsVersionIR;
  readonly clientAuth?: ClientAuthIR;
  /** TLS 1.2 cipher suites by IANA name. */
  readonly cipherSuites?: readonly string[];
  /** Session tickets on (Envoy Gateway writes only that). */
  readonly sessionTickets?: boolean;
}

/** What an implementation's listener `tls.options` say (Istio), read by `readListenerTlsOptions`. */
export interface ListenerOptionsReading {
  /** TLS 1.2 cipher suites by IANA name. */
  readonly cipherSuites?: readonly string[];
  /** The listener verifies a client certificate only when one is presented (the CA comes from spec.tls.frontend). */
  readonly optionalClientCertificate?: boolean;
}

export interface ExtensionReading {
  /** Policies per route object (`ReadRouteObject.ref`). */
  readonly routePolicies: ReadonlyMap<string, PoliciesIR>;
  /** TLS parameters per listener, keyed `namespace/gateway#section`. */
  readonly listenerTls?: ReadonlyMap<string, ListenerTlsReading>;
}

/**
 * The policies an ExtensionRef filter stands for (and the HSTS header it sets for the route's TLS
 * hosts, if any), or why it cannot move.
 */
export type FilterReading = {
  readonly policies: PoliciesIR;
  readonly to: string;
  readonly hsts?: HstsIR;
  /** The filter answers the request itself (`Route.respond`). */
  readonly directResponse?: DirectResponseIR;
} | { readonly reason: string };

/** What a route object's annotations say. */
export interface AnnotationReading {
  readonly policies: PoliciesIR;
  /**
   * The route's TLS hosts redirect plain HTTP to HTTPS (e.g. Kong's `konghq.com/protocols: https`).
   * `true` is the route's own 308 redirect to HTTPS where its TLS host does not redirect (another
   * route of the host is served over plain HTTP).
   */
  readonly httpsRedirect?: boolean;
  /**
   * The route's protocol policy read from annotations: `http` served on plain HTTP only (e.g. Kong's
   * `konghq.com/protocols: http`; read where the listener does not say it), `https` refusing plain HTTP
   * (`RouteProtocols.HTTPS_ONLY`, e.g. Kong's 426).
   */
  readonly protocols?: 'http' | 'https';
}

export interface GatewayApiReadExtension {
  /** Objects of the extension (its policy kinds), read by `read`. */
  accepts(object: KubeObject): boolean;
  /**
   * Reads an HTTPS listener's `tls.options` (`field` is their path), reporting each key as mapped
   * or unmapped through `ctx`. Without it, every option is unmapped.
   */
  readListenerTlsOptions?(
    gateway: KubeObject, field: string, options: Readonly<Record<string, unknown>>, ctx: ExtensionReadContext,
  ): ListenerOptionsReading;
  /** Reads the extension's objects (those `accepts` took) against the route objects of the input. */
  read(objects: readonly KubeObject[], ctx: ExtensionReadContext): ExtensionReading;
  /**
   * An `ExtensionRef` filter of a rule: the policies it stands for. Undefined when the extension
   * does not know the filter (the core then lists it as unmapped).
   */
  readFilter?(
    filter: { readonly group?: string; readonly kind?: string; readonly name?: string },
    route: ReadRouteObject, objects: readonly KubeObject[], ctx: ExtensionReadContext,
  ): FilterReading | undefined;
  /**
   * Annotations of a route object the extension reads (e.g. Kong's `konghq.com/*`): the policies
   * they carry. Every annotation it returns no item for is listed as unmapped by the core.
   */
  readRouteAnnotations?(route: ReadRouteObject, ctx: ExtensionReadContext, objects: readonly KubeObject[]): AnnotationReading;
  /** A route's policies as the extension's output states them (see `ControllerReader.normalize`). */
  expressed?(policies: PoliciesIR): PoliciesIR;
}

