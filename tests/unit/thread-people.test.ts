import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../src/answer/follow-up.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { Answer } from '../../src/model/answer.ts';
import type { InboundHandlers } from '../../src/model/chat-port.ts';
import type { Reply } from '../../src/model/reply.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import type { ThreadName, ThreadTurn } from '../../src/store/ports/thread-links.ts';
import { tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';

/**
 * "He", "she" and "they" in a follow-up mean the last person (or organisation) of that kind the
 * thread talked about, in its questions or its answers; when two could be meant, the reply asks
 * which (#16). Invented articles, real store, ingest and handlers.
 */

const BOARD = `Belmora harbour board votes to dredge the channel

The Belmora harbour board voted on Monday to dredge the main shipping channel. Mr Aldric Venn, who runs the harbour board, said the work would start in spring. "Ships have waited for deep water far too long," Venn said. He added that the dredging would cost four million crowns.

Oswin Garrow, a fisherman, spoke against the plan at the meeting. He said the silt would reach the oyster beds. "The silt will smother everything we farm," Garrow said.

Tamsin Hale, the mayor of Belmora, said she would ask for a survey of the seabed. "We owe the bay a proper study," she said.

Aldric Venn and Oswin Garrow met the contractor on Friday to walk the quay.

Brackwater Dredging Ltd, the contractor, will bring two barges from the north. The company said its crews had cleared the Hollin estuary last year.

Wren Calloway filed the dredging papers with the ministry.
`;

const LETTER = `Former port director backs the Belmora dredging

Dame Orla Wick, the former director of the port of Belmora, sent a letter of support to the town council on Wednesday. She wrote that the channel had silted up during her years in charge. "Every captain I knew asked for deeper water," she said.

Petrel Shipping welcomed the letter and said it would return to Belmora once the channel is cleared.
`;

const person = (name: string): ThreadName => ({ name, type: 'person' });
const turn = (t: Partial<ThreadTurn>): ThreadTurn => ({
  subject: null,
  named: [],
  answered: [],
  ...t,
});

describe('follow-up pronouns over the thread’s turns', () => {
  const tmp = tempDir();
  const path = join(tmp.dir, 'thread-people.db');
  let stores: Stores;
  let ids: number[];
  const resolve = (asked: string, turns: ThreadTurn[]) =>
    resolveFollowUp(stores.articles, asked, turns, ids);

  beforeAll(async () => {
    writeFileSync(join(tmp.dir, 'board.txt'), BOARD);
    writeFileSync(join(tmp.dir, 'letter.txt'), LETTER);
    stores = await createStore(path);
    await ingestPaths(stores, [tmp.dir]);
    ids = (await stores.articles.findArticles({})).map((a) => a.id);
  });
  afterAll(async () => {
    await stores.close();
    tmp.cleanup();
  });

  describe('who a pronoun picks out of the turns', () => {
    it('ranks the question’s subject over its other names, and those over the answer’s', async () => {
      const subjectFirst = turn({
        subject: person('Oswin Garrow'),
        answered: [person('Aldric Venn')],
      });
      expect(await resolve('What did he say?', [subjectFirst])).toEqual({
        kind: 'question',
        question: 'What did Oswin Garrow say?',
      });
      const namedFirst = turn({
        named: [person('Aldric Venn')],
        answered: [person('Oswin Garrow')],
      });
      expect(await resolve('What is his plan?', [namedFirst])).toEqual({
        kind: 'question',
        question: 'What is Aldric Venn’s plan?',
      });
    });

    it('reads "her" before a noun as possessive, and before a particle or at the end as her', async () => {
      const turns = [turn({ subject: person('Tamsin Hale') })];
      expect(await resolve('What is her plan for the bay?', turns)).toMatchObject({
        question: 'What is Tamsin Hale’s plan for the bay?',
      });
      expect(await resolve('Who wrote to her about it?', turns)).toMatchObject({
        question: 'Who wrote to Tamsin Hale about it?',
      });
      expect(await resolve('Who thanked her?', turns)).toMatchObject({
        question: 'Who thanked Tamsin Hale?',
      });
      expect(await resolve('Who sent her a letter?', turns)).toMatchObject({
        question: 'Who sent Tamsin Hale a letter?',
      });
    });

    it('asks which one, citing nothing, when two men share the top rank', async () => {
      const both = turn({ answered: [person('Aldric Venn'), person('Oswin Garrow')] });
      const r = await resolve('What did he say?', [turn({ subject: person('Tamsin Hale') }), both]);
      expect(r.kind).toBe('unclear');
      if (r.kind !== 'unclear') return;
      expect(r.answer).toMatchObject({ found: false, citations: [] });
      expect(r.answer.answer).toBe(
        'By "he", do you mean Aldric Venn or Oswin Garrow? Ask again with the name.',
      );
    });

    it('walks back to the last turn with a person of the gender asked for', async () => {
      const turns = [
        turn({ subject: person('Orla Wick') }),
        turn({ subject: person('Tamsin Hale') }),
        turn({ subject: person('Aldric Venn'), answered: [person('Oswin Garrow')] }),
      ];
      expect(await resolve('Did he meet her?', turns)).toEqual({
        kind: 'question',
        question: 'Did Aldric Venn meet Tamsin Hale?',
      });
    });

    it('takes a person of unknown gender only when the turn has nobody who agrees', async () => {
      const mixed = turn({ answered: [person('Wren Calloway'), person('Aldric Venn')] });
      expect(await resolve('What did he file?', [mixed])).toEqual({
        kind: 'question',
        question: 'What did Aldric Venn file?',
      });
      const unknown = turn({ answered: [person('Wren Calloway')] });
      expect(
        await resolve('What did she file?', [turn({ subject: person('Orla Wick') }), unknown]),
      ).toEqual({ kind: 'question', question: 'What did Wren Calloway file?' });
    });

    it('reads "they" as the organisation the turn named, not the man it was about', async () => {
      const turns = [
        turn({
          subject: person('Aldric Venn'),
          answered: [{ name: 'Brackwater Dredging Ltd', type: 'organization' }],
        }),
      ];
      expect(await resolve('What will they bring?', turns)).toEqual({
        kind: 'question',
        question: 'What will Brackwater Dredging Ltd bring?',
      });
    });

    it('leaves the question alone when the thread has talked about nobody', async () => {
      expect(await resolve('What did he say?', [])).toEqual({
        kind: 'question',
        question: 'What did he say?',
      });
      expect(await resolve('What did she say?', [turn({})])).toEqual({
        kind: 'question',
        question: 'What did she say?',
      });
    });
  });

  describe('in a briefing thread', () => {
    let handlers: InboundHandlers;
    let briefingId: number;
    const member = { id: 'u1', name: 'ana', canManage: false };
    const answerOf = (r: Reply | null): Answer | null => (r?.kind === 'answer' ? r.answer : null);
    const handlersOn = (s: Stores) =>
      createHandlers(
        handlerDeps(
          {
            stores: s,
            topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
            timezone: 'UTC',
            now: () => new Date('2026-03-20T09:00:00Z'),
          },
          () => {},
        ),
      );
    const threadRef = (name: string) => ({
      platform: 'discord' as const,
      workspace: 'g1',
      channel: 'c1',
      thread: name,
    });
    async function threadOn(name: string) {
      await handlers.briefingPosted(threadRef(name), briefingId);
      return async (q: string) =>
        answerOf(await handlers.threadMessage(threadRef(name), q, member));
    }

    beforeAll(async () => {
      handlers = handlersOn(stores);
      briefingId = await stores.briefings.save({
        topic: 'belmora-dredging',
        audience: 'discord:c1',
        createdAt: '2026-03-20T09:00:00Z',
        window: 'all',
        articleIds: ids,
      });
    });

    it('answers "he" after a "who" question with the man the answer named', async () => {
      const ask = await threadOn('t-board');
      const who = await ask('Who runs the harbour board?');
      expect(who?.answer).toMatch(/Aldric Venn, who runs the harbour board/);
      const said = await ask('What did he say?');
      expect(said?.question).toBe('What did Aldric Venn say?');
      expect(said?.found).toBe(true);
      expect(said?.answer).toMatch(/deep water far too long/);
    });

    it('asks which man is meant when the last answer named two', async () => {
      const ask = await threadOn('t-two-men');
      expect((await ask('Who met the contractor?'))?.answer).toMatch(
        /Aldric Venn and Oswin Garrow met the contractor/,
      );
      const which = await ask('What did he say?');
      expect(which).toMatchObject({ found: false, citations: [] });
      expect(which?.answer).toBe(
        'By "he", do you mean Aldric Venn or Oswin Garrow? Ask again with the name.',
      );
      // Asking back answered nothing: the thread's history still ends with the two men.
      const turns = await stores.threads.turns('discord:g1:t-two-men');
      expect(turns).toHaveLength(1);
      expect(turns[0]?.answered.map((n) => n.name)).toEqual(['Aldric Venn', 'Oswin Garrow']);
    });

    it('reads "she" after a man as the last woman the thread talked about', async () => {
      // The briefing names two women, so only the thread can say which one is meant.
      const ask = await threadOn('t-she');
      expect((await ask('What did Tamsin Hale say?'))?.found).toBe(true);
      expect((await ask('Who runs the harbour board?'))?.answer).toMatch(/Aldric Venn/);
      const she = await ask('What did she say?');
      expect(she?.question).toBe('What did Tamsin Hale say?');
      expect(she?.answer).toMatch(/proper study|survey of the seabed/);
    });

    it('leaves pronouns alone in a thread that has asked nothing yet', async () => {
      const ask = await threadOn('t-fresh');
      expect((await ask('What did he say?'))?.question).toBe('What did he say?');
    });

    it('remembers the thread’s turns after the store is closed and opened again', async () => {
      const ask = await threadOn('t-durable');
      expect((await ask('Who runs the harbour board?'))?.answer).toMatch(/Aldric Venn/);
      await stores.close();
      stores = await createStore(path);
      handlers = handlersOn(stores);
      const said = answerOf(
        await handlers.threadMessage(threadRef('t-durable'), 'What did he say?', member),
      );
      expect(said?.question).toBe('What did Aldric Venn say?');
      expect(said?.answer).toMatch(/deep water far too long/);
    });
  });
});
