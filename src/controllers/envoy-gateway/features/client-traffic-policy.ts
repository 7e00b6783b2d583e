import { ClientAddressIR, TlsHostIR } from '../../../ir/model';
import { OPENSSL_CIPHER_NAMES } from '../../common/tls';
import { GROUP, httpsListenerName } from '../../gateway-api/extension';

/** `clientIPDetection` (fields we emit): the client address from X-Forwarded-For. */
export interface ClientIpDetectionSpec {
  readonly xForwardedFor: { readonly numTrustedHops: number };
}

/** `ClientTrafficPolicy.spec` (fields we emit): per-listener TLS parameters, the client address. */
export interface ClientTrafficPolicySpec {
  readonly targetRefs: Array<{ readonly group: string; readonly kind: 'Gateway'; readonly name: string; readonly sectionName?: string }>;
  readonly clientIPDetection?: ClientIpDetectionSpec;
  readonly tls?: {
    /** Enum `Auto|1.0|1.1|1.2|1.3` (not `TLSv1_2`). */
    readonly minVersion?: '1.2' | '1.3';
    /** BoringSSL names (the CRD also accepts the IANA aliases). */
    readonly ciphers?: string[];
    /** Only stateless (ticket) resumption is written; Envoy Gateway resumes nothing by default. */
    readonly session?: { readonly resumption: { readonly stateless: Record<string, never> } };
    readonly clientValidation?: {
      readonly caCertificateRefs: Array<{ readonly group: ''; readonly kind: string; readonly name: string }>;
      readonly mode: 'RequireAndVerify' | 'VerifyIfGiven';
    };
  };
}

/** Whether a TlsHost needs a ClientTrafficPolicy (per-listener TLS parameters). */
export function needsClientTrafficPolicy(tls: TlsHostIR): boolean {
  return tls.minTlsVersion !== undefined || tls.clientAuth !== undefined || tls.cipherSuites !== undefined || tls.sessionTickets === true;
}

/**
 * The gateway's `ClientIp.xForwardedFor({ trustedHops })`: Envoy takes the `numTrustedHops`-th
 * X-Forwarded-For entry from the right as the client address, which rate limits (`sourceCIDR`)
 * and SecurityPolicy `clientCIDRs` then use. The TCP peer needs nothing.
 */
export function clientIpDetection(clientIp: ClientAddressIR | undefined): ClientIpDetectionSpec | undefined {
  return clientIp?.trustedHops ? { xForwardedFor: { numTrustedHops: clientIp.trustedHops } } : undefined;
}

/**
 * The Gateway-wide ClientTrafficPolicy for the client address. A policy targeting a listener
 * (`sectionName`) replaces it there, so each TlsHost's policy repeats `clientIPDetection`.
 */
export function gatewayClientTrafficPolicySpec(clientIp: ClientAddressIR, gatewayName: string): ClientTrafficPolicySpec {
  return { targetRefs: [{ group: GROUP, kind: 'Gateway', name: gatewayName }], clientIPDetection: clientIpDetection(clientIp) };
}

/** One ClientTrafficPolicy per TlsHost, targeting exactly its HTTPS listeners by `sectionName`. */
export function clientTrafficPolicySpec(tls: TlsHostIR, gatewayName: string, clientIp?: ClientAddressIR): ClientTrafficPolicySpec {
  return {
    targetRefs: tls.hosts.map(h => ({ group: GROUP, kind: 'Gateway' as const, name: gatewayName, sectionName: httpsListenerName(h) })),
    clientIPDetection: clientIpDetection(clientIp),
    tls: {
      minVersion: tls.minTlsVersion,
      ciphers: tls.cipherSuites?.map(c => OPENSSL_CIPHER_NAMES[c]),
      session: tls.sessionTickets ? { resumption: { stateless: {} } } : undefined,
      clientValidation: tls.clientAuth ? {
        caCertificateRefs: [tls.clientAuth.ca, ...tls.clientAuth.additionalCas ?? []].map(c => ({ group: '' as const, kind: c.kind, name: c.name })),
        mode: tls.clientAuth.required ? 'RequireAndVerify' : 'VerifyIfGiven',
      } : undefined,
    },
  };
}

/**
 * `sessionTickets: false` has nothing to write on Envoy Gateway: resumption is off unless
 * `session.resumption` turns it on, and no field says "off", so the setting could not be read back.
 */
export function sessionTicketsProblem(tls: TlsHostIR): string | undefined {
  return tls.sessionTickets === false
    ? 'ClientTrafficPolicy tls.session only turns resumption on; without it Envoy Gateway resumes no session, which is what sessionTickets: false asks, so leave sessionTickets unset'
    : undefined;
}
