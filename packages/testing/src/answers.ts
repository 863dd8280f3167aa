import { isJsonMediaType } from '@flowport/core';
import type { Json } from './definition';

/** The definition the API serves next to itself, or an error that says why it could not be read. */
export async function fetchDefinition(api: string): Promise<Json> {
  const url = `${api}/connector/apiDefinition.swagger.json`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
    throw new Error(`cannot reach ${url} to read the connector definition: ${cause}`, { cause: err });
  }
  const definition = await servedJson(res, url, 'pass the definition in FlowHost.start({ definition })');
  if (definition === undefined)
    throw new Error(`${url} answered ${res.status}; pass the definition in FlowHost.start({ definition })`);
  return definition;
}

/**
 * The connector's `apiProperties.json` as the app serves it beside the definition, or undefined
 * where it serves none (`docs: false`, another server): the connector then has no policies to apply.
 */
export async function fetchProperties(api: string): Promise<Json | undefined> {
  const url = `${api}/connector/apiProperties.json`;
  return servedJson(await fetch(url), url, 'pass the file in FlowHost.start({ properties })');
}

/** A connector file's JSON as `url` answered it; undefined where it answered no file. */
async function servedJson(res: Response, url: string, instead: string): Promise<Json | undefined> {
  if (!res.ok) {
    await res.arrayBuffer();
    return undefined;
  }
  const text = await res.text();
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new Error(`${url} answered what is not JSON; ${instead}`);
  }
}

/**
 * A JSON answer parsed; a text answer (`text/*`, or any type with a charset) as its string, as a
 * flow reads a string output; another one as its bytes; none as undefined. An answer labelled JSON
 * that is not fails the test naming the operation (`operationId`), as the flow would fail to read it.
 */
export async function bodyOf(res: Response, operationId: string): Promise<unknown> {
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length === 0) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (isJsonMediaType(type)) {
    const text = bytes.toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      // Before, JSON.parse's own SyntaxError named neither the operation nor the answer.
      throw new Error(
        `${operationId} answered ${res.status} with ${type}, which is not JSON (${(err as Error).message}): ${JSON.stringify(text.slice(0, 200))}`,
        { cause: err },
      );
    }
  }
  const charset = /;\s*charset="?([\w.:-]+)/i.exec(type)?.[1];
  if (!charset && !/^text\//i.test(type)) return bytes;
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return bytes; // a charset TextDecoder does not know
  }
}
