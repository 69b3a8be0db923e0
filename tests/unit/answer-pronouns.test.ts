import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusTurn, resolveFollowUp } from '../../src/answer/follow-up.ts';
import { genderOf, pronounGenders } from '../../src/answer/gender.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { StoredArticle } from '../../src/model/article.ts';
import type { InboundHandlers } from '../../src/model/chat-port.ts';
import type { Reply } from '../../src/model/reply.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';

/**
 * Follow-up pronouns agree in gender with the person they resolve to (#15): a "she" after a
 * question about a man is never read as him. Invented articles, real store and handlers.
 */

const TERMINAL = `Portline opens a ferry terminal in Marrowby

Portline opened its new ferry terminal in Marrowby on Tuesday morning. Tobin Ashgrove, the harbour master, led the first crossing across the bay. He said the terminal would carry two thousand passengers a day. "We have waited ten years for this crossing," he said.

Mara Quist, the chief executive of Portline, thanked the town council for its patience. She said the company would hire forty workers in Marrowby. "The harbour is open for business again," she said.

Ilsa Brenner, the council clerk, signed the lease for the terminal last month.
`;

const OPENING = `Crowds gather for the Marrowby ferry opening

Hundreds of people gathered on the Marrowby quay for the ferry opening on Tuesday. Sir Caspian Rell, the harbour board chair, arrived by boat. "This town has always looked to the sea," Rell said.

The first passenger to buy a ticket was Petra Lowe, a mother of two from the valley. Dame Ysolde Fenn cut the ribbon at noon.

Corwin Tash greeted Nell Imbry at the gate, and he shook hands with the crew. Nell Imbry's husband said he was proud of the town.
`;

