/**
 * Decides whether a URL may be fetched and where the connection may go: https only, no
 * credentials, and every address the host has must be public. Run for the first URL and again
 * for every redirect hop.
 */
import { isIP } from 'node:net';
import { classifyAddress } from './classify-address.js';
import { GuardedFetchError } from './guarded-fetch-error.js';
import type { HostLookup } from './guarded-fetch-options.js';
import type { ResolvedAddress } from './transport.js';
import { untilAborted } from './until-aborted.js';

/** Parses `input` (relative to `base` for redirects) and refuses anything but plain https: URLs. */
export function checkUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (cause) {
    throw new GuardedFetchError('invalid-url', input, `Not an absolute URL: ${JSON.stringify(input)}.`, { cause });
  }
  if (url.protocol !== 'https:') {
    const what = base ? `a redirect from ${base.href} to` : 'the URL';
    throw new GuardedFetchError('scheme', url.href, `Refused ${what} ${url.href}: only https: URLs are fetched.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new GuardedFetchError('credentials', redact(url), `Refused ${redact(url)}: URLs with a user name or password are not fetched.`);
  }
  return url;
}

/**
 * The addresses a connection to `url` may use: the literal IP itself, or every answer DNS gave.
 * One non-public answer refuses the whole host, since the connection could land on any of them.
 */
export async function vetAddresses(
  url: URL,
  lookup: HostLookup,
  signal: AbortSignal,
  pinnedHosts: ReadonlyMap<string, ResolvedAddress> = new Map(),
): Promise<ResolvedAddress[]> {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  // The caller named this host and its address explicitly (pinnedHosts): that choice is theirs.
  const pinned = pinnedHosts.get(host.toLowerCase());
  if (pinned) return [pinned];
  const literal = isIP(host);
  const answers = literal !== 0 ? [{ address: host, family: literal }] : await resolve(url, host, lookup, signal);
  if (!Array.isArray(answers) || answers.length === 0) {
    throw new GuardedFetchError('dns', url.href, `${host} did not resolve to any address.`);
  }
  const vetted: ResolvedAddress[] = [];
  for (const answer of answers) {
    const address = typeof answer?.address === 'string' ? answer.address : String(answer?.address);
    const kind = classifyAddress(address);
    const family = isIP(address);
    if (kind !== 'public' || (family !== 4 && family !== 6)) {
      const via = literal !== 0 ? '' : ` resolves to ${address}, which`;
      throw new GuardedFetchError('address', url.href, `Refused ${url.href}: ${host}${via} is not a public address (${kind}).`);
    }
    vetted.push({ address, family });
  }
  return vetted;
}

async function resolve(url: URL, host: string, lookup: HostLookup, signal: AbortSignal): Promise<readonly ResolvedAddress[]> {
  try {
    return await untilAborted(lookup(host), signal);
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw new GuardedFetchError('dns', url.href, `Could not resolve ${host}: ${(cause as Error)?.message ?? String(cause)}.`, { cause });
  }
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
