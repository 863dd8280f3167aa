import { authMethods, type AuthChoice, type AuthDeclaration } from '../auth/auth';
import type { SchemaModel } from '../schema/model';
import type { HeaderModel, OperationModel, ResponseModel } from './types';

/**
 * The RFC 9457 problem details every error answer carries, with Flowport's `errors[]` of
 * `{ pointer, message, code }`. Declared once here; the runtime and both emitters use it.
 */
export const PROBLEM_SCHEMA: SchemaModel = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  properties: {
    type: { type: 'string', description: 'A URI that identifies the problem type.' },
    title: { type: 'string', description: 'Short summary of the problem type.' },
    status: { type: 'integer', description: 'The HTTP status code.' },
    detail: { type: 'string', description: 'What went wrong in this occurrence.' },
    instance: { type: 'string', description: 'The request path.' },
    requestId: { type: 'string', description: 'Identifier to quote when reporting the problem.' },
    errors: {
      type: 'array',
      description: 'Every problem found in the request.',
      items: {
        type: 'object',
        properties: {
          pointer: { type: 'string', description: 'JSON pointer into the request, e.g. /body/documents/0/text.' },
          message: { type: 'string', description: 'The problem in plain words.' },
          code: { type: 'string', description: 'Machine-readable code, e.g. maxLength.' },
        },
        required: ['pointer', 'message', 'code'],
      },
    },
  },
  required: ['type', 'title', 'status'],
};

export const PROBLEM_SCHEMA_NAME = 'Problem';

/** The media type of every error answer the runtime gives (RFC 9457 §3). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const ERRORS: Record<string, string> = {
  '400': 'Bad request: the request does not match the definition (problem+json lists every error)',
  '401': 'Unauthorized: missing or invalid connection credentials',
  '403': 'Forbidden: the credentials lack a required scope',
  '413': 'Content too large',
  '415': 'Unsupported media type',
  '500': 'Internal server error',
  '503': "Service unavailable: the token issuer's signing keys cannot be fetched now; retry after Retry-After",
};

const RETRY_AFTER: Readonly<Record<string, HeaderModel>> = {
  'Retry-After': { type: 'integer', description: 'Seconds to wait before trying again.' },
};

/** What about the connector's auth decides which error answers its operations may give. */
export interface AuthAnswers {
  /** Any credentials are checked (not `none`). */
  readonly authenticated: boolean;
  /**
   * Tokens are checked against an issuer's published keys (AAD): when those cannot be fetched,
   * the runtime answers 503 with Retry-After rather than telling the caller its token is bad.
   */
  readonly issuerKeys: boolean;
}

/** {@link AuthAnswers} of a connector's auth declaration, of one method or a choice of several. */
export function authAnswers(auth: AuthDeclaration | AuthChoice | undefined): AuthAnswers {
  const methods = authMethods(auth);
  return {
    authenticated: methods.some((m) => m.type !== 'none'),
    issuerKeys: methods.some(
      (m) => m.type === 'oauth2' && (m.identityProvider === 'aad' || m.identityProvider === 'aadcertificate'),
    ),
  };
}

/**
 * The error answers the runtime can give for an operation, added where the author declared none:
 * 400 when it takes input, 401 unless public, 403 when it needs scopes, 413/415 when it takes a
 * body, 500 always, and 503 unless public when tokens are checked against an issuer's keys.
 */
export function withErrorResponses(op: OperationModel, { authenticated, issuerKeys }: AuthAnswers): OperationModel {
  const statuses: string[] = [];
  const input = op.parameters.length > 0;
  const body = op.parameters.some((p) => p.in === 'body' || p.in === 'formData');
  if (input) statuses.push('400');
  if (authenticated && !op.isPublic) statuses.push('401');
  if (authenticated && !op.isPublic && op.scopes.length > 0) statuses.push('403');
  if (body) statuses.push('413', '415');
  statuses.push('500');
  if (issuerKeys && !op.isPublic) statuses.push('503');
  const declared = new Set(op.responses.map((r) => r.status));
  // An async action's first answer: 202 and where to poll ([LA-api] long-running pattern).
  const accepted: ResponseModel[] =
    op.async && !declared.has('202')
      ? [
          {
            status: '202',
            description: 'Accepted: poll the Location until the result is ready',
            headers: {
              Location: { type: 'string', description: 'Absolute URL of the status of this run.' },
              'Retry-After': { type: 'integer', description: 'Seconds to wait before polling.' },
            },
          },
        ]
      : [];
  const added: ResponseModel[] = statuses
    .filter((s) => !declared.has(s))
    .map((status) => ({
      status,
      description: ERRORS[status],
      schema: { ref: PROBLEM_SCHEMA_NAME },
      headers: status === '503' ? RETRY_AFTER : {},
      generated: true,
    }));
  return { ...op, responses: [...op.responses, ...accepted, ...added] };
}
