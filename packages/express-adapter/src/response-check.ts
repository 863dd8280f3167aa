import { isBytesSchema, toJsonSchema, type OperationModel } from '@flowport/core';
import type { CompileContext } from './operation';
import type { ResponseCheck } from './respond';
import type { ProblemError } from './problem';
import { responseHeaderCheck } from './response-headers';
import { problemErrors } from './validation/errors';
import type { Validate } from './validation/validators';

/** Validators of the operation's declared JSON response schemas, by status, from the emitted definition. */
export function responseCheck(op: OperationModel, ctx: CompileContext): ResponseCheck {
  const validators = new Map<number | 'default', Validate>();
  const headerChecks = new Map<string, NonNullable<ReturnType<typeof responseHeaderCheck>>>();
  const responses = ctx.emitted.get(op.id)?.responses ?? {};
  for (const [status, r] of Object.entries(responses)) {
    const headers = responseHeaderCheck(r.headers as Record<string, unknown> | undefined);
    if (headers) headerChecks.set(status, headers);
    const schema = r.schema as Record<string, unknown> | undefined;
    if (!schema || !/^(\d+|default)$/.test(status) || isBytesSchema(schema)) continue;
    const key = status === 'default' ? status : Number(status);
    validators.set(key, ctx.validators.of(toJsonSchema(schema) as Record<string, unknown>));
  }
  const hasDefault = 'default' in responses;
  const body = bodyCheck(responses, validators, hasDefault);
  return (status, json, headers = {}) => {
    const problems = body(status, json);
    // The headers of the status's own declaration, or of `default` for any other.
    const declared = String(status) in responses ? String(status) : 'default';
    const headerProblems = problems?.[0]?.code === 'status' ? [] : (headerChecks.get(declared)?.(headers) ?? []);
    const all = [...(problems ?? []), ...headerProblems];
    return all.length > 0 ? all : undefined;
  };
}

/** The body's check: the status is declared, and the JSON matches its schema. */
function bodyCheck(
  responses: Record<string, unknown>,
  validators: ReadonlyMap<number | 'default', Validate>,
  hasDefault: boolean,
): (status: number, json: string | undefined) => ProblemError[] | undefined {
  return (status, json) => {
    const declared = String(status) in responses;
    if (!declared && !hasDefault) {
      // The platform reads an answer by its declared status; a flow cannot use one it was never told of.
      return [{ pointer: '/response', message: `has status ${status}, which is not declared`, code: 'status' }];
    }
    const validate = validators.get(status);
    if (validate && json === undefined) {
      // A handler that forgot to return: the client would get an empty answer it was promised a body in.
      return [{ pointer: '/response', message: `is empty; ${status} declares a body`, code: 'required' }];
    }
    // `default` stands for any other answer, with or without a body; a body it has must match.
    const check = declared ? validate : validators.get('default');
    if (json === undefined || check === undefined) return undefined;
    const value = parsedAnswer(json);
    if (value === NOT_JSON) return [{ pointer: '/response', message: 'is not JSON', code: 'type' }];
    const invalid = check(value);
    return invalid && problemErrors(invalid, 'response');
  };
}

const NOT_JSON = Symbol('not JSON');

/** An answer's JSON, read back: bytes a handler wrote ahead of time may be anything. */
function parsedAnswer(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return NOT_JSON;
  }
}
