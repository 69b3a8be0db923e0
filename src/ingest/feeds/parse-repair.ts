import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * Malformed XML (an unclosed tag, a stray end tag) made well-formed by htmlparser2's tolerant
 * XML mode, which closes what was left open, as browsers' feed readers do. Entities and CDATA
 * are passed through untouched so the feed parser reads them as it would have. Only used after
 * the feed parser refused the original text.
 */
export function repairXml(text: string): string {
  const doc = parseDocument(text, { xmlMode: true, recognizeCDATA: true, decodeEntities: false });
  return DomUtils.getOuterHTML(doc, { xmlMode: true, decodeEntities: false });
}

/** Markup (a title given as HTML) as plain text: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return DomUtils.textContent(parseDocument(html, { decodeEntities: true }));
}
