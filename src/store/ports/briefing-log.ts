/** What each audience was told: every briefing delivered, with the articles it drew on. */

/** A briefing as delivered: who got it, about what, from which articles. */
export interface BriefingRecord {
  topic: string;
  /** Who it was for: "cli:<name>", "discord:<channel>", "slack:<team>:<channel>". */
  audience: string;
  /** ISO time it was built. */
  createdAt: string;
  /** The window label asked for ("7d", "all", a date). */
  window: string;
  /** The articles it drew on, in their briefing order. */
  articleIds: number[];
  /**
   * False for a briefing built for a platform that has not yet confirmed it (a digest being
   * sent); only delivered briefings count as what the audience was told. Default true.
   */
  delivered?: boolean;
}

export interface StoredBriefing extends BriefingRecord {
  id: number;
  delivered: boolean;
}

export interface BriefingLog {
  /** Records a briefing so follow-ups, digests and "what's new" can refer to it; returns its id. */
  save(briefing: BriefingRecord): Promise<number>;
  get(id: number): Promise<StoredBriefing | null>;
  /** The most recent delivered briefing of a topic for an audience, or null. */
  last(topic: string, audience: string): Promise<StoredBriefing | null>;
  /** A topic's delivered briefings, newest first, for every audience (its web page lists them). */
  recent(topic: string, limit: number): Promise<StoredBriefing[]>;
  /** The platform confirmed the briefing reached its audience. */
  markDelivered(id: number): Promise<void>;
}
