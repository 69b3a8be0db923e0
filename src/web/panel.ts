import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Topic } from '../briefing/topics.ts';
import type { Briefing } from '../model/briefing.ts';
import { renderMessagePage, renderPanelPage, renderSigninPage } from '../render/html/panel-page.ts';
import { describeLast, describeNext, subscriptionStatus } from '../schedule/status.ts';
import { atTime, checkSubscription, timeOfDay } from '../schedule/subscribe.ts';
import type { WebSession } from '../store/ports/web-access.ts';
import { newSecret, secretHash } from './access.ts';
import { changeFeeds, type FeedPanelDeps, feedRows } from './panel-feeds.ts';
import { previewBriefing, topicRows } from './panel-topics.ts';
import type { Responder } from './responder.ts';

/**
 * The control panel's routes: sign-in (a one-time link, then a session cookie), the digests of
 * the signed-in server or workspace, and the changes a manager may make to them. Every change
 * is a POST carrying the session's CSRF token, checked against the session's rights and the
 * digest's workspace; a digest of another workspace does not exist as far as the panel knows.
 */

/** The feed part's needs (stores, fetcher, poll interval, clock) and the rest of the panel's. */
export interface PanelDeps extends FeedPanelDeps {
  topics: Topic[];
  /** Zone for a digest that names none (BRIEFWIRE_TIMEZONE). */
  timezone: string;
  /** A briefing's page, as the permalink renders it (its links signed). */
  briefingPage: (briefing: Briefing) => Promise<string>;
  /** Mark the cookie Secure (the pages are public over https). */
  secureCookies: boolean;
}

const COOKIE = 'bw_session';
/** The sign-in form's own cookie, before there is a session. */
const PRE_COOKIE = 'bw_signin';
const SESSION_MS = 8 * 3_600_000;
const MAX_FORM_BYTES = 8 * 1024;
const ASK_AGAIN =
  'Ask for a new link in a channel: /brief web on Slack, /briefings web on Discord.';

