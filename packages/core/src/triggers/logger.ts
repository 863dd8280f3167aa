/** How the trigger runtime and its delivery worker write to the log. */
export type LogFunction = (message: string, details: Record<string, unknown>) => void;

/** A logger of the trigger runtime: the adapter's shape (so that one logger serves both), or a function. */
export type TriggerLogger = { error(message: string, details: Record<string, unknown>): void } | LogFunction;

/** The function a logger given as an option stands for; `console.error` with JSON details when none is. */
export function logFunction(logger: TriggerLogger | undefined): LogFunction {
  if (typeof logger === 'function') return logger;
  // Called as a method: pino's and winston's need their `this`.
  if (logger) return (message, details) => logger.error(message, details);
  return (message, details) => console.error(message, JSON.stringify(details));
}

/** What went wrong, as a log line's `error` says it. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
