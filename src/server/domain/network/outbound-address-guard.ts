import { lookup, type LookupAddress, type LookupOptions } from "node:dns";
import { promises as dns } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";

/**
 * Addresses an organization admin types (an AI provider, an alert webhook) are then called by the server:
 * without a guard that is a way to make the server probe internal hosts (SSRF: cloud metadata at
 * 169.254.169.254, the database, the Evolution API). Addresses that are not public unicast are refused unless
 * their host name is listed for that use (AI_PROVIDER_PRIVATE_HOSTS, ALERT_WEBHOOK_PRIVATE_HOSTS). The check
 * runs again when each connection is made, on the address actually dialled, so a name that resolves
 * differently later (DNS rebinding) is caught.
 */
const nonPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  nonPublic.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127], // unspecified and loopback
  ["64:ff9b::", 96], // NAT64 of any IPv4 address, private ones included
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  nonPublic.addSubnet(network, prefix, "ipv6");

/** True for an IP address an outbound call may not reach unless listed (loopback, private, link-local, …). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return nonPublic.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return nonPublic.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** An address refused by the guard; fetch and the SDKs report it as a connection error caused by this. */
export class OutboundAddressBlockedError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`Outbound host ${host} resolves to non-public address ${address}`);
    this.name = "OutboundAddressBlockedError";
  }
}

export function isOutboundAddressBlocked(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause)
    if (cause instanceof OutboundAddressBlockedError) return true;
  return false;
}

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, "");

/**
 * The non-public address a URL's host has, or null when it may be called. A name that does not resolve
 * passes here: it cannot be reached either, and the connection-time check still applies.
 */
export async function blockedOutboundAddress(baseUrl: string, listed: readonly string[]): Promise<string | null> {
  const host = hostOf(new URL(baseUrl));
  if (listed.includes(host)) return null;
  if (isIP(host)) return isNonPublicAddress(host) ? host : null;
  const addresses = await dns.lookup(host, { all: true }).catch(() => []);
  return addresses.find((entry) => isNonPublicAddress(entry.address))?.address ?? null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** DNS lookup for outgoing connections that fails on a non-public answer for a host not in `listed`. */
function guardedLookup(listed: readonly string[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const host = hostname.toLowerCase();
      const blocked = listed.includes(host) ? undefined : addresses.find((entry) => isNonPublicAddress(entry.address));
      if (blocked) return callback(new OutboundAddressBlockedError(host, blocked.address), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** An HTTP dispatcher whose connections only reach public addresses, or the hosts in `listed`. */
export function createGuardedDispatcher(listed: readonly string[]): Agent {
  return new Agent({ connect: { lookup: guardedLookup(listed) } });
}
