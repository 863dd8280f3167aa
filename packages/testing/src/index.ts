/**
 * @flowport/testing — FlowHost, a stand-in for Power Automate's trigger engine in tests.
 * @packageDocumentation
 */
export { FlowHost, WebhookSubscription, type FlowHostOptions, type PollOutcome } from './flow-host';
export { CallbackReceiver, Inbox, type Answer, type Notification } from './receiver';
