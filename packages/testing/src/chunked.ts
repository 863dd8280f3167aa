/** Sends one request of the chunked upload: the opening one, then each PATCH to the upload's location. */
export type ChunkSender = (
  method: string,
  url: string,
  body: Uint8Array | undefined,
  headers: Readonly<Record<string, string>>,
) => Promise<Response>;

/** How the upload ended: the answer to its last request, and how many chunks were sent. */
export interface ChunkedOutcome {
  readonly response: Response;
  readonly chunks: number;
}

/** What the platform sends when the API suggests no chunk size. */
const DEFAULT_CHUNK_SIZE = 1024 * 1024;

/**
 * Logic Apps' chunked upload, as the engine runs it: an empty request that says the content comes
 * in chunks and how large it is, then PATCHes to the `Location` it answers, each with a
 * `Content-Range`, resuming after the `Range` each answer confirms. The answer to the last chunk
 * (or the first answer that is not 200) ends it.
 */
export async function uploadInChunks(
  send: ChunkSender,
  open: { method: string; url: string; headers: Readonly<Record<string, string>> },
  content: Uint8Array,
  contentType: string,
  chunkSize?: number,
): Promise<ChunkedOutcome> {
  if (chunkSize !== undefined && !(Number.isSafeInteger(chunkSize) && chunkSize > 0)) {
    throw new Error(`chunkSize must be a whole number of bytes above 0, not ${chunkSize}`);
  }
  const total = content.length;
  const opened = await send(open.method, open.url, undefined, {
    ...open.headers,
    'x-ms-transfer-mode': 'chunked',
    'x-ms-content-length': String(total),
  });
  if (opened.status !== 200) return { response: opened, chunks: 0 };
  const location = opened.headers.get('location');
  if (!location) throw new Error('the API opened the chunked upload without a Location to send the chunks to');
  await opened.arrayBuffer();
  const url = new URL(location, open.url).href;
  let size = chunkSize ?? (Number(opened.headers.get('x-ms-chunk-size')) || DEFAULT_CHUNK_SIZE);
  let start = 0;
  for (let chunks = 1; ; chunks++) {
    const end = Math.min(start + size, total) - 1;
    const res = await send('PATCH', url, content.subarray(start, end + 1), {
      'content-type': contentType,
      'content-range': `bytes=${start}-${end}/${total}`,
    });
    if (end === total - 1 || res.status !== 200) return { response: res, chunks };
    const confirmed = /^bytes=0-(\d+)$/.exec(res.headers.get('range') ?? '');
    if (!confirmed) throw new Error(`the API answered chunk ${chunks} without a Range of the bytes it has`);
    await res.arrayBuffer();
    const next = Number(confirmed[1]) + 1;
    if (next <= start) throw new Error(`the API confirmed no byte of chunk ${chunks} (Range: ${confirmed[0]})`);
    start = next;
    const suggested = Number(res.headers.get('x-ms-chunk-size'));
    if (chunkSize === undefined && suggested > 0) size = suggested;
  }
}
