import { onClass, setController } from '../metadata/store';
import type { Extensions, Visibility } from '../types';

/** Options for {@link Controller}. */
export interface ControllerOptions {
  /** Tags for every operation of the controller (OpenAPI grouping). */
  readonly tags?: readonly string[];
  /** Default `x-ms-visibility` for the controller's operations. */
  readonly visibility?: Visibility;
  /** Make every operation public (no connection auth), e.g. a health controller. */
  readonly public?: boolean;
  readonly extensions?: Extensions;
}

/**
 * Marks a class as a controller whose routed methods become operations.
 *
 * @param path - prefix for every route of the class, e.g. `/text/analytics/v2.0`.
 * @example
 * ```ts
 * @Controller('/text/analytics/v2.0')
 * class SentimentController { … }
 * ```
 */
export function Controller(path = '', options: ControllerOptions = {}): ClassDecorator {
  return (target, ...member: unknown[]) => setController(onClass(target, member, '@Controller'), { path, options });
}