/** Handles the request when it is a panel route; false leaves it to the other pages. */
export async function handlePanel(
  deps: PanelDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  r: Responder,
): Promise<boolean> {
  const signin = /^\/signin\/([\w-]{20,64})$/.exec(path);
  if (signin && req.method === 'GET') {
    // The form's token matches a cookie set here, so another site cannot post someone else's
    // link and sign this browser into a session that is not its own (login CSRF).
    const csrf = newSecret();
    r.page(res, 200, renderSigninPage(`/signin/${signin[1]}`, csrf), {
      'set-cookie': `${PRE_COOKIE}=${csrf}; Path=/signin; HttpOnly; SameSite=Strict; Max-Age=600${deps.secureCookies ? '; Secure' : ''}`,
    });
    return true;
  }
  if (signin && req.method === 'POST') {
    const form = await readForm(req);
    const expected = cookieValue(req, PRE_COOKIE);
    if (!form || !expected || !sameSecret(form.get('csrf') ?? '', expected)) {
      r.page(
        res,
        403,
        renderMessagePage('Refused', 'Open the sign-in link itself, then press Sign in.'),
      );
      return true;
    }
    const now = deps.now();
    const grant = await deps.stores.webAccess.useSignin(secretHash(signin[1]!), now.toISOString());
    if (!grant) {
      r.page(
        res,
        403,
        renderMessagePage(
          'This link no longer signs in',
          `It was used already, or it is more than 10 minutes old. ${ASK_AGAIN}`,
        ),
      );
      return true;
    }
    const id = newSecret();
    const session: WebSession = {
      ...grant,
      csrf: newSecret(),
      expiresAt: new Date(now.getTime() + SESSION_MS).toISOString(),
    };
    await deps.stores.webAccess.saveSession(secretHash(id), session);
    r.redirect(res, '/panel', { 'set-cookie': cookie(deps, id, SESSION_MS / 1000) });
    return true;
  }
  if (path !== '/panel' && path !== '/signout' && !path.startsWith('/panel/')) return false;

  const session = await sessionOf(deps, req);
  if (!session) {
    r.page(
      res,
      401,
      renderMessagePage(
        'Signed out',
        `Your session has ended or you have not signed in. ${ASK_AGAIN}`,
      ),
    );
    return true;
  }
  if (req.method === 'GET' && path === '/panel') {
    r.page(
      res,
      200,
      await panelPage(deps, session, new URL(req.url ?? '/', 'http://x').searchParams.get('done')),
    );
    return true;
  }
  const preview = /^\/panel\/topics\/([a-z0-9][a-z0-9-]{0,63})$/.exec(path);
  if (req.method === 'GET' && preview) {
    const briefing = await previewBriefing(deps.stores, deps.topics, preview[1]!, deps.now());
    if (!briefing) {
      r.page(
        res,
        404,
        renderMessagePage('Nothing to preview', 'No stored article matches this topic yet.'),
      );
      return true;
    }
    r.page(res, 200, await deps.briefingPage(briefing));
    return true;
  }
  if (req.method !== 'POST') {
    r.page(res, 405, renderMessagePage('Not allowed', 'This address takes a form, not a visit.'));
    return true;
  }
  const form = await readForm(req);
  if (!form || !sameSecret(form.get('csrf') ?? '', session.csrf)) {
    r.page(
      res,
      403,
      renderMessagePage(
        'Refused',
        'The form was not sent from this panel; reload it and try again.',
      ),
    );
    return true;
  }
  if (path === '/signout') {
    await deps.stores.webAccess.endSession(secretHash(cookieValue(req) ?? ''));
    r.page(res, 200, renderMessagePage('Signed out', 'You are signed out of the control panel.'), {
      'set-cookie': cookie(deps, '', 0),
    });
    return true;
  }
  if (path.startsWith('/panel/feeds/')) {
    if (!session.canManage) {
      r.page(
        res,
        403,
        renderMessagePage('Read only', 'You may see the feeds but not change them.'),
      );
      return true;
    }
    if (await changeFeeds(deps, session, path, form, res, r)) return true;
  }
  const change = /^\/panel\/digests\/(\d{1,9})\/(pause|resume|remove|time)$/.exec(path);
  const sub = change ? await deps.stores.subscriptions.get(Number(change[1])) : null;
  if (!change || !sub || sub.platform !== session.platform || sub.workspace !== session.workspace) {
    r.page(res, 404, renderMessagePage('Not found', 'There is no such digest here.'));
    return true;
  }
  if (!session.canManage) {
    r.page(
      res,
      403,
      renderMessagePage('Read only', 'You may see these digests but not change them.'),
    );
    return true;
  }
  const at = deps.now().toISOString();
  const action = change[2]!;
  if (action === 'time') {
    const schedule = atTime(sub.schedule, form.get('time') ?? '');
    if (!schedule) {
      r.page(
        res,
        400,
        renderMessagePage(
          'Not a time',
          `"${form.get('time') ?? ''}" is not a time of day such as 08:00, or this digest runs at several times a day.`,
        ),
      );
      return true;
    }
    const checked = checkSubscription(
      { ...sub, schedule, timezone: sub.timezone },
      deps.topics,
      deps.timezone,
    );
    await deps.stores.subscriptions.save(checked.subscription);
    r.redirect(res, '/panel?done=retimed');
    return true;
  }
  if (action === 'remove') await deps.stores.subscriptions.removeById(sub.id);
  else
    await deps.stores.subscriptions.setPaused(
      sub.id,
      action === 'pause' ? `paused from the control panel by ${session.user}` : null,
      at,
    );
  r.redirect(res, `/panel?done=${action}d`);
  return true;
}

async function panelPage(deps: PanelDeps, s: WebSession, done: string | null): Promise<string> {
  const subs = await deps.stores.subscriptions.list({
    platform: s.platform,
    workspace: s.workspace,
  });
  const digests = [];
  for (const sub of subs) {
    const st = await subscriptionStatus(deps.stores, sub, deps.now());
    digests.push({
      id: sub.id,
      topic: sub.topic,
      channel: sub.channel,
      schedule: st.schedule,
      timezone: sub.timezone,
      state: describeNext(st),
      last: describeLast(st),
      paused: !sub.active,
      time: timeOfDay(sub.schedule),
    });
  }
  const notices: Record<string, string> = {
    paused: 'Paused.',
    resumed: 'Resumed.',
    removed: 'Removed.',
    retimed: 'The time is changed; the next slot below follows it.',
    'feed-added': 'The feed is added and was polled once; its health is below.',
    'feed-removed': 'The feed is removed.',
  };
  return renderPanelPage({
    platform: s.platform,
    workspace: s.workspace,
    canManage: s.canManage,
    csrf: s.csrf,
    digests,
    feeds: await feedRows(deps.stores),
    topics: await topicRows(deps.stores, deps.topics, deps.now()),
    notice: (done && notices[done]) ?? null,
  });
}

async function sessionOf(deps: PanelDeps, req: IncomingMessage): Promise<WebSession | null> {
  const id = cookieValue(req);
  return id ? deps.stores.webAccess.session(secretHash(id), deps.now().toISOString()) : null;
}

function cookieValue(req: IncomingMessage, cookieName = COOKIE): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === cookieName && value && /^[\w-]{20,64}$/.test(value)) return value;
  }
  return null;
}

function cookie(deps: PanelDeps, value: string, maxAge: number): string {
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${deps.secureCookies ? '; Secure' : ''}`;
}

function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A small urlencoded form, or null for anything else (too big, another type). */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
