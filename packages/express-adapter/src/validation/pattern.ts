import type { CodeOptions } from 'ajv';
import { patternRegExp } from '@flowport/core/formats';

/**
 * ajv's reading of a `pattern`: core's {@link patternRegExp}, with the u flag, or without it where
 * the flag refuses the pattern. A module of its own because precompiled validators require it by
 * name, as they do `./formats`.
 */
export const patternEngine: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string) => patternRegExp(pattern),
  {
    code: 'require("./pattern").patternEngine',
  },
);
