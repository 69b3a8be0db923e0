import { BriefwireError } from '../model/errors.ts';
import { slotLabel } from '../schedule/slots.ts';
import { describeLast, describeNext, subscriptionStatus } from '../schedule/status.ts';
import { checkSubscription } from '../schedule/subscribe.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, parseOptions, positiveInteger, stringOption } from './options.ts';

/** `subscribe`, `subscriptions` and `unsubscribe`: a channel's digests from the command line. */

const PLATFORMS = ['discord', 'slack'];

export const subscribe: Subcommand = {
  name: 'subscribe',
  usage:
    'briefwire subscribe <topic> --platform discord|slack --channel ID [--workspace ID] --schedule "08:00"|"weekdays 07:30"|"<cron>" [--timezone ZONE] [--quiet] [--by NAME] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('subscribe', argv, {
      platform: { type: 'string' },
      workspace: { type: 'string' },
      channel: { type: 'string' },
      schedule: { type: 'string' },
      timezone: { type: 'string' },
      quiet: { type: 'boolean' },
      by: { type: 'string' },
    });
    const [topic, ...extra] = parsed.positionals;
    const platform = stringOption(parsed, 'platform') ?? '';
    const channel = stringOption(parsed, 'channel') ?? '';
    const schedule = stringOption(parsed, 'schedule') ?? '';
    if (!topic || extra.length)
      throw usage('give one topic, such as: briefwire subscribe iran-uk …', argv);
    if (!PLATFORMS.includes(platform))
      throw usage(`--platform must be discord or slack (got "${platform}")`, argv);
    if (!channel) throw usage('--channel is required (the channel id)', argv);
    if (!schedule) throw usage('--schedule is required, such as --schedule 08:00', argv);
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const checked = checkSubscription(
        {
          platform,
          workspace: stringOption(parsed, 'workspace') ?? null,
          channel,
          topic,
          schedule,
          timezone: stringOption(parsed, 'timezone'),
          whenEmpty: flag(parsed, 'quiet') ? 'silent' : 'note',
          createdBy: `cli:${stringOption(parsed, 'by') ?? io.env.USER ?? 'cli'}`,
        },
        app.topics,
        app.config.timezone,
      );
      const sub = await app.stores.subscriptions.save(checked.subscription);
      const status = await subscriptionStatus(app.stores, sub, app.clock.now());
      io.stdout.write(
        `Subscription #${sub.id}: ${checked.topicTitle} (${sub.topic}) to ${sub.platform} channel ${sub.channel}, ${checked.spec.description} (${sub.timezone}); ${describeNext(status)}.\n`,
      );
      return EXIT.ok;
    });
  },
};

export const subscriptions: Subcommand = {
  name: 'subscriptions',
  usage: 'briefwire subscriptions [--platform P] [--channel ID] [--json] [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('subscriptions', argv, {
      platform: { type: 'string' },
      channel: { type: 'string' },
      json: { type: 'boolean' },
    });
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const platform = stringOption(parsed, 'platform');
      const channel = stringOption(parsed, 'channel');
      const subs = await app.stores.subscriptions.list({
        ...(platform ? { platform } : {}),
        ...(channel ? { channel } : {}),
      });
      const now = app.clock.now();
      const statuses = await Promise.all(subs.map((s) => subscriptionStatus(app.stores, s, now)));
      if (flag(parsed, 'json')) {
        io.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
        return EXIT.ok;
      }
      if (!statuses.length) {
        io.stdout.write(
          'No subscriptions. Add one with: briefwire subscribe <topic> --platform … --channel … --schedule 08:00\n',
        );
        return EXIT.ok;
      }
      for (const st of statuses) {
        const s = st.subscription;
        const where = [s.platform, s.workspace, s.channel].filter(Boolean).join('/');
        const quiet = s.whenEmpty === 'silent' ? ', quiet when nothing is new' : '';
        io.stdout.write(
          `#${s.id} ${s.topic} → ${where}: ${st.schedule} (${s.timezone})${quiet}\n` +
            `    last: ${describeLast(st)}\n    ${describeNext(st)}\n`,
        );
      }
      return EXIT.ok;
    });
  },
};

export const unsubscribe: Subcommand = {
  name: 'unsubscribe',
  usage: 'briefwire unsubscribe <id> [--db PATH|URL]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('unsubscribe', argv, {});
    const [raw, ...extra] = parsed.positionals;
    if (!raw || extra.length)
      throw usage('give one subscription number, as shown by briefwire subscriptions', argv);
    // "#12" as listed by `subscriptions`, or "12"; never "1e3" read as 1000.
    const id = positiveInteger(raw.replace(/^#/, ''), 'the subscription number');
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      const sub = await app.stores.subscriptions.get(id);
      if (!sub || !(await app.stores.subscriptions.removeById(id))) {
        io.stderr.write(`No subscription #${id}.\n`);
        return EXIT.failed;
      }
      const last = (await app.stores.deliveries.list(id, { limit: 1 }))[0];
      const lastNote = last
        ? `; its last slot was ${slotLabel(new Date(last.slot), sub.timezone)}`
        : '';
      io.stdout.write(
        `Removed #${id}: the ${sub.topic} digest in ${sub.platform} channel ${sub.channel}${lastNote}.\n`,
      );
      return EXIT.ok;
    });
  },
};

function usage(message: string, argv: string[]): BriefwireError {
  return new BriefwireError('USAGE', message, argv.join(' '));
}
