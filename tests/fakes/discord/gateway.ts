import { type WebSocket, WebSocketServer } from 'ws';
import { botUser, guild, IDS, type Json, textChannel } from './payloads.ts';

/**
 * The fake gateway: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME → the
 * missed dispatches + RESUMED. Dispatches sent while no socket is open are kept for the resume,
 * as Discord does.
 */

export interface GatewayStats {
  identifies: number;
  resumes: number;
  /** Intents bitfield of the last IDENTIFY. */
  intents: number | null;
  /** The shard ([id, count]) each IDENTIFY named, in order; null when it named none. */
  shards: Array<[number, number] | null>;
}

interface Frame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

export class FakeGateway {
  readonly server = new WebSocketServer({ noServer: true });
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, intents: null, shards: [] };
  /** Threads the guild has, sent with GUILD_CREATE. */
  readonly threads: Json[] = [];
  /** Answer IDENTIFY by closing with this code (4004 bad token, 4014 disallowed intents). */
  refuseIdentify: number | null = null;
  private socket: WebSocket | null = null;
  private ready = false;
  private seq = 0;
  private readonly sessionId = 'fake-session-1';
  private sent: Array<{ s: number; frame: Frame }> = [];

  constructor(private readonly resumeUrl: () => string) {
    this.server.on('connection', (ws) => this.attach(ws));
  }

  private attach(ws: WebSocket): void {
    this.socket?.terminate();
    this.socket = ws;
    this.ready = false;
    ws.on('message', (raw) => this.receive(ws, JSON.parse(String(raw)) as Frame));
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
    // A long interval: no heartbeat falls due within a test, but any that is sent is answered.
    this.send(ws, { op: 10, d: { heartbeat_interval: 45_000 } });
  }

  private receive(ws: WebSocket, frame: Frame): void {
    switch (frame.op) {
      case 1:
        this.send(ws, { op: 11, d: null });
        return;
      case 2: {
        this.stats.identifies += 1;
        if (this.refuseIdentify !== null) {
          ws.close(this.refuseIdentify, 'fake: identify refused');
          return;
        }
        this.stats.intents = Number((frame.d as { intents?: number }).intents ?? 0);
        this.stats.shards.push((frame.d as { shard?: [number, number] }).shard ?? null);
        this.ready = true;
        this.sent = [];
        this.dispatch('READY', {
          v: 10,
          user: botUser(),
          guilds: [{ id: IDS.guild, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: this.resumeUrl(),
          shard: [0, 1],
          application: { id: IDS.app, flags: 0 },
        });
        this.dispatch('GUILD_CREATE', guild([textChannel()], this.threads));
        return;
      }
      case 6: {
        const d = frame.d as { session_id?: string; seq?: number };
        if (d.session_id !== this.sessionId) {
          this.send(ws, { op: 9, d: false });
          return;
        }
        this.stats.resumes += 1;
        this.ready = true;
        for (const { s, frame: missed } of this.sent) if (s > (d.seq ?? 0)) this.send(ws, missed);
        this.dispatch('RESUMED', {});
        return;
      }
      default:
        return;
    }
  }

  /** Sends a dispatch now, or keeps it for the resume when the client is away. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const frame: Frame = { op: 0, t, s: this.seq, d };
    this.sent.push({ s: this.seq, frame });
    if (this.socket && this.ready) this.send(this.socket, frame);
  }

  /** Drops the connection as a network fault would (a resumable close code). */
  drop(code = 4000): void {
    this.ready = false;
    this.socket?.close(code, 'fake: connection dropped');
  }

  get connected(): boolean {
    return this.socket !== null && this.ready;
  }

  private send(ws: WebSocket, frame: Frame): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }
}
