import type { ChatUser } from '../../model/chat-port.ts';

/**
 * Who someone is and whether they may change a channel's subscriptions: workspace admins and
 * owners (users.info `is_admin` / `is_owner` / `is_primary_owner`) and the user ids in
 * SLACK_MANAGERS. Answers are cached for a few minutes so a busy channel costs one lookup a
 * person; a failed lookup is not cached, and then only the configured managers may manage.
 */

interface SlackUserInfo {
  ok?: boolean;
  user?: {
    name?: string;
    real_name?: string;
    is_admin?: boolean;
    is_owner?: boolean;
    is_primary_owner?: boolean;
    profile?: { display_name?: string; real_name?: string };
  };
}

export type UsersInfo = (userId: string) => Promise<SlackUserInfo>;

export interface UserDirectory {
  lookup(userId: string, knownName?: string): Promise<ChatUser>;
  /** What is known without asking Slack: for messages that may not concern us at all. */
  peek(userId: string): ChatUser;
}

const CACHE_MS = 5 * 60_000;
const MAX_ENTRIES = 5000;

export function createUserDirectory(
  usersInfo: UsersInfo,
  managers: readonly string[],
  log: (message: string) => void,
  now: () => number = Date.now,
): UserDirectory {
  const cache = new Map<string, { user: ChatUser; until: number }>();
  return {
    peek(userId) {
      const hit = cache.get(userId);
      if (hit && hit.until > now()) return hit.user;
      return { id: userId, name: userId, canManage: managers.includes(userId) };
    },
    async lookup(userId, knownName) {
      const hit = cache.get(userId);
      if (hit && hit.until > now()) return hit.user;
      const listed = managers.includes(userId);
      try {
        const { user: u } = await usersInfo(userId);
        const admin = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
        const name =
          u?.profile?.display_name || u?.real_name || u?.profile?.real_name || u?.name || knownName;
        const user: ChatUser = { id: userId, name: name || userId, canManage: listed || admin };
        if (cache.size >= MAX_ENTRIES) cache.clear();
        cache.set(userId, { user, until: now() + CACHE_MS });
        return user;
      } catch (e) {
        log(`slack: users.info ${userId} failed (${e instanceof Error ? e.message : String(e)})`);
        return { id: userId, name: knownName || userId, canManage: listed };
      }
    },
  };
}
