import { escapeHtml } from './escape.ts';
import { htmlPage } from './page.ts';

/**
 * The control panel: the digests of one server or workspace, each with its schedule, state,
 * last delivery and next slot, and, for people who may manage them, forms to pause, resume or
 * remove one. Every form carries the session's CSRF token; the page works without script.
 */
export interface PanelDigest {
  id: number;
  topic: string;
  channel: string;
  schedule: string;
  timezone: string;
  /** "next Mon 8 Jun, 08:00" or "paused: …". */
  state: string;
  last: string;
  paused: boolean;
  /** The HH:MM it runs at, when it runs once a day (the time form); null otherwise. */
  time: string | null;
}

export interface PanelFeed {
  id: number;
  url: string;
  topic: string | null;
  lastPoll: string | null;
  /** "ok", "failing: …" or "not polled yet". */
  status: string;
  newArticles: string;
  /** What the last poll left out, and why. */
  skipped: string[];
  nextPoll: string;
}

export interface PanelTopic {
  slug: string;
  title: string;
  window: string;
  inWindow: number;
  total: number;
}

export interface PanelPage {
  platform: string;
  workspace: string;
  canManage: boolean;
  csrf: string;
  digests: readonly PanelDigest[];
  feeds: readonly PanelFeed[];
  topics: readonly PanelTopic[];
  /** A line saying what the last change did, if any. */
  notice: string | null;
}

export function renderPanelPage(p: PanelPage): string {
  const form = (action: string, label: string): string =>
    `<form method="post" action="${escapeHtml(action)}" class="inline"><input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}"><button type="submit">${escapeHtml(label)}</button></form>`;
  const rows = p.digests.map((d) => {
    const retime =
      d.time === null
        ? ''
        : `<form method="post" action="/panel/digests/${d.id}/time" class="inline"><input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}"><label>Time <input name="time" type="time" value="${escapeHtml(d.time)}" required></label> <button type="submit">Change time</button></form> `;
    const actions = p.canManage
      ? `<td>${retime}${form(`/panel/digests/${d.id}/${d.paused ? 'resume' : 'pause'}`, d.paused ? 'Resume' : 'Pause')} ${form(`/panel/digests/${d.id}/remove`, 'Remove')}</td>`
      : '';
    return `<tr><th scope="row">${escapeHtml(d.topic)}</th><td>${escapeHtml(d.channel)}</td><td>${escapeHtml(d.schedule)} (${escapeHtml(d.timezone)})</td><td>${escapeHtml(d.state)}</td><td>${escapeHtml(d.last)}</td>${actions}</tr>`;
  });
  const table = rows.length
    ? `<table><thead><tr><th scope="col">topic</th><th scope="col">channel</th><th scope="col">schedule</th><th scope="col">state</th><th scope="col">last delivery</th>${p.canManage ? '<th scope="col">change</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p>No digests here yet. Add one in a channel with the subscribe command.</p>';
  const body = `<h1>Briefwire control panel</h1>
<p class="meta">${escapeHtml(p.platform)} ${escapeHtml(p.workspace)} · ${p.canManage ? 'you may change these digests' : 'read only: you may see these digests, not change them'}</p>
${p.notice ? `<p class="notice" role="status">${escapeHtml(p.notice)}</p>` : ''}
<h2>Digests</h2>
${table}
<h2>Topics</h2>
${topicsSection(p)}
<h2>Feeds</h2>
${feedsSection(p)}
<form method="post" action="/signout"><input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}"><button type="submit">Sign out</button></form>`;
  return htmlPage('Control panel', body);
}

function topicsSection(p: PanelPage): string {
  if (!p.topics.length) return '<p>No topics are defined; any words work as a topic in chat.</p>';
  const rows = p.topics.map(
    (t) =>
      `<tr><th scope="row">${escapeHtml(t.title)} <span class="meta">${escapeHtml(t.slug)}</span></th><td>${t.inWindow} in the last ${escapeHtml(t.window)}</td><td>${t.total} stored</td><td><a href="/panel/topics/${encodeURIComponent(t.slug)}">Preview its briefing</a></td></tr>`,
  );
  return `<table><thead><tr><th scope="col">topic</th><th scope="col">in its window</th><th scope="col">in all</th><th scope="col">preview</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function feedsSection(p: PanelPage): string {
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">`;
  const when = (iso: string | null): string =>
    iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';
  const rows = p.feeds.map((f) => {
    const skipped = f.skipped.length
      ? `<details><summary>${f.skipped.length} skipped</summary><ul>${f.skipped.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul></details>`
      : 'none skipped';
    const remove = p.canManage
      ? `<td><form method="post" action="/panel/feeds/${f.id}/remove" class="inline">${csrf}<button type="submit">Remove</button></form></td>`
      : '';
    return `<tr><th scope="row">${escapeHtml(f.url)}</th><td>${escapeHtml(f.topic ?? 'any topic')}</td><td>${escapeHtml(f.status)}</td><td>${escapeHtml(when(f.lastPoll))}</td><td>${escapeHtml(f.newArticles)}</td><td>${skipped}</td><td>${escapeHtml(when(f.nextPoll))}</td>${remove}</tr>`;
  });
  const table = rows.length
    ? `<table><thead><tr><th scope="col">feed</th><th scope="col">topic</th><th scope="col">health</th><th scope="col">last poll</th><th scope="col">articles</th><th scope="col">skipped</th><th scope="col">next poll</th>${p.canManage ? '<th scope="col">change</th>' : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p>No feeds are followed yet.</p>';
  const add = p.canManage
    ? `<form method="post" action="/panel/feeds/add">${csrf}<label>Feed URL <input name="url" type="url" required></label> <label>Topic (optional) <input name="topic"></label> <button type="submit">Add feed</button></form>`
    : '';
  return `${table}\n${add}`;
}

/** The page a sign-in link opens: one button, so a link preview cannot use the link up. */
export function renderSigninPage(action: string, csrf: string): string {
  return htmlPage(
    'Sign in',
    `<h1>Sign in to the control panel</h1><p>This link works once. Sign in now?</p><form method="post" action="${escapeHtml(action)}"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">Sign in</button></form>`,
  );
}

export function renderMessagePage(title: string, message: string): string {
  return htmlPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
