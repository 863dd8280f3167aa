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

/** Who owns subscriptions, jobs and cursors: the identity subject, or `anonymous` without auth. */
export const ownerOf = (identity: Identity | undefined): string => identity?.subject ?? 'anonymous';
