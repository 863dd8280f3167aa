/**
 * @flowport/testing — FlowHost, a stand-in for Power Automate in tests: triggers, actions, paging.
 * @packageDocumentation
 */
export { FlowHost, type FlowHostOptions, type PollOutcome } from './flow-host';
export { WebhookSubscription } from './webhook-subscription';
export type { DynamicValue } from './dynamic-values';
export type { ParameterValue, ParameterValues } from './parameters';
export { formBody, type FormFileValue, type FormValues } from './form';
export { CallbackReceiver, Inbox, type Answer, type Notification, type RefusedNotification } from './receiver';
