/**
 * Settings a controller reads on the backend's Service rather than on the routing objects
 * (Kong's `konghq.com/*` Service annotations, the Traefik Ingress provider's
 * `traefik.ingress.kubernetes.io/service.*` annotations, a Gateway API port's `appProtocol`).
 * Plain data, decided by a controller from a route's policies alone.
 */
export interface ServiceSideIR {
  /** Annotations on the Service (they apply to every port of it). */
  readonly annotations: Readonly<Record<string, string>>;
  /** `appProtocol` of the backend's Service port. */
  readonly appProtocol?: string;
  /**
   * The capability features (FeatureKind names) these settings express, each with the prop that
   * introduced it and where the controller reads it: the refusal when the Service is named only.
   */
  readonly features: ReadonlyArray<{ readonly feature: string; readonly prop: string; readonly where: string }>;
}

/** The Service-side settings one Service needs, merged over every backend of a gateway that uses it. */
export interface ServiceSettingsIR {
  readonly service: string;
  readonly namespace: string;
  /** Sorted by key; empty when only ports carry settings. */
  readonly annotations: Readonly<Record<string, string>>;
  /** Sorted by port. */
  readonly ports: ReadonlyArray<{ readonly port: number; readonly appProtocol: string }>;
}
