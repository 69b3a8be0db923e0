import { normaliseSlug, resolveTopic, type Topic } from '../briefing/topics.ts';
import { BriefwireError } from '../model/errors.ts';
import type { NewSubscription, WhenEmpty } from '../store/ports/subscriptions.ts';
import { isValidTimeZone } from '../time/zoned.ts';
import { parseSchedule, type ScheduleSpec } from './spec.ts';

/**
 * A subscription as asked for (by a chat command or the CLI), checked once here: the topic
 * exists or is a usable ad-hoc slug, the schedule parses, the time zone is an IANA zone.
 */

export interface SubscriptionRequest {
  platform: string;
  workspace: string | null;
  channel: string;
  topic: string;
  /** "08:00" (daily), "daily 08:00", "weekdays 07:30" or a cron expression. */
  schedule: string;
  /** Missing: the deployment's default zone; given blank, an error naming it. */
  timezone?: string | undefined;
  whenEmpty?: WhenEmpty;
  createdBy: string;
}

export interface CheckedSubscription {
  subscription: NewSubscription;
  spec: ScheduleSpec;
  topicTitle: string;
}

const BARE_TIME = /^\d{1,2}:\d{2}$/;

export function checkSubscription(
  request: SubscriptionRequest,
  topics: Topic[],
  defaultTimezone: string,
): CheckedSubscription {
  const topic = resolveTopic(normaliseSlug(request.topic), topics);
  const asked = request.schedule.trim();
  const spec = parseSchedule(BARE_TIME.test(asked) ? `daily ${asked}` : asked);
  // A time zone given blank is a mistake to name, not a request for the default.
  const timezone = request.timezone === undefined ? defaultTimezone : request.timezone.trim();
  if (!isValidTimeZone(timezone))
    throw new BriefwireError(
      'USAGE',
      `"${timezone}" is not a time zone: use an IANA name such as Europe/London or America/New_York.`,
      timezone,
    );
  return {
    subscription: {
      platform: request.platform,
      workspace: request.workspace,
      channel: request.channel,
      topic: topic.slug,
      schedule: spec.text,
      timezone,
      createdBy: request.createdBy,
      whenEmpty: request.whenEmpty ?? 'note',
    },
    spec,
    topicTitle: topic.title,
  };
}

/**
 * The one time of day a schedule runs at, as HH:MM: "daily 08:00", "weekdays 7:30", or a cron
 * expression with a single minute and hour. Null for a schedule that runs at several times.
 */
export function timeOfDay(schedule: string): string | null {
  const named = /^(?:daily|weekdays)\s+(\d{1,2}):(\d{2})$/.exec(schedule.trim());
  if (named) return `${named[1]!.padStart(2, '0')}:${named[2]}`;
  const f = schedule.trim().split(/\s+/);
  return f.length === 5 && /^\d{1,2}$/.test(f[0]!) && /^\d{1,2}$/.test(f[1]!)
    ? `${f[1]!.padStart(2, '0')}:${f[0]!.padStart(2, '0')}`
    : null;
}

/**
 * The same schedule at another time of day: "daily 08:00" → "daily 07:15"; a cron expression
 * keeps its days and takes the new minute and hour. Null for a time that is not HH:MM or a
 * schedule without one time of day.
 */
export function atTime(schedule: string, hhmm: string): string | null {
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm.trim());
  if (!time || timeOfDay(schedule) === null) return null;
  const [h, m] = [Number(time[1]), Number(time[2])];
  const named = /^(daily|weekdays)\s/.exec(schedule.trim());
  if (named) return `${named[1]} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return [String(m), String(h), ...schedule.trim().split(/\s+/).slice(2)].join(' ');
}
