import type { ServerResponse } from 'node:http';
import { followFeed } from '../ingest/feeds/follow.ts';
import type { Fetcher } from '../ingest/fetch/port.ts';
import { reasonOf } from '../model/errors.ts';
import { type PanelFeed, renderMessagePage } from '../render/html/panel-page.ts';
import type { Stores } from '../store/ports/port.ts';
import type { WebSession } from '../store/ports/web-access.ts';
import type { Responder } from './responder.ts';

/**
 * The feeds part of the control panel: every followed feed with its health (last poll, status,
 * new articles, what was skipped and why), and for managers, adding one (polled at once, as
 * `briefwire feeds add` does) and removing one. Feeds fill the one article store all
 * workspaces brief from, so every signed-in person sees the same list.
 */

export interface FeedPanelDeps {
  stores: Stores;
  fetcher: Fetcher;
  feedEveryMs: number;
  now: () => Date;
}

export async function feedRows(stores: Stores): Promise<PanelFeed[]> {
  return (await stores.feeds.list()).map((f) => ({
    id: f.id,
    url: f.url,
    topic: f.topic,
    lastPoll: f.lastPolledAt,
    status:
      f.lastStatus === null
        ? 'not polled yet'
        : f.lastStatus === 'failed'
          ? `failing: ${f.lastError ?? 'unknown error'}`
          : 'ok',
    newArticles: `${f.lastNew} new last time, ${f.totalNew} in all`,
    skipped: f.lastSkipped.map((s) => `${s.item}: ${s.reason}`),
    nextPoll: f.nextPollAt,
  }));
}

/** POST /panel/feeds/add or /panel/feeds/:id/remove, for a manager whose form was checked. */
export async function changeFeeds(
  deps: FeedPanelDeps,
  session: WebSession,
  path: string,
  form: URLSearchParams,
  res: ServerResponse,
  r: Responder,
): Promise<boolean> {
  if (path === '/panel/feeds/add') {
    const url = (form.get('url') ?? '').trim();
    const topic = (form.get('topic') ?? '').trim() || null;
    try {
      await followFeed(
        {
          fetcher: deps.fetcher,
          articles: deps.stores.articles,
          feeds: deps.stores.feeds,
          now: deps.now,
        },
        { url, topic, everyMs: deps.feedEveryMs },
      );
    } catch (e) {
      r.page(res, 400, renderMessagePage('Feed not added', reasonOf(e)));
      return true;
    }
    r.redirect(res, '/panel?done=feed-added');
    return true;
  }
  const remove = /^\/panel\/feeds\/(\d{1,9})\/remove$/.exec(path);
  if (!remove) return false;
  const gone = await deps.stores.feeds.remove(remove[1]!);
  if (!gone) r.page(res, 404, renderMessagePage('Not found', 'There is no such feed.'));
  else r.redirect(res, `/panel?done=feed-removed&by=${encodeURIComponent(session.user)}`);
  return true;
}
