import robotsParserModule from 'robots-parser';

/**
 * robots.txt, read once per origin and kept for a day. A robots.txt that cannot be read (404,
 * 5xx, a timeout, a refused redirect) allows everything, as crawlers commonly treat it.
 */

/** The robots.txt text of an origin, or null when there is none to read. */
export type RobotsReader = (robotsUrl: string) => Promise<string | null>;

interface Rules {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}

// The package is CommonJS whose module.exports is the parser; its typings say `export default`.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Rules;

const KEEP_MS = 24 * 60 * 60 * 1000;
/** Past this many origins, expired entries are dropped (and all, if none has expired). */
const MAX_ORIGINS = 10_000;

export class RobotsCache {
  private readonly byOrigin = new Map<string, { rules: Promise<Rules | null>; until: number }>();

  constructor(
    private readonly read: RobotsReader,
    private readonly userAgent: string,
  ) {}

  /** The robots.txt URL that disallows this URL for us, or null when it is allowed. */
  async disallowedBy(url: URL): Promise<string | null> {
    const robotsUrl = new URL('/robots.txt', url.origin).href;
    const rules = await this.rulesFor(url.origin, robotsUrl);
    if (rules === null) return null;
    return rules.isAllowed(url.href, this.userAgent) === false ? robotsUrl : null;
  }

  private rulesFor(origin: string, robotsUrl: string): Promise<Rules | null> {
    const now = Date.now();
    const kept = this.byOrigin.get(origin);
    if (kept && kept.until > now) return kept.rules;
    const rules = this.read(robotsUrl).then(
      (text) => (text === null ? null : robotsParser(robotsUrl, text)),
      () => null,
    );
    if (this.byOrigin.size >= MAX_ORIGINS) this.forgetExpired(now);
    this.byOrigin.set(origin, { rules, until: now + KEEP_MS });
    return rules;
  }

  private forgetExpired(now: number): void {
    for (const [origin, kept] of this.byOrigin) if (kept.until <= now) this.byOrigin.delete(origin);
    if (this.byOrigin.size >= MAX_ORIGINS) this.byOrigin.clear();
  }
}
