import { Parser } from 'htmlparser2';

/**
 * How deeply a feed's elements nest, stopping as soon as it passes the limit. The feed parser
 * and the repair pass slow down quadratically and then overflow the stack on 100,000 nested
 * tags, while a real feed (even with XHTML content) nests a few dozen deep; one linear pass of
 * htmlparser2's tokenizer finds the depth first.
 */
export const MAX_FEED_DEPTH = 512;

class TooDeep extends Error {}

/** True when some element sits deeper than `limit` (unclosed tags count as open). */
export function nestsDeeperThan(xml: string, limit: number = MAX_FEED_DEPTH): boolean {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > limit) throw new TooDeep();
      },
      onclosetag() {
        depth = Math.max(0, depth - 1);
      },
    },
    { xmlMode: true, recognizeCDATA: true, decodeEntities: false },
  );
  try {
    parser.end(xml);
  } catch (e) {
    if (e instanceof TooDeep) return true;
    throw e;
  }
  return false;
}
