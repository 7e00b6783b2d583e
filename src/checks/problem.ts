/** A problem found by a check: the construct path it is reported on, and the message. */
export interface Problem {
  readonly source: string;
  readonly message: string;
}
