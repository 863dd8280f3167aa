import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus';

/**
 * A scratch folder inside the checkout (git-ignored), so that modules written there resolve
 * `@flowport/core` and the other workspace dependencies like user code does. Removed after.
 */
export function scratch(): { dir: string; cleanup: () => void } {
  const base = join(ROOT, '.flowport-tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the example's sources into a scratch folder, to be edited by a test. */
export function copyExample(dir: string): string {
  const src = join(dir, 'src');
  cpSync(join(ROOT, 'examples', 'text-sentiment', 'src'), src, { recursive: true });
  return join(src, 'connector.ts');
}
