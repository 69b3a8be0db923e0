import type { Span } from '../model/analysis.ts';

/**
 * Wire copy's sign-off lines: "-- Portline Newsroom 61-2 5550-1800", "-- Mara Quist, Belmora
 * Newsroom +44 20 5550 1234". They say who filed the story and how to call them; a name there
 * neither speaks nor is what a later "he" or "it" points back to.
 */
const SIGN_OFF =
  /^[ \t]*--[^\n]*?(?:\b(?:newsroom|news desk|desk|bureau)\b|\+?\d[\d ()/-]{6,}\d)[^\n]*$/gimu;

/** The sign-off lines of a text, in order. */
export function signOffLines(text: string): Span[] {
  if (!text.includes('--')) return [];
  return [...text.matchAll(SIGN_OFF)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Does an offset lie in one of the (ordered) spans? */
export function inAny(spans: Span[], offset: number): boolean {
  return spans.some((s) => s.start <= offset && offset < s.end);
}
