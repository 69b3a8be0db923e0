import type { WebAccessStore, WebGrant, WebSession } from '../ports/web-access.ts';
import { requireInstant } from '../rows/instant.ts';
import type { SqliteConnection } from './connection.ts';

interface GrantRow {
  platform: string;
  workspace: string;
  user_id: string;
  can_manage: number;
}

const grantOf = (r: GrantRow): WebGrant => ({
  platform: r.platform,
  workspace: r.workspace,
  user: r.user_id,
  canManage: r.can_manage === 1,
});

export function createSqliteWebAccess(c: SqliteConnection): WebAccessStore {
  return {
    async saveSignin(tokenHash, g, expiresAt, now) {
      c.guard(() =>
        c
          .prepare(
            'INSERT INTO web_signins (token_hash, platform, workspace, user_id, can_manage, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            tokenHash,
            g.platform,
            g.workspace,
            g.user,
            g.canManage ? 1 : 0,
            requireInstant(now, 'now'),
            requireInstant(expiresAt, 'expiresAt'),
          ),
      );
    },
    async useSignin(tokenHash, now) {
      return c.guard(() => {
        const row = c
          .prepare(
            'UPDATE web_signins SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING platform, workspace, user_id, can_manage',
          )
          .get(requireInstant(now, 'now'), tokenHash, requireInstant(now, 'now')) as
          | GrantRow
          | undefined;
        return row ? grantOf(row) : null;
      });
    },
    async signinsSince(g, since) {
      return c.guard(() => {
        const row = c
          .prepare(
            'SELECT count(*) AS n FROM web_signins WHERE platform = ? AND workspace = ? AND user_id = ? AND created_at >= ?',
          )
          .get(g.platform, g.workspace, g.user, requireInstant(since, 'since')) as { n: number };
        return row.n;
      });
    },
    async saveSession(idHash, s) {
      c.guard(() =>
        c
          .prepare(
            'INSERT INTO web_sessions (id_hash, platform, workspace, user_id, can_manage, csrf, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            idHash,
            s.platform,
            s.workspace,
            s.user,
            s.canManage ? 1 : 0,
            s.csrf,
            requireInstant(s.expiresAt, 'expiresAt'),
          ),
      );
    },
    async session(idHash, now) {
      return c.guard(() => {
        const row = c
          .prepare(
            'SELECT platform, workspace, user_id, can_manage, csrf, expires_at FROM web_sessions WHERE id_hash = ? AND expires_at > ?',
          )
          .get(idHash, requireInstant(now, 'now')) as
          | (GrantRow & { csrf: string; expires_at: string })
          | undefined;
        return row
          ? ({ ...grantOf(row), csrf: row.csrf, expiresAt: row.expires_at } satisfies WebSession)
          : null;
      });
    },
    async endSession(idHash) {
      c.guard(() => c.prepare('DELETE FROM web_sessions WHERE id_hash = ?').run(idHash));
    },
  };
}
