import type { WebAccessStore, WebGrant, WebSession } from '../ports/web-access.ts';
import { requireInstant } from '../rows/instant.ts';
import type { PostgresConnection } from './connection.ts';

type GrantRow = {
  platform: string;
  workspace: string;
  user_id: string;
  can_manage: boolean;
};

const grantOf = (r: GrantRow): WebGrant => ({
  platform: r.platform,
  workspace: r.workspace,
  user: r.user_id,
  canManage: r.can_manage,
});

export function createPostgresWebAccess(c: PostgresConnection): WebAccessStore {
  return {
    async saveSignin(tokenHash, g, expiresAt, now) {
      await c.query(
        'INSERT INTO web_signins (token_hash, platform, workspace, user_id, can_manage, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          tokenHash,
          g.platform,
          g.workspace,
          g.user,
          g.canManage,
          requireInstant(now, 'now'),
          requireInstant(expiresAt, 'expiresAt'),
        ],
      );
    },
    async useSignin(tokenHash, now) {
      // One statement: of two requests with the same link, only one gets the row back.
      const [row] = await c.query<GrantRow>(
        'UPDATE web_signins SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING platform, workspace, user_id, can_manage',
        [requireInstant(now, 'now'), tokenHash],
      );
      return row ? grantOf(row) : null;
    },
    async signinsSince(g, since) {
      const [row] = await c.query<{ n: string }>(
        'SELECT count(*) AS n FROM web_signins WHERE platform = $1 AND workspace = $2 AND user_id = $3 AND created_at >= $4',
        [g.platform, g.workspace, g.user, requireInstant(since, 'since')],
      );
      return Number(row?.n ?? 0);
    },
    async saveSession(idHash, s) {
      await c.query(
        'INSERT INTO web_sessions (id_hash, platform, workspace, user_id, can_manage, csrf, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          idHash,
          s.platform,
          s.workspace,
          s.user,
          s.canManage,
          s.csrf,
          requireInstant(s.expiresAt, 'expiresAt'),
        ],
      );
    },
    async session(idHash, now) {
      const [row] = await c.query<GrantRow & { csrf: string; expires_at: string }>(
        'SELECT platform, workspace, user_id, can_manage, csrf, expires_at FROM web_sessions WHERE id_hash = $1 AND expires_at > $2',
        [idHash, requireInstant(now, 'now')],
      );
      return row
        ? ({ ...grantOf(row), csrf: row.csrf, expiresAt: row.expires_at } satisfies WebSession)
        : null;
    },
    async endSession(idHash) {
      await c.query('DELETE FROM web_sessions WHERE id_hash = $1', [idHash]);
    },
  };
}
