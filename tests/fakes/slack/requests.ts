import { createHmac } from 'node:crypto';
import { FAKE_TEAM } from './server.ts';

/**
 * What Slack sends an app in HTTP mode: slash commands form-encoded and events as JSON, each
 * signed with `v0=hex(HMAC_SHA256(secret, "v0:" + timestamp + ":" + body))`.
 */

export interface SignedOptions {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature (a bad one). */
  signature?: string;
}

export interface AppResponse {
  status: number;
  body: string;
  ms: number;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  options: SignedOptions = {},
): Promise<AppResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: await res.text(), ms: Date.now() - started };
}

export interface SlashCommand {
  text: string;
  user_id?: string;
  channel_id?: string;
  response_url: string;
}

/** A slash command's fields as Slack sends them (form fields in HTTP, the payload in Socket Mode). */
export function slashCommand(c: SlashCommand): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: FAKE_TEAM,
    team_domain: 'fake',
    channel_id: c.channel_id ?? 'C0NEWS',
    channel_name: 'news',
    user_id: c.user_id ?? 'U0MEMBER',
    user_name: 'member',
    command: '/brief',
    text: c.text,
    api_app_id: 'AFAKE',
    is_enterprise_install: 'false',
    response_url: c.response_url,
    trigger_id: '1.2.3',
  };
}

/** The form body of a slash command: exactly `application/x-www-form-urlencoded`. */
export function commandForm(c: SlashCommand): string {
  return new URLSearchParams(slashCommand(c)).toString();
}

export interface MessageEvent {
  type: 'message' | 'app_mention';
  channel: string;
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
}

/** An Events API callback around `event`. */
export function eventCallback(event: MessageEvent): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: FAKE_TEAM,
    api_app_id: 'AFAKE',
    type: 'event_callback',
    event_id: `Ev${event.ts.replace('.', '')}${event.type.length}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...event, team: FAKE_TEAM, event_ts: event.ts, channel_type: 'channel' },
    authorizations: [{ team_id: FAKE_TEAM, user_id: 'UBOT', is_bot: true }],
  };
}
