import { ASSET_POINTERS } from '../document';
import type { Rule } from '../rule';

/** The largest custom code file the platform takes (reference §5.6). */
const SCRIPT_LIMIT = 1024 * 1024;

/** What kind of image the bytes are, by their signature: a connector's icon is a PNG. */
export function imageKind(bytes: Uint8Array): string {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'a PNG';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF';
  const text = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  if (starts(0x52, 0x49, 0x46, 0x46) && text.slice(8, 12) === 'WEBP') return 'a WebP';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return 'an SVG';
  if (bytes.length === 0) return 'empty';
  return 'no image';
}

/**
 * Why the platform would not run a custom code file, if it would not: over 1 MB, or without the
 * class it runs, `Script : ScriptBase` (reference §5.6); a file of another language ends here too.
 */
export function scriptProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length > SCRIPT_LIMIT) return `is ${bytes.length} bytes, more than the 1 MB the platform takes`;
  if (!/\bclass\s+Script\s*:\s*([\w.]+\.)?ScriptBase\b/.test(Buffer.from(bytes).toString('utf8')))
    return 'declares no class Script : ScriptBase, the class the platform runs';
  return undefined;
}

/** The files beside the definition: its icon and custom code (§1.1, §5.6, §6.6). */
export const assetRules: Rule[] = [
  {
    key: 'iconNotPng',
    level: 'platform',
    source: '[PAC] --icon-file (PNG); [D-cert] PNG icon.png',
    check: ({ assets }, report) => {
      if (assets?.icon === undefined) return;
      const kind = imageKind(assets.icon.bytes);
      if (kind !== 'a PNG') report(ASSET_POINTERS.icon, { file: assets.icon.name, kind });
    },
  },
  {
    key: 'customCode',
    level: 'platform',
    source: '[D-csx] class Script : ScriptBase, file ≤ 1 MB',
    check: ({ assets }, report) => {
      const problem = assets?.script === undefined ? undefined : scriptProblem(assets.script.bytes);
      if (problem) report(ASSET_POINTERS.script, { file: assets!.script!.name, problem });
    },
  },
];
