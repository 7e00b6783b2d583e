/**
 * `attachTo` an existing Gateway / ListenerSet that the same app defines (another ApiGateway, a
 * raw ApiObject, YAML pulled in with Include): the named listener must exist there, or every
 * route attached to it is refused by the implementation (no matching parent), silently at apply.
 */

/** Where an ApiGateway's routes attach. */
export interface Attachment {
  readonly kind: 'Gateway' | 'ListenerSet';
  readonly name: string;
  readonly namespace: string;
  readonly sectionName?: string;
}

/** A Gateway or ListenerSet the app defines, with its listener names. */
export interface DefinedParent {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly listeners: readonly string[];
}

/** The problem with an attachment, given the parents the app defines, else undefined. */
export function attachmentProblem(attach: Attachment, defined: readonly DefinedParent[]): string | undefined {
  if (attach.sectionName === undefined) return undefined;
  const parent = defined.find(p => p.kind === attach.kind && p.name === attach.name && p.namespace === attach.namespace);
  if (!parent || parent.listeners.includes(attach.sectionName)) return undefined;
  const listeners = parent.listeners.length > 0 ? parent.listeners.map(l => `'${l}'`).join(', ') : 'none';
  return `ApiGateway.controller: attachTo names the listener '${attach.sectionName}' of ${attach.kind} '${attach.namespace}/${attach.name}', which this app defines `
    + `without such a listener (its listeners: ${listeners}), so the controller would refuse every route attached to it; use one of its listener names`;
}
