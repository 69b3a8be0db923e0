import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { type AllowList, addressRefusal, isAllowedHost } from './address-policy.ts';
import { AddressRefused } from './fetch-errors.ts';
import type { HostResolver, ResolvedAddress } from './port.ts';

/**
 * The `lookup` given to node:http(s): it resolves the name, checks every address, and hands
 * the socket only checked addresses, so the address connected to is the address checked (no
 * window for DNS rebinding between a check and a second lookup).
 */
export function safeLookup(resolver: HostResolver, allow: AllowList): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    checkedAddresses(hostname, resolver, allow).then(
      (addresses) => {
        const first = addresses[0]!;
        if (options.all) callback(null, addresses as LookupAddress[]);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

export const systemResolver: HostResolver = async (hostname) => {
  const found = await dns.lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/** Every address of the host, once each is checked; throws AddressRefused naming the first bad one. */
export async function checkedAddresses(
  hostname: string,
  resolver: HostResolver,
  allow: AllowList,
): Promise<readonly ResolvedAddress[]> {
  const literal = isIP(hostname);
  const addresses: readonly ResolvedAddress[] =
    literal === 0 ? await resolver(hostname) : [{ address: hostname, family: literal as 4 | 6 }];
  if (addresses.length === 0) {
    throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
  }
  if (isAllowedHost(hostname, allow)) return addresses;
  for (const { address } of addresses) {
    const what = addressRefusal(address, allow);
    if (what === null) continue;
    throw new AddressRefused(
      literal === 0 ? `${hostname} resolves to ${address}, ${what}` : `${address} is ${what}`,
    );
  }
  return addresses;
}

/** A literal IP host as written in a URL ("[::1]" → "::1"), or null for a host name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}
