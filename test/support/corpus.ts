import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (tests compile to build/test/…). */
export const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The connector corpus: `FLOWPORT_CORPUS`, or `../shared/connector-corpus` beside the checkout.
 * Read in place, never copied. Under `CI=true` a missing corpus fails; elsewhere tests skip.
 */
export function corpusDir(ctx?: Mocha.Context): string {
  const dir = resolve(process.env.FLOWPORT_CORPUS ?? join(ROOT, '..', 'shared', 'connector-corpus'));
  if (!existsSync(join(dir, 'schemas'))) {
    if (process.env.CI === 'true' || !ctx) {
      throw new Error(`connector corpus not found at ${dir}; set FLOWPORT_CORPUS or place shared/ beside the checkout`);
    }
    ctx.skip();
  }
  return dir;
}
