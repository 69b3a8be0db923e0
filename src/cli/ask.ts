import { createAnswerer } from '../answer/index.ts';
import { selectArticles } from '../briefing/select.ts';
import { resolveTopic } from '../briefing/topics.ts';
import { parseWindow } from '../briefing/window.ts';
import { BriefwireError } from '../model/errors.ts';
import { answerToJson, renderAnswer } from '../render/answer.ts';
import { jsonText } from '../render/json.ts';
import { forTerminal } from '../render/terminal.ts';
import { withApp } from './context.ts';
import { type CliIO, EXIT, type Subcommand } from './io.ts';
import { flag, parseOptions, stringOption } from './options.ts';

export const ask: Subcommand = {
  name: 'ask',
  usage: 'briefwire ask <topic> "<question>" [--json] | briefwire ask --all "<question>" [--json]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('ask', argv, {
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const all = flag(parsed, 'all');
    const [first, second, ...extra] = parsed.positionals;
    const question = all ? first : second;
    if (!question?.trim() || extra.length || (all ? second !== undefined : !first)) {
      throw new BriefwireError('USAGE', `usage: ${this.usage}`, argv.join(' '));
    }
    return withApp(io, stringOption(parsed, 'db'), async (app) => {
      let scope: number[] = [];
      if (!all) {
        // The topic's articles first, as its briefing would select them; the whole store after.
        const topic = resolveTopic(first!, app.topics);
        const { articles } = await selectArticles(
          app.stores.articles,
          topic,
          parseWindow(topic.window, app.clock.now()).since,
        );
        scope = articles.map((a) => a.id);
      }
      const answerer = createAnswerer(app.config.llm);
      const answer = await answerer(app.stores.articles, question, scope);
      // JSON is data, with every control escaped (jsonText); the text reaches a terminal.
      io.stdout.write(
        flag(parsed, 'json')
          ? jsonText(answerToJson(answer))
          : forTerminal(renderAnswer(answer, !all)),
      );
      return EXIT.ok;
    });
  },
};
