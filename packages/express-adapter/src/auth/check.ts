import type { Request } from 'express';
import type { Identity } from '../identity';

/** One way a caller can authenticate, compiled from one auth declaration. */
export interface Check {
  /** `WWW-Authenticate` challenge announcing this method. */
  readonly challenge: string;
  /** Whether the request carries credentials of this kind at all. */
  present(req: Request): boolean;
  /** The identity, or undefined when the credentials are wrong. */
  verify(req: Request): Promise<Identity | undefined>;
}
