import type { CodeOptions } from 'ajv';
import { patternRegExp } from '@flowport/core';

/**
 * ajv's reading of a `pattern`: core's {@link patternRegExp}, with the u flag, or without it where
 * the flag refuses the pattern. A module of its own because precompiled validators require it by
 * name, as they do `./formats`; from core's main entry, which an app loads anyway, so that it
 * loads no format checks (ajv-formats) before a format is checked.
 */
export const patternEngine: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string) => patternRegExp(pattern),
  {
    code: 'require("./pattern").patternEngine',
  },
);
