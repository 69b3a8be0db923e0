/**
 * Who may use the web control panel: one-time sign-in links handed out in chat, and the
 * sessions they open. Only hashes of the secrets are stored, so a copy of the database opens
 * nothing. Each grant is for one server or workspace, with the rights the chat check gave.
 */
export interface WebGrant {
  platform: string;
  workspace: string;
  user: string;
  canManage: boolean;
}

export interface WebSession extends WebGrant {
  /** The token every form must carry (CSRF). */
  csrf: string;
  expiresAt: string;
}

export interface WebAccessStore {
  saveSignin(tokenHash: string, grant: WebGrant, expiresAt: string, now: string): Promise<void>;
  /** The grant of an unused, unexpired sign-in, marked used in the same step; else null. */
  useSignin(tokenHash: string, now: string): Promise<WebGrant | null>;
  /** Sign-ins this person asked for since `since`, for the rate limit. */
  signinsSince(
    grant: Pick<WebGrant, 'platform' | 'workspace' | 'user'>,
    since: string,
  ): Promise<number>;
  saveSession(idHash: string, session: WebSession): Promise<void>;
  /** An unexpired session, or null. */
  session(idHash: string, now: string): Promise<WebSession | null>;
  endSession(idHash: string): Promise<void>;
}
