import type { ServerResponse } from 'node:http';

/** How the control panel's routes answer: a page, or a redirect after a form (both no-store). */
export interface Responder {
  page(res: ServerResponse, status: number, html: string, headers?: Record<string, string>): void;
  redirect(res: ServerResponse, location: string, headers?: Record<string, string>): void;
}
