import type dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Which callback URLs a webhook registration may name. The platform's callback URLs are public
 * HTTPS URLs (e.g. `https://prod-12.westeurope.logic.azure.com/…`); anything else is refused
 * by default, because the API will POST to whatever is registered (SSRF).
 */
export interface CallbackPolicy {
  /** Host patterns to accept, `*` matching one label or more: `['*.logic.azure.com']`. Any public host when omitted. */
  readonly allowHosts?: readonly string[];
  /** Accept `http://localhost`, `127.0.0.1` and `[::1]` (development and tests only). */
  readonly allowLocalhost?: boolean;
  /** Accept hosts that resolve to private, loopback or link-local addresses. */
  readonly allowPrivateNetworks?: boolean;
  /** DNS lookup (all addresses); replaceable in tests. */
  readonly resolve?: (host: string) => Promise<readonly { address: string; family: number }[]>;
}

/** The longest callback URL taken (Node's request line takes 16 KB, and common servers 8 KB). */
const MAX_CALLBACK_URL = 8192;

/** A callback URL the policy refuses; the message says why, for the 400 answer. */
export class CallbackRefusedError extends Error {
  override name = 'CallbackRefusedError';
}

/**
 * The callback host could not be looked up now (a DNS server that timed out or failed): the
 * URL may be fine, so this is the service's trouble (a 503), not the caller's (a 400).
 */
export class CallbackLookupError extends Error {
  override name = 'CallbackLookupError';
}

/** Lookup errors that say the name does not exist, rather than that DNS failed to answer. */
const NO_SUCH_HOST = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME', 'EAI_NONAME', 'EAI_NODATA']);

// Addresses that are not on the public internet (RFC 6890 special-purpose registries). Built on
// the first check rather than at load: an app that never registers a webhook never needs it.
let notPublic: BlockList | undefined;

function notPublicAddresses(): BlockList {
  if (notPublic) return notPublic;
  notPublic = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ] as const) {
    notPublic.addSubnet(net, prefix, 'ipv4');
  }
  for (const [net, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
    ['2001:db8::', 32],
    ['100::', 64],
  ] as const) {
    notPublic.addSubnet(net, prefix, 'ipv6');
  }
  return notPublic;
}

/** True for an address on the public internet; IPv4-mapped and NAT64 IPv6 are judged by their IPv4. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !notPublicAddresses().check(address, 'ipv4');
  if (family !== 6) return false;
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPublicAddress(mapped[1]);
  const hexMapped = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hexMapped) {
    const n = (parseInt(hexMapped[1], 16) << 16) | parseInt(hexMapped[2], 16);
    return isPublicAddress([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return !notPublicAddresses().check(address, 'ipv6');
}

const LOCALHOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function hostMatches(host: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .toLowerCase()
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[a-z0-9.-]+')}$`,
  );
  return re.test(host.toLowerCase());
}

/** node:dns, required on the first lookup rather than at start-up. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resolver = () => require('node:dns') as typeof dns;

const defaultResolve = (host: string) =>
  new Promise<readonly { address: string; family: number }[]>((resolve, reject) =>
    resolver().lookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

function isLocal(url: URL): boolean {
  return LOCALHOSTS.has(url.hostname);
}

/** Whether an address may be connected to under the policy, for this URL's host. */
function addressAllowed(address: string, url: URL, policy: CallbackPolicy): boolean {
  if (isPublicAddress(address)) return true;
  if (policy.allowPrivateNetworks) return true;
  return policy.allowLocalhost === true && isLocal(url) && /^(127\.|::1$|::ffff:127\.)/.test(address);
}

/**
 * Checks a callback URL when a subscription is registered: scheme, host allow-list, and every
 * address the host resolves to. Throws {@link CallbackRefusedError} naming the reason.
 */
export async function checkCallbackUrl(raw: string, policy: CallbackPolicy = {}): Promise<URL> {
  // The platform's are a few hundred characters; a longer one would only take room in the store.
  if (raw.length > MAX_CALLBACK_URL) {
    throw new CallbackRefusedError(`the callback URL is longer than ${MAX_CALLBACK_URL} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CallbackRefusedError('the callback URL is not a valid absolute URL');
  }
  if (url.username || url.password) throw new CallbackRefusedError('the callback URL must not carry credentials');
  const local = policy.allowLocalhost === true && isLocal(url);
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
    throw new CallbackRefusedError('the callback URL must use https');
  }
  if (policy.allowHosts && !local && !policy.allowHosts.some((p) => hostMatches(url.hostname, p))) {
    throw new CallbackRefusedError(`the callback host ${url.hostname} is not on the allow-list`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly { address: string }[];
  try {
    addresses = isIP(host) ? [{ address: host }] : await (policy.resolve ?? defaultResolve)(host);
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && !NO_SUCH_HOST.has(code))
      throw new CallbackLookupError(`the callback host ${url.hostname} could not be looked up now (${code})`, {
        cause: err,
      });
    throw new CallbackRefusedError(`the callback host ${url.hostname} does not resolve`);
  }
  if (addresses.length === 0) throw new CallbackRefusedError(`the callback host ${url.hostname} does not resolve`);
  for (const { address } of addresses) {
    if (!addressAllowed(address, url, policy)) {
      throw new CallbackRefusedError(
        `the callback host ${url.hostname} resolves to a private, loopback or link-local address`,
      );
    }
  }
  return url;
}

/**
 * A DNS lookup for outgoing deliveries that refuses addresses the policy does not allow, so a
 * host that re-resolves to an internal address after registration (DNS rebinding) is not reached.
 */
export function guardedLookup(url: URL, policy: CallbackPolicy = {}): LookupFunction {
  return (hostname, options, callback) => {
    resolver().lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = list.find((a) => !addressAllowed(a.address, url, policy));
      if (refused) return callback(new CallbackRefusedError(`${hostname} resolves to a refused address`), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
