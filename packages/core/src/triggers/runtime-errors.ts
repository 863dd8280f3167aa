// What the trigger runtime refuses, as errors the adapter answers with their own statuses.

/** An emitted event that breaks the schema the definition publishes for its trigger. */
export class InvalidPayloadError extends Error {
  override name = 'InvalidPayloadError';
}

/** A registration beyond the subscriptions one caller may hold to a trigger. */
export class SubscriptionLimitError extends Error {
  override name = 'SubscriptionLimitError';
}

/** A polling cursor that is malformed, forged, tampered with or someone else's. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}
