import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT_POLICY } from '../../src/chat/slack/rate-limit.ts';
import { createSender } from '../../src/chat/slack/sender.ts';
import { modelFromFile, type WeightsFile } from '../../src/nlp/tagger/model.ts';

/** Failures a user can see carry a code and the input they are about, not a bare Error. */
describe('errors raised below the CLI', () => {
  it('tagger weights for other labels are DATA_INVALID naming the file', () => {
    const weights: WeightsFile = {
      version: 1,
      labels: ['O', 'B-THING'],
      scale: 1,
      transitions: [],
      lowercase: [],
      features: {},
    };
    expect(() => modelFromFile(weights, '/models/tagger.json')).toThrow(
      expect.objectContaining({
        code: 'DATA_INVALID',
        input: '/models/tagger.json',
        message: expect.stringMatching(/^\/models\/tagger\.json: .*other labels/),
      }),
    );
  });

  it('a Slack post answered without a ts is DELIVERY_FAILED naming the channel', async () => {
    const client = { chat: { postMessage: async () => ({ ok: true }) } };
    const sender = createSender(client as unknown as App['client'], DEFAULT_RATE_LIMIT_POLICY);
    await expect(sender.post('C0NEWS', [{ text: 'hello', blocks: [] }])).rejects.toMatchObject({
      code: 'DELIVERY_FAILED',
      input: 'C0NEWS',
      message: 'chat.postMessage to C0NEWS returned no ts',
    });
  });
});
