import { normaliseSlug } from '../src/briefing/topics.ts';
import { followFeed } from '../src/ingest/feeds/follow.ts';
import type { FeedPollReport } from '../src/ingest/feeds/types.ts';
import { isBriefwireError } from '../src/model/errors.ts';
import { type Reply, textReply } from '../src/model/reply.ts';
import type { Feed } from '../src/store/ports/feeds.ts';
import type { CommandContext } from './spec.ts';

/**
 * `/briefings feed add|list|remove` (Slack: `/brief feed …`): the feeds Briefwire follows,
 * from chat. Adding polls the feed at once and answers with what it found. The feeds are the
 * deployment's, not the channel's: one feed serves every topic that matches its articles.
 */

export const FEED_SUBCOMMANDS = [
  {
    name: 'feed add',
    description: 'Follow a feed (RSS, Atom or JSON Feed); polled at once, then every 15 minutes',
    manage: true,
    options: [
      { name: 'url', description: 'The feed’s address, https://…', required: true },
      { name: 'topic', description: 'Topic it is followed for, such as iran-uk', required: false },
    ],
  },
  {
    name: 'feed list',
    description: 'The feeds followed and their health',
    manage: false,
    options: [],
  },
  {
    name: 'feed remove',
    description: 'Stop following a feed',
    manage: true,
    options: [{ name: 'url', description: 'The feed’s address or number', required: true }],
  },
];

export const FEED_GROUP = { name: 'feed', description: 'The news feeds Briefwire follows' };

export async function runFeedCommand(
  ctx: CommandContext,
  subcommand: string,
  options: Record<string, string>,
): Promise<Reply> {
  if (subcommand === 'feed list') return listReply(await ctx.stores.feeds.list());
  const url = (options.url ?? '').trim();
  if (subcommand === 'feed remove') {
    const removed = await ctx.stores.feeds.remove(url);
    return removed
      ? textReply(`Stopped following feed ${removed.id}, ${removed.url}.`)
      : textReply(`No feed ${url} is followed; see /briefings feed list.`, true);
  }
  const topic = options.topic ? normaliseSlug(options.topic) : null;
  if (topic !== null && !ctx.topics.some((t) => t.slug === topic))
    return textReply(`There is no topic "${topic}"; the topics are listed by /brief topics.`, true);
  if (!/^https?:\/\//i.test(url))
    return textReply(
      `"${url}" is not a feed address: give one starting https:// or http://.`,
      true,
    );
  try {
    const deps = {
      fetcher: ctx.fetcher,
      articles: ctx.stores.articles,
      feeds: ctx.stores.feeds,
      now: ctx.now,
    };
    const { feed, created, poll } = await followFeed(deps, {
      url,
      topic,
      everyMs: ctx.feedEveryMs,
    });
    const verb = created ? `Following feed ${feed.id}` : `Already following feed ${feed.id}`;
    return textReply(`${verb}, ${feed.url}. ${describePoll(poll.report)}`);
  } catch (e) {
    if (isBriefwireError(e)) return textReply(`Could not follow ${url}: ${e.message}`, true);
    throw e;
  }
}

function describePoll(r: FeedPollReport): string {
  if (r.status === 'failed')
    return `Its first poll failed (${r.error ?? 'unknown error'}); it will be tried again.`;
  if (r.status === 'not-modified') return 'Nothing new since the last poll.';
  const parts = [`${r.new} new article${r.new === 1 ? '' : 's'}`];
  if (r.duplicates) parts.push(`${r.duplicates} already stored`);
  if (r.partial) parts.push(`${r.partial} stored as teasers (page not fetched)`);
  if (r.skipped.length)
    parts.push(
      `${r.skipped.length} skipped (${r.skipped[0]!.reason}${r.skipped.length > 1 ? ', …' : ''})`,
    );
  return `Found ${parts.join(', ')}.`;
}

function listReply(feeds: Feed[]): Reply {
  if (feeds.length === 0)
    return textReply(
      'No feeds are followed yet; someone who manages subscriptions can add one with /briefings feed add.',
      true,
    );
  const lines = feeds.map((f) => {
    const topic = f.topic ? ` (${f.topic})` : '';
    const last = f.lastPolledAt
      ? `last poll ${f.lastPolledAt.slice(0, 16).replace('T', ' ')} UTC: ${f.lastStatus}, ${f.lastNew} new (${f.totalNew} in all)`
      : 'not polled yet';
    const failing = f.failingSince
      ? `; failing since ${f.failingSince.slice(0, 16).replace('T', ' ')} UTC: ${f.lastError ?? ''}`
      : '';
    const skipped = f.lastSkipped.length
      ? `; ${f.lastSkipped.length} skipped last time (${f.lastSkipped[0]!.reason})`
      : '';
    return `• ${f.id}. ${f.url}${topic} — ${last}${failing}${skipped}`;
  });
  return textReply(`Feeds followed:\n${lines.join('\n')}`, true);
}
