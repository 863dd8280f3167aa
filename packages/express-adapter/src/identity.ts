import type { Identity } from '@flowport/core';

/** Who is calling: `@Identity()`'s type, which core declares beside the decorator. */
export type { Identity };

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

/** The identity with the bearer token it was established from, kept out of its enumerable keys. */
export function withToken(identity: Identity | undefined, token: string): Identity | undefined {
  if (identity === undefined) return undefined;
  const { token: _given, ...rest } = identity;
  return Object.defineProperty(rest, 'token', { value: token, enumerable: false });
}

/** Who owns subscriptions, jobs and cursors: the identity subject, or `anonymous` without auth. */
export const ownerOf = (identity: Identity | undefined): string => identity?.subject ?? 'anonymous';
