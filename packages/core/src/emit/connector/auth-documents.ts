import type { AuthChoice, AuthDeclaration } from '../../auth/auth';
import { DiagnosticBag } from '../../diagnostics/diagnostic';
import { securityModel } from '../../model/security';
import { authParameters } from './api-properties';
import { securityDefinition } from './swagger';

type Json = Record<string, unknown>;

/**
 * What one auth declaration writes into each document: `securityDefinitions` and `security` of the
 * definition, and `connectionParameters` of apiProperties.json. The same functions the emitters
 * use, so that `flowport import` can tell whether a declaration reproduces a connector exactly.
 */
export function authDocuments(auth: AuthDeclaration | AuthChoice | undefined): {
  readonly securityDefinitions: Json;
  readonly security: Json[];
  readonly connectionParameters: Json;
} {
  const { schemes } = securityModel(auth, undefined, [], new DiagnosticBag());
  const single = auth === undefined || auth.type === 'choice' ? undefined : auth;
  return {
    securityDefinitions: Object.fromEntries(schemes.map((s) => [s.name, securityDefinition(s)])),
    security: schemes.map((s) => ({ [s.name]: [] })),
    connectionParameters: single ? authParameters(single) : {},
  };
}
