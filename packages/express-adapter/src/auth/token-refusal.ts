import { TENANT_ID } from './aad-issuers';
import { Refusal } from './check';

/** What the token was checked against, to say what it should have carried. */
export interface TokenExpectations {
  readonly audience: string | readonly string[];
  readonly algorithms: readonly string[];
}

/** A claim of the token as the detail shows it: quoted, and cut short. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

const listed = (values: string | readonly string[]) =>
  (typeof values === 'string' ? [values] : values).map((v) => JSON.stringify(v)).join(' or ');

/**
 * Why jose refused a token, in the words of the 401's detail. "Invalid or expired" alone left a
 * developer guessing; the commonest cause, a v2.0 token, whose audience is the API's application
 * ID rather than the `resourceUri`, is named with its fix. Nothing here is secret: the token's
 * claims are its holder's to read, and the audience is in the published connector.
 */
export function tokenRefusal(err: unknown, expected: TokenExpectations): Refusal {
  const e = err as { code?: unknown; claim?: unknown; reason?: unknown; payload?: Record<string, unknown> };
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      return new Refusal('the token has expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimRefusal(String(e.claim), e.reason, e.payload ?? {}, expected);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new Refusal(`the token is signed with an algorithm other than ${listed(expected.algorithms)}`);
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return new Refusal("no signing key of the issuer has the token's key ID");
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new Refusal("the token's signature does not verify");
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return new Refusal('the token is not a well-formed JWT');
    default:
      return new Refusal('the token is not accepted');
  }
}

function claimRefusal(
  claim: string,
  reason: unknown,
  payload: Record<string, unknown>,
  expected: TokenExpectations,
): Refusal {
  if (reason === 'missing') return new Refusal(`the token has no "${claim}" claim`);
  switch (claim) {
    case 'aud': {
      const aud = payload.aud;
      const v2 = payload.ver === '2.0' && typeof aud === 'string' && TENANT_ID.test(aud);
      return new Refusal(
        `the token's audience is ${shown(aud)}, not ${listed(expected.audience)}${v2 ? '; a v2.0 token names the API by its application ID: give that as credentials.aad.audience' : ''}`,
      );
    }
    case 'iss':
      return new Refusal(`the token's issuer ${shown(payload.iss)} is not one of the tenant's`);
    case 'nbf':
      return new Refusal('the token is not valid yet');
    default:
      return new Refusal(`the token's "${claim}" claim is not accepted`);
  }
}
