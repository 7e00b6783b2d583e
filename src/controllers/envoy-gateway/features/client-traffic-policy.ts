import { TlsHostIR } from '../../../ir/model';
import { OPENSSL_CIPHER_NAMES } from '../../common/tls';
import { GROUP, httpsListenerName } from '../../gateway-api/extension';

/** `ClientTrafficPolicy.spec` (fields we emit): per-listener TLS parameters. */
export interface ClientTrafficPolicySpec {
  readonly targetRefs: Array<{ readonly group: string; readonly kind: 'Gateway'; readonly name: string; readonly sectionName: string }>;
  readonly tls: {
    /** Enum `Auto|1.0|1.1|1.2|1.3` (not `TLSv1_2`). */
    readonly minVersion?: '1.2' | '1.3';
    /** BoringSSL names (the CRD also accepts the IANA aliases). */
    readonly ciphers?: string[];
    readonly clientValidation?: {
      readonly caCertificateRefs: Array<{ readonly group: ''; readonly kind: string; readonly name: string }>;
      readonly mode: 'RequireAndVerify' | 'VerifyIfGiven';
    };
  };
}

/** Whether a TlsHost needs a ClientTrafficPolicy (per-listener TLS parameters). */
export function needsClientTrafficPolicy(tls: TlsHostIR): boolean {
  return tls.minTlsVersion !== undefined || tls.clientAuth !== undefined || tls.cipherSuites !== undefined;
}

/** One ClientTrafficPolicy per TlsHost, targeting exactly its HTTPS listeners by `sectionName`. */
export function clientTrafficPolicySpec(tls: TlsHostIR, gatewayName: string): ClientTrafficPolicySpec {
  return {
    targetRefs: tls.hosts.map(h => ({ group: GROUP, kind: 'Gateway' as const, name: gatewayName, sectionName: httpsListenerName(h) })),
    tls: {
      minVersion: tls.minTlsVersion,
      ciphers: tls.cipherSuites?.map(c => OPENSSL_CIPHER_NAMES[c]),
      clientValidation: tls.clientAuth ? {
        caCertificateRefs: [tls.clientAuth.ca, ...tls.clientAuth.additionalCas ?? []].map(c => ({ group: '' as const, kind: c.kind, name: c.name })),
        mode: tls.clientAuth.required ? 'RequireAndVerify' : 'VerifyIfGiven',
      } : undefined,
    },
  };
}
