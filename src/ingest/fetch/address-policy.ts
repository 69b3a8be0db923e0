import ipaddr from 'ipaddr.js';
import { BriefwireError } from '../../model/errors.ts';

/**
 * Which addresses a fetch may connect to: public unicast only, unless BRIEFWIRE_FETCH_ALLOW
 * names the host or a range holding the address. IPv6 forms that carry an IPv4 address
 * (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface AllowList {
  /** Host names, lower-cased, without a trailing dot. */
  hosts: ReadonlySet<string>;
  ranges: ReadonlyArray<readonly [Address, number]>;
}

/** Throws CONFIG_INVALID naming BRIEFWIRE_FETCH_ALLOW when an entry is none of the three. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const invalid = invalidAllowEntry(entries);
  if (invalid !== null) {
    throw new BriefwireError(
      'CONFIG_INVALID',
      `BRIEFWIRE_FETCH_ALLOW: "${invalid}" is not a host name, an IP address or a CIDR range`,
      'BRIEFWIRE_FETCH_ALLOW',
    );
  }
  const hosts = new Set<string>();
  const ranges: [Address, number][] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry.includes('/')) {
      ranges.push(ipaddr.parseCIDR(entry));
    } else if (ipaddr.isValid(bare(entry))) {
      const address = unwrap(ipaddr.parse(bare(entry)));
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      hosts.add(normalHost(entry));
    }
  }
  return { hosts, ranges };
}

/** An allow entry that is not a host name, an address or a CIDR; null when all are fine. */
export function invalidAllowEntry(entries: readonly string[]): string | null {
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry.includes('/') ? !ipaddr.isValidCIDR(entry) : !/^[\w.:[\]-]+$/.test(entry)) {
      return entry;
    }
  }
  return null;
}

export function isAllowedHost(hostname: string, allow: AllowList): boolean {
  return allow.hosts.has(normalHost(hostname));
}

/**
 * What the address is when connecting to it is refused, in plain words ("a private address");
 * null when it may be used.
 */
export function addressRefusal(address: string, allow: AllowList): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  const judged = unwrap(parsed);
  if (allow.ranges.some(([net, bits]) => sameKind(judged, net) && judged.match(net, bits))) {
    return null;
  }
  if (judged.kind() === 'ipv6') {
    const [first, second] = (judged as ipaddr.IPv6).parts;
    if (first === 0x64 && second === 0xff9b) return 'a local-use NAT64 address';
    if (judged.range() === 'teredo') return 'a Teredo tunnel address';
  }
  const range = judged.range();
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (cloud metadata lives there)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  reserved: 'a reserved address',
  uniqueLocal: 'a unique local (private) IPv6 address',
};

/** The IPv4 address an IPv6 address carries, when it is one of the forms that carry one. */
function unwrap(address: Address): Address {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  const p = v6.parts;
  const v4From = (hi: number, lo: number) =>
    new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const range = v6.range();
  const head = (n: number) => p.slice(0, n).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT), ::a.b.c.d (compatible, deprecated).
  if (range === 'ipv4Mapped' || range === 'rfc6145') return v4From(p[6]!, p[7]!);
  if (head(6) && (p[6] !== 0 || p[7]! > 1)) return v4From(p[6]!, p[7]!);
  // 64:ff9b::/96 carries the address in its last 32 bits; other 64:ff9b: forms are refused.
  if (p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((x) => x === 0)) {
    return v4From(p[6]!, p[7]!);
  }
  if (range === '6to4') return v4From(p[1]!, p[2]!);
  return v6;
}

function sameKind(a: Address, b: Address): boolean {
  return a.kind() === b.kind();
}

function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function normalHost(host: string): string {
  return bare(host.toLowerCase()).replace(/\.$/, '');
}
