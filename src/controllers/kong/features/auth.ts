import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KongColumn, PluginSpec, policyProp } from './plugin';
import { unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { EdgeAuthIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import {
  ACL_GROUP_KEY, ANNOTATIONS, CONFIGURATION_V1, CREDENTIAL_LABEL, CREDENTIAL_TYPES, KINDS, PLUGINS,
} from '../constants';
import { TopLevelObject } from '../kong-object';

type ApiKey = Extract<EdgeAuthIR, { kind: 'apiKey' }>;
type JwtConsumerKeys = Extract<EdgeAuthIR, { kind: 'jwtConsumerKeys' }>;
type Basic = Extract<EdgeAuthIR, { kind: 'basic' }>;
/** Auth with a credential Secret of ours: basic auth, API keys or JWT keys of one Secret (not of any consumer). */
type CredentialAuth = (ApiKey | JwtConsumerKeys | Basic) & { readonly secretName: string };

function credentialAuth(auth: EdgeAuthIR | undefined): CredentialAuth | undefined {
  return (auth?.kind === 'apiKey' || auth?.kind === 'jwtConsumerKeys' || auth?.kind === 'basic') && auth.secretName !== undefined ? auth as CredentialAuth : undefined;
}

/** The matrix feature of a credential auth. */
function credentialFeature(kind: CredentialAuth['kind']): 'apiKeyAuth' | 'basicAuth' | 'jwtConsumerKeys' {
  return kind === 'apiKey' ? 'apiKeyAuth' : kind === 'basic' ? 'basicAuth' : 'jwtConsumerKeys';
}

const CREDENTIAL_NAMES: Record<CredentialAuth['kind'], string> = { apiKey: 'API keys', basic: 'basic authentication', jwtConsumerKeys: 'JWT keys' };

/**
 * jwt: the token's `key_claim_name` claim names the consumer credential that verifies it;
 * `claims_to_verify: [exp]` makes `exp` required and checked (Kong checks no claim by default).
 * The token is read where Kong reads it by default: the Authorization bearer header, the `jwt`
 * query parameter.
 */
function jwtConfig(a: JwtConsumerKeys): Record<string, unknown> {
  return { key_claim_name: a.keyClaim, claims_to_verify: ['exp'] };
}

/**
 * key-auth: Kong looks for the same `key_names` in the headers and the query string, so a key in
 * both places has one name; `hide_credentials` removes it before the upstream call.
 */
function keyAuthConfig(a: ApiKey): Record<string, unknown> {
  return {
    // The query is case-sensitive, header names are not: the query parameter's spelling serves both.
    key_names: [a.queryParameter ?? a.header],
    key_in_header: a.header !== undefined,
    key_in_query: a.queryParameter !== undefined,
    key_in_body: false,
    hide_credentials: a.removeKey ? true : undefined,
  };
}

/**
 * The Kong consumer standing for one credential Secret. Kong accepts a key or a password of ANY
 * consumer on a route with key-auth / basic-auth, so each consumer also gets an `acl` group and
 * the route an `acl` plugin allowing only that group: only the route's own Secret opens it.
 */
export interface ConsumerIdentity {
  /** KongConsumer object name: `<secret>-consumer`. */
  readonly name: string;
  /** Kong `username` and ACL group: `<namespace>/<secret>` (unique in Kong, like the Secret). */
  readonly group: string;
  /** The `acl` credential Secret this library emits: `<secret>-consumer-acl`. */
  readonly aclSecretName: string;
}

export function consumerIdentity(namespace: string, secretName: string): ConsumerIdentity {
  const name = joinName([secretName, 'consumer']);
  return { name, group: `${namespace}/${secretName}`, aclSecretName: joinName([name, 'acl']) };
}

/**
 * `key-auth` (the key in the declared header and / or query parameter) or `basic-auth`, plus the
 * `acl` that scopes it to the route's Secret; API keys, JWT keys and basic auth of any consumer get no `acl`.
 */
export function authPlugins(route: RouteIR): PluginSpec[] {
  const a = route.policies.auth;
  if (a?.kind === 'apiKey' && a.secretName === undefined) return [{ plugin: PLUGINS.keyAuth, config: () => keyAuthConfig(a) }];
  if (a?.kind === 'jwtConsumerKeys' && a.secretName === undefined) return [{ plugin: PLUGINS.jwt, config: () => jwtConfig(a) }];
  if (a?.kind === 'basic' && a.secretName === undefined) return [{ plugin: PLUGINS.basicAuth, config: () => ({ realm: a.realm }) }];
  const auth = credentialAuth(a);
  if (!auth) return [];
  const id = consumerIdentity(route.namespace, auth.secretName);
  const acl: PluginSpec = { plugin: PLUGINS.acl, config: () => ({ allow: [id.group] }) };
  if (auth.kind === 'apiKey') return [{ plugin: PLUGINS.keyAuth, config: () => keyAuthConfig(auth) }, acl];
  if (auth.kind === 'jwtConsumerKeys') return [{ plugin: PLUGINS.jwt, config: () => jwtConfig(auth) }, acl];
  return [{ plugin: PLUGINS.basicAuth, config: () => ({ realm: auth.realm }) }, acl];
}

/**
 * The KongConsumer (annotated with the controller class, which KIC requires) listing the user's
 * credential Secret and the `acl` credential Secret emitted here. Allocated once per Secret and
 * gateway, by the first route using it: every route with that Secret shares the consumer, as
 * KIC needs (a credential belongs to one consumer).
 */
export class ConsumerRegistry {
  private readonly allocated = new Set<string>();

  constructor(private readonly ingressClass: string) {}

  public allocate(scope: Construct, route: RouteIR): ApiObject[] {
    const auth = credentialAuth(route.policies.auth);
    if (!auth) return [];
    const key = `${route.namespace}/${auth.secretName}`;
    if (this.allocated.has(key)) return [];
    this.allocated.add(key);
    const id = consumerIdentity(route.namespace, auth.secretName);
    return [
      new TopLevelObject(scope, 'KongConsumer', {
        apiVersion: CONFIGURATION_V1,
        kind: KINDS.consumer,
        name: id.name,
        namespace: route.namespace,
        annotations: { [ANNOTATIONS.ingressClass]: this.ingressClass },
        fields: {
          username: () => id.group,
          credentials: () => [auth.secretName, id.aclSecretName].sort(),
        },
      }),
      new TopLevelObject(scope, 'KongConsumerAcl', {
        apiVersion: 'v1',
        kind: 'Secret',
        name: id.aclSecretName,
        namespace: route.namespace,
        labels: { [CREDENTIAL_LABEL]: CREDENTIAL_TYPES.acl },
        fields: { stringData: () => ({ [ACL_GROUP_KEY]: id.group }) },
      }),
    ];
  }
}

/** Kong's key-auth accepts key names of letters, digits, '_' and '-' only. */
const KEY_NAME = /^[A-Za-z0-9_-]+$/;

export function authProblems(column: KongColumn, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const kinds = new Map<string, { kind: string; source: string }>();
  const aclSecrets = new Set(ir.routes.flatMap(r => {
    const a = credentialAuth(r.policies.auth);
    return a ? [`${r.namespace}/${consumerIdentity(r.namespace, a.secretName).aclSecretName}`] : [];
  }));
  for (const route of ir.routes) {
    const k = route.policies.auth;
    if (k?.kind === 'apiKey') problems.push(...keyLocationProblems(column, ir, k));
    const auth = credentialAuth(route.policies.auth);
    if (!auth) continue;
    const feature = credentialFeature(auth.kind);
    if (aclSecrets.has(`${route.namespace}/${auth.secretName}`)) {
      problems.push({
        source: auth.source,
        message: unsupportedMessage(column, feature, policyProp(ir, auth.source, 'auth.secretName'),
          `'${auth.secretName}' is the name of the acl credential Secret this library emits for another Secret's consumer; rename the Secret`),
      });
    }
    // A credential Secret carries one konghq.com/credential label: one kind of credential.
    const key = `${route.namespace}/${auth.secretName}`;
    const prior = kinds.get(key);
    if (!prior) {
      kinds.set(key, { kind: auth.kind, source: auth.source });
    } else if (prior.kind !== auth.kind) {
      problems.push({
        source: auth.source,
        message: unsupportedMessage(column, feature, policyProp(ir, auth.source, 'auth.secretName'),
          `Secret '${auth.secretName}' is also used for ${CREDENTIAL_NAMES[prior.kind as CredentialAuth['kind']]} by [${prior.source}]; a Kong credential Secret holds one kind of credential`),
      });
    }
  }
  return problems;
}

/** key-auth's key names: letters, digits, '_' and '-', one name for the header and the query. */
function keyLocationProblems(column: KongColumn, ir: GatewayIR, a: ApiKey): RenderProblem[] {
  const problem = (feature: 'apiKeyAuth' | 'apiKeyInQuery', prop: string, reason: string): RenderProblem => ({
    source: a.source,
    message: unsupportedMessage(column, feature, policyProp(ir, a.source, prop), reason),
  });
  const out: RenderProblem[] = [];
  if (a.header !== undefined && !KEY_NAME.test(a.header)) {
    out.push(problem('apiKeyAuth', 'auth.header', `Kong's key-auth reads key names of letters, digits, '_' and '-' only ('${a.header}' given)`));
  }
  if (a.queryParameter !== undefined && !KEY_NAME.test(a.queryParameter)) {
    out.push(problem('apiKeyInQuery', 'auth.queryParameter', `Kong's key-auth reads key names of letters, digits, '_' and '-' only ('${a.queryParameter}' given)`));
  } else if (a.queryParameter !== undefined && a.header !== undefined && a.queryParameter.toLowerCase() !== a.header) {
    out.push(problem('apiKeyInQuery', 'auth.queryParameter',
      `Kong's key-auth looks for the same key_names in headers and in the query string, so the query parameter must be named like the header ('${a.header}', '${a.queryParameter}' given)`));
  }
  return out;
}
