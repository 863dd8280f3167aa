import http from 'node:http';
import type { Duplex } from 'node:stream';

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
    const status = STATUS[err.code ?? ''] ?? 400;
    const title = http.STATUS_CODES[status] ?? 'Bad Request';
    const body = JSON.stringify({ type: 'about:blank', title, status, detail: detailOf(err.code, err.reason) });
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
