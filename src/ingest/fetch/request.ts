import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ConnectTimedOut } from './fetch-errors.ts';

export interface Hop {
  url: URL;
  headers: OutgoingHttpHeaders;
  /** The checking lookup: the only way a host name becomes an address here. */
  lookup: LookupFunction;
  connectTimeoutMs: number;
  /** Aborted at the total timeout; destroys the request and the response. */
  signal: AbortSignal;
}

/**
 * One GET, resolved with the response once its headers arrive. No connection reuse: every
 * socket is opened through the checking lookup, and nothing stays open after a fetch.
 */
export function sendRequest(hop: Hop): Promise<IncomingMessage> {
  const client = hop.url.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    if (hop.signal.aborted) return reject(hop.signal.reason);
    const request = client.request(hop.url, {
      method: 'GET',
      headers: hop.headers,
      lookup: hop.lookup,
      agent: false,
    });
    const onAbort = () => request.destroy(hop.signal.reason as Error);
    hop.signal.addEventListener('abort', onAbort, { once: true });
    request.once('close', () => hop.signal.removeEventListener('abort', onAbort));

    request.once('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => request.destroy(new ConnectTimedOut(hop.connectTimeoutMs)),
        hop.connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    request.once('response', resolve);
    request.on('error', (e) => reject(hop.signal.aborted ? hop.signal.reason : e));
    request.end();
  });
}
