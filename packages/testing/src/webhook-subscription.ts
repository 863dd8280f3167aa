import type { ValidateFunction } from 'ajv';
import type { FlowHost } from './flow-host';
import { errorsOf } from './output-check';
import type { Inbox, Notification } from './receiver';

/** A registered webhook subscription, with the inbox its notifications arrive in. */
export class WebhookSubscription {
  /** @internal Made by {@link FlowHost.webhook}. */
  constructor(
    private readonly host: FlowHost,
    readonly operationId: string,
    /** The subscription URL from the registration's `Location` header. */
    readonly location: string,
    readonly inbox: Inbox,
    private readonly validate: ValidateFunction,
  ) {}

  /**
   * Every notification received so far, each checked against `x-ms-notification-content`: the
   * first that does not match throws, as {@link notification} does. Before, they were handed over
   * unchecked, so that a test that read them here passed on a payload the flow could not read.
   */
  get notifications(): readonly Notification[] {
    const received = [...this.inbox.received];
    received.forEach((got, i) => this.check(got, i + 1));
    return received;
  }

  /** The `n`-th notification (1-based), checked against `x-ms-notification-content`. */
  async notification(n = 1, timeoutMs?: number): Promise<Notification> {
    return this.check(await this.inbox.nth(n, timeoutMs), n);
  }

  private check(got: Notification, n: number): Notification {
    if (!this.validate(got.body)) {
      throw new Error(
        `notification ${n} of ${this.operationId} does not match x-ms-notification-content: ${errorsOf(this.validate)}`,
      );
    }
    return got;
  }

  /** What the platform does when the flow is turned off: DELETE the Location, with the connection only. */
  async unsubscribe(): Promise<number> {
    return (await this.host.call('DELETE', this.location)).status;
  }
}
