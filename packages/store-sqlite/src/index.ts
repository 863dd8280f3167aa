/**
 * @flowport/store-sqlite — the embedded durable trigger store.
 * @packageDocumentation
 */
export { SqliteTriggerStore } from './sqlite-store';
export { SqliteJobStore } from './sqlite-job-store';
