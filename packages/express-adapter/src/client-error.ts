import http from 'node:http';
import type { Duplex } from 'node:stream';

// Requests that never reach the app, which Node would answer without a body or not at all, are
// answered here as problem+json.

/** Node's statuses for requests it cannot parse; anything else it cannot read is a 400. */
const STATUS: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

function detailOf(code: string | undefined, reason: string | undefined): string {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return `The request's headers are larger than the ${http.maxHeaderSize} bytes this server reads.`;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return "The request's chunk extensions are larger than this server reads.";
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'The request was not received in time.';
    default:
      return `The request is not valid HTTP/1.1: ${reason ?? 'it cannot be parsed'}.`;
  }
}

/**
 * Answers a request Node's parser refuses (headers over the size limit, a malformed request line
 * or length, a timeout) with the status Node would send, as `application/problem+json` with a
 * detail, where Node's own answer has no body at all. As Node does, nothing is written when an
 * answer to an earlier request on the connection has begun, and the connection is then closed.
 */
export function answerClientError(err: Error & { code?: string; reason?: string }, socket: Duplex): void {
  // Node's own test: the response under way on this socket, if any (not public API).
  const inFlight = (socket as { _httpMessage?: http.ServerResponse })._httpMessage;
  if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
    socket.write(rawProblem(STATUS[err.code ?? ''] ?? 400, detailOf(err.code, err.reason)));
  }
  socket.destroy(err);
}

/** A whole HTTP answer with a problem+json body, for a socket Node no longer speaks HTTP on; it closes. */
function rawProblem(status: number, detail: string): string {
  const body = problemText(status, detail);
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/** A problem+json body for an answer written outside Express. */
function problemText(status: number, detail: string, instance?: string): string {
  const title = http.STATUS_CODES[status] ?? 'Bad Request';
  return JSON.stringify({
    type: 'about:blank',
    title,
    status,
    detail,
    ...(instance === undefined ? {} : { instance }),
  });
}

/**
 * Answers a request whose `Expect` asks for something other than `100-continue` (Node's
 * `checkExpectation`): 417 as Node sends it, with a problem+json body that names the expectation,
 * where Node's has none. The connection stays open, as after any refused request.
 */
export function refuseExpectation(req: http.IncomingMessage, res: http.ServerResponse): void {
  const body = problemText(
    417,
    `This API meets no expectation but 100-continue; send the request without "Expect: ${req.headers.expect ?? ''}".`,
    req.url?.split('?')[0],
  );
  res.writeHead(417, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * Answers `CONNECT`, which asks a proxy for a tunnel, with a 400 that says this is no proxy.
 * Node hands such a request to `connect` listeners with the bare socket, and without one closes
 * the connection without a word. The socket no longer speaks HTTP to Node, so it is closed after
 * the answer.
 */
export function refuseConnect(_req: http.IncomingMessage, socket: Duplex): void {
  if (socket.writable) socket.end(rawProblem(400, 'This server is an API, not a proxy: it opens no tunnel (CONNECT).'));
  else socket.destroy();
}
