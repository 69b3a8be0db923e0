import type { SocketModeReceiver } from '@slack/bolt';

/**
 * Starting Socket Mode so that a failure ends the start. Left alone, the Socket Mode client
 * answers a WebSocket that closes before Slack's hello by reconnecting every few seconds for
 * ever, and stopping it then rejects the reconnect's own start with nobody listening (an
 * unhandled rejection ends the process). So the first close during the start fails it, while
 * the reconnect is still only a timer that stopping clears.
 */

export class SocketClosedDuringStart extends Error {
  constructor() {
    super('the connection closed before Slack said hello');
  }
}

/** Starts the receiver; `opened` hears the WebSocket URL apps.connections.open gave. */
export async function startSocketMode(
  receiver: SocketModeReceiver,
  opened: (url: string) => void,
): Promise<void> {
  const client = receiver.client;
  const onOpened = (response: { url?: string }): void => {
    if (response.url) opened(response.url);
  };
  let onClose = (): void => {};
  const closed = new Promise<never>((_, reject) => {
    onClose = () => reject(new SocketClosedDuringStart());
  });
  client.on('authenticated', onOpened);
  client.once('close', onClose);
  try {
    await Promise.race([receiver.start(), closed]);
  } finally {
    client.off('authenticated', onOpened);
    client.off('close', onClose);
  }
}

/**
 * After a failed start: stopping a WebSocket that never opened can leave the client's
 * 30-second close-handshake timer behind, holding the process; disconnecting the (already
 * closed) socket once more clears it.
 */
export function dropSocket(receiver: SocketModeReceiver): void {
  receiver.client.websocket?.disconnect();
}
