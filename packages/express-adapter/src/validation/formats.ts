import type { Format } from 'ajv';
import { FORMAT_CHECKS } from '@flowport/core/formats';
import type { FormatName } from './format-names';

/**
 * The formats Flowport checks (`@flowport/core/formats`), as ajv takes them. A module of its own
 * because precompiled validators require it by name: ajv's standalone code refers to formats
 * through a module, not by value.
 */
export const formats = FORMAT_CHECKS as Readonly<Record<FormatName, Format>>;
