/**
 * `attachTo` an existing Gateway / ListenerSet that the same app defines (another ApiGateway, a
 * raw ApiObject, YAML pulled in with Include): the named listeners must exist there (on the named
 * port), or every route attached to them is refused by the implementation (no matching parent),
 * silently at apply.
 */

/** Where an ApiGateway's routes attach. */
export interface Attachment {
  readonly kind: 'Gateway' | 'ListenerSet';
  readonly name: string;
  readonly namespace: string;
  /** Sorted; empty: every listener (on `port`, when set). */
  readonly sectionNames: readonly string[];
  readonly port?: number;
}

/** One listener of a parent the app defines. */
export interface DefinedListener {
  readonly name: string;
  readonly port?: number;
  readonly hostname?: string;
}

/** A Gateway or ListenerSet the app defines, with its listeners. */
export interface DefinedParent {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly listeners: readonly DefinedListener[];
}

function parentOf(attach: Attachment, defined: readonly DefinedParent[]): DefinedParent | undefined {
  return defined.find(p => p.kind === attach.kind && p.name === attach.name && p.namespace === attach.namespace);
}

/** The problem with an attachment, given the parents the app defines, else undefined. */
export function attachmentProblem(attach: Attachment, defined: readonly DefinedParent[]): string | undefined {
  if (attach.sectionNames.length === 0 && attach.port === undefined) return undefined;
  const parent = parentOf(attach, defined);
  if (!parent) return undefined;
  const names = parent.listeners.map(l => l.name);
  const listeners = names.length > 0 ? names.map(l => `'${l}'`).join(', ') : 'none';
  const missing = attach.sectionNames.find(s => !names.includes(s));
  if (missing !== undefined) {
    return `ApiGateway.controller: attachTo names the listener '${missing}' of ${attach.kind} '${attach.namespace}/${attach.name}', which this app defines `
      + `without such a listener (its listeners: ${listeners}), so the controller would refuse every route attached to it; use one of its listener names`;
  }
  if (attach.port === undefined) return undefined;
  const selected = parent.listeners.filter(l => attach.sectionNames.length === 0 || attach.sectionNames.includes(l.name));
  const off = selected.filter(l => l.port !== attach.port);
  if (attach.sectionNames.length > 0 ? off.length > 0 : off.length === selected.length) {
    const what = attach.sectionNames.length > 0 ? `its listener '${off[0].name}' is on port ${off[0].port ?? 'unknown'}` : `none of its listeners (${listeners}) is on that port`;
    return `ApiGateway.controller: attachTo names port ${attach.port} of ${attach.kind} '${attach.namespace}/${attach.name}', which this app defines, but ${what}, `
      + 'so the controller would refuse the routes there; use the port of the listeners you name, or omit the port';
  }
  return undefined;
}

/**
 * Whether two attachments to the same parent can receive the same request. A request is served by
 * exactly one listener of a Gateway (its port, then the most specific hostname), so routes on
 * different listeners never compete. With the parent defined in the app the listeners each one
 * selects are known; otherwise different named listeners, or different ports, are disjoint, and
 * anything else may overlap (the conservative answer).
 */
export function attachmentsOverlap(a: Attachment | undefined, b: Attachment | undefined, defined: readonly DefinedParent[]): boolean {
  if (!a || !b) return true;
  const parent = parentOf(a, defined);
  if (parent && parent.listeners.length > 0) {
    const selects = (x: Attachment) => (l: DefinedListener) =>
      (x.sectionNames.length === 0 || x.sectionNames.includes(l.name)) && (x.port === undefined || l.port === x.port);
    return parent.listeners.some(l => selects(a)(l) && selects(b)(l));
  }
  if (a.sectionNames.length > 0 && b.sectionNames.length > 0 && !a.sectionNames.some(s => b.sectionNames.includes(s))) return false;
  if (a.port !== undefined && b.port !== undefined && a.port !== b.port) return false;
  return true;
}
