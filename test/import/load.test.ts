import { KINDS as TRAEFIK_KINDS } from '../../src/controllers/traefik/constants';
import { TraefikReader } from '../../src/controllers/traefik/reader';
import { ImportInputError, isReadKind, loadManifests } from '../../src/import/load';

const INGRESS = (name: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
  ingressClassName: nginx
`;

function load(text: string, file = 'in.yaml') {
  return loadManifests([{ file, text }]);
}

function error(text: string, file = 'in.yaml'): string {
  try {
    load(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportInputError);
    return (e as Error).message;
  }
  throw new Error('expected an ImportInputError');
}

describe('loadManifests', () => {
  test('every Traefik CRD kind the traefik reader accepts is kept (IngressRouteTCP included)', () => {
    const reader = new TraefikReader();
    const accepted = Object.values(TRAEFIK_KINDS).filter(kind => reader.accepts({ apiVersion: 'traefik.io/v1alpha1', kind, metadata: { name: 'x' } }));
    expect(accepted).toContain('IngressRouteTCP');
    expect(accepted.filter(kind => !isReadKind(kind))).toEqual([]);
    const tcp = load('apiVersion: traefik.io/v1alpha1\nkind: IngressRouteTCP\nmetadata:\n  name: db\nspec: {}\n');
    expect(tcp.objects.map(o => o.object.kind)).toEqual(['IngressRouteTCP']);
    expect(tcp.skipped).toEqual([]);
  });

  test('Secrets are kept as context (Kong reads acl groups and key-auth credentials from them)', () => {
    const secret = load('apiVersion: v1\nkind: Secret\nmetadata:\n  name: partner-acl\n  labels:\n    konghq.com/credential: acl\nstringData:\n  group: partners\n');
    expect(secret.objects.map(o => o.object.kind)).toEqual(['Secret']);
    expect(secret.skipped).toEqual([]);
  });

  test('multi-document files keep their order and document index; unrelated kinds are skipped', () => {
    const r = load([INGRESS('a'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\n', INGRESS('b'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n'].join('---\n'));
    expect(r.objects.map(o => [o.object.metadata.name, o.document])).toEqual([['a', 1], ['b', 3]]);
    expect(r.skipped).toEqual(['Deployment shop/api', 'ConfigMap cm']);
  });

  test('Helm-rendered output: # Source comments, empty documents, a leading separator', () => {
    const helm = [
      '---',
      '# Source: shop/templates/service.yaml',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      'spec:',
      '  ports: [{ port: 80, name: http }]',
      '---',
      '# Source: shop/templates/unused.yaml',
      '---',
      '',
      '---',
      '# Source: shop/templates/ingress.yaml',
      INGRESS('web'),
    ].join('\n');
    const r = load(helm);
    expect(r.objects.map(o => `${o.object.kind} ${o.object.metadata.name} #${o.document}`)).toEqual(['Service web #1', 'Ingress web #4']);
  });

  test('kind: List and *List kinds are expanded, with item indexes', () => {
    const list = `apiVersion: v1
kind: List
items:
  - ${INGRESS('a').trim().split('\n').join('\n    ')}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: d }
---
apiVersion: networking.k8s.io/v1
kind: IngressList
metadata: {}
items:
  - ${INGRESS('b').trim().split('\n').join('\n    ')}
`;
    const r = load(list);
    expect(r.objects.map(o => [o.object.metadata.name, o.document, o.item])).toEqual([['a', 1, 1], ['b', 2, 1]]);
    expect(r.skipped).toEqual(['Deployment d']);
  });

  test('unparsable YAML names the file and the document', () => {
    expect(error(`${INGRESS('a')}---\nmetadata: [unclosed\n`, 'charts/out.yaml')).toMatch(/^charts\/out\.yaml: document 2: not valid YAML: /);
  });

  test('the document index of a YAML error counts documents as the parser does (leading separator, comments)', () => {
    const text = ['---', '# Source: a.yaml', 'apiVersion: v1', 'kind: Service', 'metadata: { name: a }', '---', 'x: 1', '---', 'c: [', '  d', ''].join('\n');
    expect(error(text)).toMatch(/^in\.yaml: document 3: not valid YAML: .* \(line 1[01]\)$/);
    expect(error('a: 1\na: 2\n')).toBe('in.yaml: document 1: not valid YAML: duplicated mapping key (line 2)');
  });

  test('alias bombs are refused', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `b${i}: [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`)]
      .map((l, i) => (i === 0 ? l : l.replace(/^b(\d+):/, (_m, n) => `b${n}: &b${n}`))).join('\n');
    expect(error(bomb)).toMatch(/^in\.yaml: document 1: not valid YAML: .*alias/i);
  });

  test('a document that is not a Kubernetes object', () => {
    expect(error('- a\n- b\n')).toBe('in.yaml: document 1: not a Kubernetes object (a list, expected a mapping with apiVersion, kind and metadata)');
    expect(error(`${INGRESS('a')}---\nplain text\n`)).toBe('in.yaml: document 2: not a Kubernetes object (a string, expected a mapping with apiVersion, kind and metadata)');
    expect(error('kind: Ingress\nmetadata: { name: a }\n')).toBe('in.yaml: document 1: not a Kubernetes object: apiVersion is missing');
    expect(error('apiVersion: v1\nmetadata: { name: a }\n')).toBe('in.yaml: document 1: not a Kubernetes object: kind is missing');
    expect(error('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {}\n')).toBe('in.yaml: document 1: Ingress: metadata.name is missing');
    expect(error('apiVersion: v1\nkind: List\nitems:\n  - 7\n')).toBe('in.yaml: document 1, item 1: not a Kubernetes object (a number, expected a mapping with apiVersion, kind and metadata)');
  });

  test('an unsupported apiVersion of a kind we read', () => {
    expect(error('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: { name: old }\n'))
      .toBe('in.yaml: document 1: Ingress extensions/v1beta1 is not supported (supported: networking.k8s.io/v1); convert it first (e.g. kubectl convert)');
    expect(error('apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: { name: old }\n'))
      .toBe('in.yaml: document 1: Ingress networking.k8s.io/v1beta1 is not supported (supported: networking.k8s.io/v1); convert it first (e.g. kubectl convert)');
    expect(error('apiVersion: traefik.containo.us/v1alpha1\nkind: Middleware\nmetadata: { name: old }\n'))
      .toBe('in.yaml: document 1: Middleware traefik.containo.us/v1alpha1 is not supported (supported: traefik.io/v1alpha1); convert it first (e.g. kubectl convert)');
  });

  test('a kind of another API group with the same name is skipped, not refused', () => {
    const r = load('apiVersion: example.com/v1\nkind: Middleware\nmetadata: { name: m }\n');
    expect(r.objects).toEqual([]);
    expect(r.skipped).toEqual(['Middleware (example.com/v1) m']);
  });

  test('annotation values must be strings (the API server refuses others)', () => {
    expect(error('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: a\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: true\n'))
      .toBe("in.yaml: document 1: Ingress a: metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect'] is true, not a string (quote it: the API server refuses non-string values)");
  });

  test('several files: the error names the right one', () => {
    expect(() => loadManifests([{ file: 'a.yaml', text: INGRESS('a') }, { file: 'b.yaml', text: '{' }])).toThrow(/^b\.yaml: document 1: not valid YAML/);
  });
});
