/**
 * @flowport/core/formats — how each format the Power Platform accepts is checked, and how a
 * pattern is read. The adapter's request validators, FlowHost and the build's check of defaults
 * (FP1414) share these checks. Apart from the
 * main entry point, so that a process loads ajv-formats only when it first checks a format.
 * @packageDocumentation
 */
export { FORMAT_CHECKS, meetsFormat, type FormatCheck } from './schema/format-checks';
export { patternRegExp } from './schema/pattern';
