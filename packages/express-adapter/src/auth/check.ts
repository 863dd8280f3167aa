import type { Request } from 'express';
import type { Identity } from '../identity';

/**
 * Why credentials a caller presented are refused, for the 401's detail: what a developer wiring a
 * connection needs to see (an expired token, one for another audience), never a secret.
 */
export class Refusal {
  constructor(readonly reason: string) {}
}

/**
 * One way a caller can authenticate, compiled from one auth declaration; `Verified` is
 * `Identity` for a method that never says why it refuses.
 */
export interface Check<Verified extends Identity | Refusal = Identity | Refusal> {
  /** `WWW-Authenticate` challenge announcing this method. */
  readonly challenge: string;
  /** Whether the request carries credentials of this kind at all. */
  present(req: Request): boolean;
  /** The identity, or undefined (or a {@link Refusal} saying why) when the credentials are wrong. */
  verify(req: Request): Promise<Verified | undefined>;
}
