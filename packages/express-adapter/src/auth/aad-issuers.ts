/**
 * The issuers (`iss`) an Entra ID access token carries, by the cloud its login URI names. A v1.0
 * token (what the connector's `/oauth2/authorize` sign-in gets, unless the API's app registration
 * asks for v2.0 tokens) is issued by the cloud's STS, a v2.0 one by its login host; the US
 * Government cloud shares the global STS. Both name the tenant by its ID, never by a domain name.
 * Before, only the global cloud's issuers were accepted: every token of a sovereign cloud was a 401.
 */
const CLOUDS: readonly { readonly logins: readonly string[]; readonly v1: string; readonly v2: string }[] = [
  {
    logins: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com'],
    v1: 'https://sts.windows.net',
    v2: 'https://login.microsoftonline.com',
  },
  { logins: ['login.microsoftonline.us'], v1: 'https://sts.windows.net', v2: 'https://login.microsoftonline.us' },
  {
    logins: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'],
    v1: 'https://sts.chinacloudapi.cn',
    v2: 'https://login.partner.microsoftonline.cn',
  },
];

const GLOBAL = CLOUDS[0];

/**
 * The v2.0 and v1.0 issuers of `tenant` (its ID) in the cloud of `loginUri`. A login host of no
 * known cloud (a proxy, a new cloud) issues v2.0 tokens as itself, and the global ones are kept.
 */
export function aadIssuers(loginUri: string, tenant: string): string[] {
  let host = '';
  let origin = '';
  try {
    ({ host, origin } = new URL(loginUri));
  } catch {
    // Not a URL: the global cloud's, as before.
  }
  const cloud = CLOUDS.find((c) => c.logins.includes(host.toLowerCase()));
  const issuers = (c: { v1: string; v2: string }) => [`${c.v2}/${tenant}/v2.0`, `${c.v1}/${tenant}/`];
  if (cloud) return issuers(cloud);
  return [...(origin ? [`${origin}/${tenant}/v2.0`] : []), ...issuers(GLOBAL)];
}

/** A tenant ID, as a token's `tid` and its issuer write it. */
export const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
