/**
 * The objects the fake Discord hands the real client: users, a guild with one text channel,
 * threads, messages and interactions, shaped as the v10 API sends them.
 */

export const IDS = {
  app: '100000000000000001',
  bot: '100000000000000001',
  guild: '200000000000000002',
  channel: '300000000000000003',
  user: '400000000000000004',
} as const;

/** ViewChannel | SendMessages | ReadMessageHistory; and with ManageChannels for managers. */
export const PERMISSIONS = {
  member: String(1024 + 2048 + 65536),
  manager: String(1024 + 2048 + 65536 + 16),
};

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** Fresh snowflakes, increasing, so discord.js reads sensible timestamps from them. */
export function snowflake(): string {
  counter += 1n;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) + counter);
}

export type Json = Record<string, unknown>;

export const botUser = (): Json => ({
  id: IDS.bot,
  username: 'Briefwire',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
});

export const humanUser = (): Json => ({
  id: IDS.user,
  username: 'reader',
  discriminator: '0',
  global_name: 'Reader',
  avatar: null,
});

export const textChannel = (): Json => ({
  id: IDS.channel,
  type: 0,
  guild_id: IDS.guild,
  name: 'news',
  position: 0,
  parent_id: null,
  permission_overwrites: [],
  nsfw: false,
  topic: null,
  last_message_id: null,
  rate_limit_per_user: 0,
});

export function threadChannel(id: string, parentId: string, name: string): Json {
  return {
    id,
    type: 11,
    guild_id: IDS.guild,
    parent_id: parentId,
    owner_id: IDS.bot,
    name,
    last_message_id: null,
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: 1440,
      archive_timestamp: new Date().toISOString(),
      locked: false,
    },
  };
}

export function guild(channels: Json[], threads: Json[]): Json {
  return {
    id: IDS.guild,
    name: 'Newsroom',
    icon: null,
    owner_id: IDS.user,
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date().toISOString(),
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      {
        id: IDS.guild,
        name: '@everyone',
        permissions: PERMISSIONS.member,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels,
    threads,
    members: [
      {
        user: botUser(),
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
    ],
    presences: [],
    voice_states: [],
  };
}

/** A message as the API returns it, authored by the bot unless told otherwise. */
export function message(channelId: string, body: Json, extra: Json = {}): Json {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: botUser(),
    content: typeof body.content === 'string' ? body.content : '',
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    components: [],
    pinned: false,
    type: 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...extra,
  };
}

export interface InteractionInput {
  type: 2 | 4;
  name: string;
  options: Json[];
  token: string;
  canManage: boolean;
}

export function interaction(input: InteractionInput): Json {
  return {
    id: snowflake(),
    application_id: IDS.app,
    type: input.type,
    data: { id: snowflake(), name: input.name, type: 1, options: input.options },
    guild_id: IDS.guild,
    channel_id: IDS.channel,
    channel: textChannel(),
    member: {
      user: humanUser(),
      roles: [],
      permissions: input.canManage ? PERMISSIONS.manager : PERMISSIONS.member,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    },
    token: input.token,
    version: 1,
    app_permissions: PERMISSIONS.manager,
    locale: 'en-GB',
    guild_locale: 'en-GB',
    entitlements: [],
    authorizing_integration_owners: { '0': IDS.guild },
    context: 0,
  };
}
