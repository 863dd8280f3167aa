/** Who is calling: established from the connection's credentials by the auth guard. */
export interface Identity {
  /** Stable id of the caller: a key fingerprint, the user name, or the token's `oid`/`sub`. */
  readonly subject: string;
  readonly method: 'apiKey' | 'basic' | 'oauth2';
  /** Scopes (and app roles) the credentials grant. */
  readonly scopes: readonly string[];
  /** Token claims, or whatever a verify callback returned. */
  readonly claims: Readonly<Record<string, unknown>>;
}

/**
 * What a verify callback (`verifyApiKey`, `verifyBasic`, `verifyToken`) resolves to for a caller
 * it accepts: at least the subject; the method is the one checked, scopes and claims default to
 * none.
 */
export type VerifiedCaller = Pick<Identity, 'subject'> & Partial<Omit<Identity, 'subject'>>;

/**
 * The identity a verify callback's answer stands for: undefined for a refusal (`undefined`,
 * `null`, `false`). Anything else that names no subject is the callback's bug, and a logged 500
 * rather than a caller let in without one.
 */
export function identityOf(
  answer: VerifiedCaller | null | undefined | false,
  method: Identity['method'],
  callback: string,
): Identity | undefined {
  if (answer === undefined || answer === null || answer === false) return undefined;
  if (typeof answer !== 'object' || typeof answer.subject !== 'string' || answer.subject === '') {
    throw new TypeError(
      `credentials.${callback} must resolve to { subject, … } for a caller it accepts, or undefined; it gave ${typeof answer === 'object' ? 'an object without a subject' : String(answer)}`,
    );
  }
  return { ...answer, scopes: answer.scopes ?? [], claims: answer.claims ?? {}, method };
}

/** Who owns subscriptions, jobs and cursors: the identity subject, or `anonymous` without auth. */
export const ownerOf = (identity: Identity | undefined): string => identity?.subject ?? 'anonymous';
