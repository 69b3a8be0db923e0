import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { waitFor } from './wait.ts';

/**
 * Slack's Socket Mode side: the client connects to the URL apps.connections.open gave it, is
 * greeted with `hello`, receives envelopes and acknowledges each with its envelope_id.
 */

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface SocketHub {
  /** Open connections. */
  readonly open: number;
  /** Every ack received, in order. */
  readonly acks: SocketAck[];
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends an envelope to the connected client and waits for its ack. */
  send(type: 'slash_commands' | 'events_api' | 'interactive', payload: object): Promise<SocketAck>;
  /** Waits until every client socket has closed. */
  closed(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function createSocketHub(): SocketHub {
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  const acks: SocketAck[] = [];

  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      if (typeof ack.envelope_id === 'string') acks.push(ack);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
        connection_info: { app_id: 'AFAKE' },
      }),
    );
  });

  return {
    get open() {
      return sockets.size;
    },
    acks,
    upgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    async send(type, payload) {
      const ws = await waitFor('a Socket Mode connection', () => [...sockets][0]);
      const envelope_id = randomUUID();
      ws.send(
        JSON.stringify({
          envelope_id,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
      return waitFor(`the ack of ${type} ${envelope_id}`, () =>
        acks.find((a) => a.envelope_id === envelope_id),
      );
    },
    async closed(timeoutMs = 5000) {
      await waitFor('Socket Mode sockets to close', () => sockets.size === 0, timeoutMs);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
