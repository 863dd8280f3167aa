import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One notification as the callback receiver got it. */
export interface Notification {
  readonly body: unknown;
  readonly headers: http.IncomingHttpHeaders;
  readonly receivedAt: number;
}

/** A delivery the receiver answered 400 because its body is not JSON. */
export interface RefusedNotification {
  readonly text: string;
  readonly reason: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** How the receiver answers the next notification: a status, or `'hang'` to never answer. */
export type Answer = number | 'hang';

/** One callback URL with its inbox and scripted answers. */
export class Inbox {
  readonly received: Notification[] = [];
  /** Deliveries answered 400 because their body is not JSON, which no flow could read. */
  readonly refused: RefusedNotification[] = [];
  /** Answers to give, in order; 200 once they run out. */
  readonly answers: Answer[] = [];
  /** Attempts seen, including the ones answered with an error status. */
  attempts = 0;
  private waiters: (() => void)[] = [];

  constructor(readonly url: string) {}

  /** @internal */
  accept(n: Notification): void {
    this.received.push(n);
    this.wake();
  }

  /** @internal */
  refuse(r: RefusedNotification): void {
    this.refused.push(r);
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /**
   * Resolves with the `count`-th notification accepted with a 2xx (1-based), waiting up to
   * `timeoutMs`. Rejects as soon as a delivery is refused while it waits: the API sent a body that
   * is not JSON, which no retry mends.
   */
  async nth(count: number, timeoutMs = 10_000): Promise<Notification> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const refused = this.refused[0];
      if (refused) {
        throw new Error(
          `notification ${count} cannot arrive: a delivery was refused with 400, ${refused.reason}; it was ${JSON.stringify(refused.text.slice(0, 200))}`,
        );
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`waited ${timeoutMs} ms for notification ${count}; got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.received[count - 1];
  }
}

/** A local HTTP server standing in for the platform's callback endpoint. */
export class CallbackReceiver {
  private readonly inboxes = new Map<string, Inbox>();
  private readonly hanging = new Set<http.ServerResponse>();

  private constructor(
    private readonly server: http.Server,
    readonly base: string,
  ) {
    server.on('request', (req, res) => this.handle(req, res));
  }

  static async start(): Promise<CallbackReceiver> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new CallbackReceiver(server, `http://127.0.0.1:${port}`);
  }

  /** A new callback URL and its inbox. */
  inbox(): Inbox {
    const id = randomUUID();
    const inbox = new Inbox(`${this.base}/callbacks/${id}`);
    this.inboxes.set(id, inbox);
    return inbox;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const id = /^\/callbacks\/([^/?]+)/.exec(req.url ?? '')?.[1];
    const inbox = id ? this.inboxes.get(id) : undefined;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!inbox) {
        res.writeHead(404).end();
        return;
      }
      inbox.attempts++;
      const answer = inbox.answers.shift() ?? 200;
      if (answer === 'hang') {
        this.hanging.add(res);
        return;
      }
      if (answer >= 200 && answer < 300) {
        const text = Buffer.concat(chunks).toString('utf8');
        const body = parsed(text);
        if (typeof body === 'string') {
          // A notification that is not JSON is refused, and the test is told why; thrown here, the
          // error would end the test process.
          inbox.refuse({ text, reason: body, headers: req.headers });
          res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: body }));
          return;
        }
        inbox.accept({ body: body.value, headers: req.headers, receivedAt: Date.now() });
      }
      res.writeHead(answer).end();
    });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The body as JSON (undefined when empty), or why it is not JSON. */
function parsed(text: string): { value: unknown } | string {
  if (text === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return `the body is not JSON (${(err as Error).message})`;
  }
}
