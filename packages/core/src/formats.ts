/**
 * @flowport/core/formats — how each format the Power Platform accepts is checked. The adapter's
 * request validators and the build's check of defaults (FP1414) share these checks. Apart from the
 * main entry point, so that a process loads ajv-formats only when it first checks a format.
 * @packageDocumentation
 */
export { FORMAT_CHECKS, meetsFormat, type FormatCheck } from './schema/format-checks';
