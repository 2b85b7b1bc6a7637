import { EntityParseError } from '../../../../infrastructure/telegram/local-bot-api/text/formatted-text';
import { parseHtml } from '../../../../infrastructure/telegram/local-bot-api/text/html-markup';

const failure = (markup: string): string => {
  try {
    parseHtml(markup);
  } catch (error) {
    if (error instanceof EntityParseError) return error.message;
    throw error;
  }
  throw new Error(`"${markup}" parsed without an error`);
};

describe('parse_mode HTML, as TDLib reads it', () => {
  it.each([
    ['<abc>', 'Unsupported start tag "abc" at byte offset 0'],
    ['¥1 <price>', 'Unsupported start tag "price" at byte offset 4'],
    ['a <b', 'Unclosed start tag at byte offset 2'],
    ['<b>bold', 'Can\'t find end tag corresponding to start tag "b"'],
    ['</b>', 'Unexpected end tag at byte offset 0'],
    ['<b>x</i>', 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
    ['<i>a</i   ', 'Unclosed end tag at byte offset 4'],
    ['<i =x>a</i>', 'Empty attribute name in the tag "i" at byte offset 0'],
    ['<a href=x,y>a</a>', 'Unexpected end of name token at byte offset 8'],
    ['<a href="x>a</a>', 'Unclosed start tag at byte offset 0'],
    ['<span class="x">a</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['&#xD800;', 'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units'],
  ])('refuses %j: %s', (markup, message) => {
    expect(failure(markup)).toBe(message);
  });

  it('decodes only the four named references (trailing ; optional) and numeric ones', () => {
    expect(parseHtml('&lt;b&gt; &amp; &quot;x&quot; &ge; &#65;&#x42; &lt🏟 &nbsp;')).toEqual({ text: '<b> & "x" &ge; AB <🏟 &nbsp;', entities: [] });
  });

  it('measures entities in UTF-16 units and drops empty ones', () => {
    expect(parseHtml('🏟 <b>🏟 x</b><i></i>')).toEqual({ text: '🏟 🏟 x', entities: [{ type: 'bold', offset: 3, length: 4 }] });
  });

  it('nests entities and orders them as Telegram does', () => {
    expect(parseHtml('<i>a <b>b</b></i> <code>c</code> <s>d</s> <u>e</u> <tg-spoiler>f</tg-spoiler>').entities).toEqual([
      { type: 'italic', offset: 0, length: 3 },
      { type: 'bold', offset: 2, length: 1 },
      { type: 'code', offset: 4, length: 1 },
      { type: 'strikethrough', offset: 6, length: 1 },
      { type: 'underline', offset: 8, length: 1 },
      { type: 'spoiler', offset: 10, length: 1 },
    ]);
  });

  it('reads links: quoted, unquoted, from the text, and drops invalid ones', () => {
    expect(parseHtml('<a href="https://pay.example/o?id=1&amp;x=2">pay</a> <a href=shop.example>s</a> <a>t.me</a> <a href="nope">n</a>').entities).toEqual([
      { type: 'text_link', offset: 0, length: 3, url: 'https://pay.example/o?id=1&x=2' },
      { type: 'text_link', offset: 4, length: 1, url: 'http://shop.example/' },
      { type: 'text_link', offset: 6, length: 4, url: 'http://t.me/' },
    ]);
  });

  it('joins <pre><code class="language-x"> into one pre entity with a language, and ends a tag with </>', () => {
    expect(parseHtml('<pre><code class="language-ts">let a</code></pre>').entities).toEqual([{ type: 'pre', offset: 0, length: 5, language: 'ts' }]);
    expect(parseHtml('<pre><code>x</code></pre>').entities).toEqual([
      { type: 'pre', offset: 0, length: 1 },
      { type: 'code', offset: 0, length: 1 },
    ]);
    expect(parseHtml('<b>x</>').entities).toEqual([{ type: 'bold', offset: 0, length: 1 }]);
  });

  it('reads blockquotes, expandable ones and custom emoji', () => {
    expect(parseHtml('<blockquote expandable>q</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>').entities).toEqual([
      { type: 'expandable_blockquote', offset: 0, length: 1 },
      { type: 'custom_emoji', offset: 1, length: 2, custom_emoji_id: '5368324170671202286' },
    ]);
  });
});
