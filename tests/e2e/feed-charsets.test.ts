import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';
import { type NewsServer, startNewsServer } from '../helpers/news-server.ts';

/**
 * Feeds fetched over HTTP in the encodings feeds are really served in: the charset declared in
 * the XML, only in the Content-Type header, or by a byte-order mark. Every title and text must
 * come out as written, with no mojibake and no replacement characters. Texts are invented.
 */

const SAMPLES: Record<string, { title: string; sentence: string }> = {
  'koi8-r': {
    title: 'Новый ночной паром в Марроуби',
    sentence:
      'Паромная компания Портлайн сообщила, что ночной рейс в Марроуби начнётся в понедельник.',
  },
  big5: {
    title: '馬羅比港口恢復夜間渡輪',
    sentence: '港口公司表示，前往馬羅比的夜間渡輪將於星期一恢復運行，乘客可以提前購票。',
  },
  shift_jis: {
    title: 'マロービ港に夜の連絡船が戻る',
    sentence:
      '港湾会社によると、マロービ行きの夜の連絡船は月曜日に運航を再開し、乗客は事前に切符を買える。',
  },
  'windows-1252': {
    title: 'Le ferry de nuit revient à Marrowby',
    sentence:
      '« Nous reprenons le service dès lundi », a déclaré Mara Quist, la directrice du port — un succès.',
  },
};

/** An RSS feed whose one entry carries its full text (so no page is fetched). */
function rss(title: string, sentence: string, link: string, declaration: string | null): string {
  const body = Array.from({ length: 12 }, (_, i) => `<p>${i + 1}. ${sentence}</p>`).join('');
  const decl = declaration ? `<?xml version="1.0" encoding="${declaration}"?>\n` : '';
  return `${decl}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${title}</title><link>${link}</link><description>${title}</description>
<item><title>${title}</title><link>${link}</link><guid>${link}</guid>
<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item>
</channel></rss>`;
}

describe('feeds in their own encodings, over HTTP', () => {
  const tmp = tempDir();
  let news: NewsServer;
  const cases: Array<{ name: string; path: string; title: string; sentence: string }> = [];

  beforeAll(async () => {
    news = await startNewsServer();
    for (const [charset, { title, sentence }] of Object.entries(SAMPLES)) {
      // Declared in the XML, served as bare application/xml.
      const declared = `/declared-${charset}.xml`;
      news.route(declared, {
        contentType: 'application/xml',
        body: iconv.encode(rss(title, sentence, news.url(`/a/${charset}-1`), charset), charset),
      });
      cases.push({ name: `${charset}, XML declaration`, path: declared, title, sentence });
      // Declared only in the HTTP header.
      const header = `/header-${charset}.xml`;
      const again = `${sentence} 2026`;
      news.route(header, {
        contentType: `application/rss+xml; charset=${charset}`,
        body: iconv.encode(rss(title, again, news.url(`/a/${charset}-2`), null), charset),
      });
      cases.push({ name: `${charset}, HTTP header only`, path: header, title, sentence: again });
    }
    const { title } = SAMPLES['koi8-r']!;
    const sentence = `${SAMPLES['koi8-r']!.sentence} 1999`;
    news.route('/utf16.xml', {
      contentType: 'application/rss+xml',
      body: iconv.encode(rss(title, sentence, news.url('/a/utf16'), 'utf-16'), 'utf-16le', {
        addBOM: true,
      }),
    });
    cases.push({ name: 'UTF-16LE with a byte-order mark', path: '/utf16.xml', title, sentence });
  });
  afterAll(async () => {
    await news?.close();
    tmp.cleanup();
  });

  it('stores every entry with its title and text as written', async () => {
    const db = join(tmp.dir, 'charsets.db');
    const env = { BRIEFWIRE_FETCH_ALLOW: '127.0.0.1' };
    const urls = cases.map((c) => news.url(c.path));
    const result = await runCli(['ingest', ...urls, '--json', '--db', db], env);
    const report = JSON.parse(result.stdout) as {
      items: Array<{ input: string; status: string; title?: string; articleId?: number }>;
    };
    expect(report.items.filter((i) => i.status !== 'stored')).toEqual([]);
    expect(report.items.map((i) => i.title)).toEqual(cases.map((c) => c.title));
    // The stored text, not only the title: each sentence verbatim, no replacement character.
    const check = new Database(db, { readonly: true });
    const rows = check
      .prepare('SELECT title, "text" AS text FROM articles ORDER BY id')
      .all() as Array<{
      title: string;
      text: string;
    }>;
    check.close();
    expect(rows.map((r) => r.title)).toEqual(cases.map((c) => c.title));
    rows.forEach((row, i) => {
      expect(row.text).toContain(cases[i]!.sentence);
      expect(row.text).not.toContain('\ufffd');
    });
    expect(result.code).toBe(0);
  });
});
