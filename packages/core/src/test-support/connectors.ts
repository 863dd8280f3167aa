import assert from 'node:assert/strict';
import { Connector, type ConnectorOptions } from '../connector';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic';
import type { SourceLocation } from '../diagnostics/location';
import { resolve } from '../model/resolve';
import type { ApiModel } from '../model/types';
import type { Class } from '../types';

/** A minimal valid connector around the given controllers, for unit tests. */
export function connectorOf(controllers: Class[], extra: Partial<ConnectorOptions> = {}): Connector {
  return new Connector({
    info: { title: 'Test', description: 'A connector built by a unit test of Flowport.', version: '1.0.0' },
    brandColor: '#123456',
    controllers,
    ...extra,
  });
}

export function resolved(controllers: Class[], extra: Partial<ConnectorOptions> = {}): ApiModel {
  return resolve(connectorOf(controllers, extra));
}

/** The diagnostics resolve() threw (fails the test when it threw none). */
export function diagnosticsOf(connector: Connector): readonly Diagnostic[] {
  try {
    resolve(connector);
  } catch (err) {
    if (err instanceof DiagnosticError) return err.diagnostics;
    throw err;
  }
  assert.fail('expected resolve() to report errors');
}

/** Asserts that exactly this code is reported, with the message and location given. */
export function expectDiagnostic(
  connector: Connector,
  code: string,
  message: string | RegExp,
  at: SourceLocation,
): Diagnostic {
  const all = diagnosticsOf(connector);
  const found = all.filter((d) => d.code === code);
  assert.equal(found.length > 0, true, `expected ${code}, got: ${all.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const d = found[0];
  if (typeof message === 'string') assert.equal(d.message, message);
  else assert.match(d.message, message);
  assert.deepEqual(d.at, at);
  assert.ok(d.hint.length > 0, 'every diagnostic has a hint');
  return d;
}
