import { type Client, Events } from 'discord.js';
import { BriefwireError, reasonOf } from '../../model/errors.ts';

/**
 * Logs in and waits for the gateway to be ready, failing with a message that says what to
 * fix when Discord closes the connection for good (a bad token, an intent not enabled).
 */

const FATAL: Record<number, string> = {
  4004: 'Discord rejected the token: check DISCORD_TOKEN (Bot → Reset Token in the developer portal)',
  4013: 'Discord rejected the gateway intents',
  4014: 'Discord refused the Message Content intent: turn it on under Bot → Privileged Gateway Intents in the developer portal, or set DISCORD_MESSAGE_CONTENT=0',
};

/**
 * How long a failed start waits for the client to close. @discordjs/ws 1.2 never settles a
 * destroy that lands while a shard waits for READY after HELLO (it reconnects instead), so
 * the failure is reported without waiting for ever; bin/briefwire.js then ends the process.
 */
const DESTROY_WAIT_MS = 3_000;

async function destroyWithin(client: Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([client.destroy().catch(() => {}), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

export async function connect(client: Client, token: string, timeoutMs: number): Promise<void> {
  // The REST base the gateway address is fetched from: the input an operator can check.
  const api = client.rest.options.api;
  const failed = (message: string, cause?: unknown): BriefwireError =>
    new BriefwireError('PLATFORM_FAILED', message, api, { cause });
  let onClose: ((event: { code: number }) => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  // Each outcome is listened for before login: a fast gateway can be ready before it resolves.
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    onClose = (event) => reject(failed(FATAL[event.code] ?? `gateway closed (${event.code})`));
    client.once(Events.ShardDisconnect, onClose);
    timer = setTimeout(
      () => reject(failed(`the gateway was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.all([client.login(token), ready]);
  } catch (e) {
    await destroyWithin(client, DESTROY_WAIT_MS);
    throw failed(`Discord: could not connect to ${api}: ${reasonOf(e)}`, e);
  } finally {
    clearTimeout(timer);
    if (onClose) client.off(Events.ShardDisconnect, onClose);
  }
}
