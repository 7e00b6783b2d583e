import { PoliciesIR } from '../../ir/policies';

/** A policy kind the controller's column refuses: the capability matrix rejects it before rendering. */
export const REFUSED = 'refused by the matrix';
export type Refused = typeof REFUSED;

/**
 * A controller's decision for every policy kind of the IR: its emitter, or `REFUSED`. The type
 * names every key of `PoliciesIR`, so adding a policy kind to the IR does not compile until each
 * controller's map handles or refuses it. The key order is the order the emitters run in.
 */
export type PolicyEmitters<E> = { readonly [K in keyof PoliciesIR]-?: E | Refused };

/** The emitters of a map, in its key order, without the refused kinds. */
export function emitters<E>(map: PolicyEmitters<E>): E[] {
  return (Object.values(map) as Array<E | Refused>).filter((e): e is E => e !== REFUSED);
}

/** The policy kinds a map refuses. */
export function refusedKinds<E>(map: PolicyEmitters<E>): Array<keyof PoliciesIR> {
  return (Object.keys(map) as Array<keyof PoliciesIR>).filter(k => map[k] === REFUSED);
}