describe('gender of a person, from the articles only', () => {
  const tmp = tempDir();
  let stores: Stores;
  let articles: StoredArticle[];
  let terminal: StoredArticle;

  beforeAll(async () => {
    writeFileSync(join(tmp.dir, 'terminal.txt'), TERMINAL);
    writeFileSync(join(tmp.dir, 'opening.txt'), OPENING);
    stores = await createStore(join(tmp.dir, 'pronouns.db'));
    await ingestPaths(stores, [tmp.dir]);
    articles = await stores.articles.findArticles({});
    terminal = articles.find((a) => a.text.includes('Tobin'))!;
  });
  afterAll(async () => {
    await stores.close();
    tmp.cleanup();
  });

  it('reads the pronouns that follow a mention, before anyone else is named', () => {
    expect(genderOf([terminal], 'Tobin Ashgrove')).toBe('male');
    expect(genderOf([terminal], 'Mara Quist')).toBe('female');
    expect(genderOf([terminal], 'Quist')).toBe('female');
  });

  it('reads titles and kinship nouns beside the name', () => {
    expect(genderOf(articles, 'Caspian Rell')).toBe('male');
    expect(genderOf(articles, 'Ysolde Fenn')).toBe('female');
    expect(genderOf(articles, 'Petra Lowe')).toBe('female');
  });

  it('does not give a pronoun to a person named after the subject, or after a possessive', () => {
    // Each "he" here is Corwin Tash's or the husband's, never Nell Imbry's.
    expect(genderOf(articles, 'Nell Imbry')).toBeNull();
  });

  it('claims no gender without evidence', () => {
    expect(genderOf(articles, 'Ilsa Brenner')).toBeNull();
    expect(genderOf(articles, 'Wendell Nobody')).toBeNull();
  });

  it('reads which genders a question asks about', () => {
    expect([...pronounGenders('What did she say?')]).toEqual(['female']);
    expect([...pronounGenders('What did he tell her?')].sort()).toEqual(['female', 'male']);
    expect(pronounGenders('What did they say? Where is the shed?').size).toBe(0);
  });

  it('keeps the focus when its gender agrees or is unknown', async () => {
    const ids = [terminal.id];
    expect(
      await resolveFollowUp(stores.articles, 'What did she say?', [focusTurn('Mara Quist')], ids),
    ).toEqual({
      kind: 'question',
      question: 'What did Mara Quist say?',
    });
    expect(
      await resolveFollowUp(
        stores.articles,
        'What did she sign?',
        [focusTurn('Ilsa Brenner')],
        ids,
      ),
    ).toEqual({ kind: 'question', question: 'What did Ilsa Brenner sign?' });
    expect(
      await resolveFollowUp(
        stores.articles,
        'What did they say?',
        [focusTurn('Tobin Ashgrove')],
        ids,
      ),
    ).toEqual({ kind: 'question', question: 'What did Tobin Ashgrove say?' });
  });

  it('reads a disagreeing pronoun as the one person of that gender, or asks', async () => {
    expect(
      await resolveFollowUp(
        stores.articles,
        'What did she say?',
        [focusTurn('Tobin Ashgrove')],
        [terminal.id],
      ),
    ).toEqual({ kind: 'question', question: 'What did Mara Quist say?' });
    // With both articles there are three women: the reply asks which one is meant.
    const unclear = await resolveFollowUp(
      stores.articles,
      'What did she say?',
      [focusTurn('Tobin Ashgrove')],
      articles.map((a) => a.id),
    );
    expect(unclear.kind).toBe('unclear');
    if (unclear.kind !== 'unclear') return;
    expect(unclear.answer).toMatchObject({ found: false, citations: [] });
    expect(unclear.answer.answer).toBe(
      'By "she", do you mean Mara Quist, Petra Lowe or Ysolde Fenn? Ask again with the name.',
    );
  });

  describe('in a briefing thread', () => {
    let handlers: InboundHandlers;
    const channel = { platform: 'discord' as const, workspace: 'g1', channel: 'c1' };
    const member = { id: 'u1', name: 'ana', canManage: false };
    const answerOf = (r: Reply | null) => (r?.kind === 'answer' ? r.answer : null);

    async function threadOn(name: string, ids: number[]) {
      const thread = { ...channel, thread: name };
      const id = await stores.briefings.save({
        topic: 'marrowby-ferry',
        audience: 'discord:c1',
        createdAt: '2026-03-20T09:00:00Z',
        window: 'all',
        articleIds: ids,
      });
      await handlers.briefingPosted(thread, id);
      return (q: string) => handlers.threadMessage(thread, q, member);
    }

    beforeAll(() => {
      handlers = createHandlers(
        handlerDeps(
          {
            stores,
            topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
            timezone: 'UTC',
            now: () => new Date('2026-03-20T09:00:00Z'),
          },
          () => {},
        ),
      );
    });

    it('after a question about him, "she" is answered for her, never for him', async () => {
      const ask = await threadOn('t-one', [terminal.id]);
      const him = answerOf(await ask('What did Tobin Ashgrove say?'));
      expect(him?.found).toBe(true);
      expect(him?.answer).toMatch(/ten years|two thousand/);
      const her = answerOf(await ask('What did she say?'));
      expect(her?.found, her?.answer).toBe(true);
      expect(her?.answer).toMatch(/open for business|forty workers/);
      expect(her?.answer).not.toMatch(/ten years|two thousand/);
      // The thread now follows her: "she" again is still Mara Quist.
      const again = answerOf(await ask('What else did she say?'));
      expect(again?.answer).not.toMatch(/ten years|two thousand/);
    });

    it('asks who is meant, citing nothing, when several people could be "she"', async () => {
      const ask = await threadOn(
        't-two',
        articles.map((a) => a.id),
      );
      expect(answerOf(await ask('What did Tobin Ashgrove say?'))?.found).toBe(true);
      const unclear = answerOf(await ask('What did she say?'));
      expect(unclear).toMatchObject({ found: false, citations: [] });
      expect(unclear?.answer).toMatch(/name/);
    });
  });
});
