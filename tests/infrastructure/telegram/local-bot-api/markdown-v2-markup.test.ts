import { EntityParseError } from '../../../../infrastructure/telegram/local-bot-api/text/formatted-text';
import { parseMarkdownLegacy } from '../../../../infrastructure/telegram/local-bot-api/text/markdown-legacy-markup';
import { parseMarkdownV2 } from '../../../../infrastructure/telegram/local-bot-api/text/markdown-v2-markup';

const failure = (parse: (s: string) => unknown, markup: string): string => {
  try {
    parse(markup);
  } catch (error) {
    if (error instanceof EntityParseError) return error.message;
    throw error;
  }
  throw new Error(`"${markup}" parsed without an error`);
};

describe('parse_mode MarkdownV2, as TDLib reads it', () => {
  it.each([
    ['Total: 12.00', "Character '.' is reserved and must be escaped with the preceding '\\'"],
    ['Done!', "Character '!' is reserved and must be escaped with the preceding '\\'"],
    ['a-b', "Character '-' is reserved and must be escaped with the preceding '\\'"],
    ['x | y', "Character '|' is reserved and must be escaped with the preceding '\\'"],
    ['🏟 🏟_abc', "Can't find end of Italic entity at byte offset 9"],
    ['*bold', "Can't find end of Bold entity at byte offset 0"],
    ['__u', "Can't find end of Underline entity at byte offset 0"],
    ['`code', "Can't find end of Code entity at byte offset 0"],
    ['```ts x', "Can't find end of PreCode entity at byte offset 0"],
    ['[site](https://x\\.y', "Can't find end of a URL at byte offset 7"],
    ['>*quoted\nplain*', "Can't find end of Bold entity at byte offset 1"],
  ])('refuses %j: %s', (markup, message) => {
    expect(failure(parseMarkdownV2, markup)).toBe(message);
  });

  it('unescapes, and keeps a backslash before anything that is not ASCII', () => {
    expect(parseMarkdownV2('Total: 12\\.00\\! \\\\ \\➡️')).toEqual({ text: 'Total: 12.00! \\ \\➡️', entities: [] });
  });

  it('reads nested styles, code, pre with a language, links and spoilers', () => {
    expect(parseMarkdownV2('*bold _both_*')).toEqual({
      text: 'bold both',
      entities: [
        { type: 'bold', offset: 0, length: 9 },
        { type: 'italic', offset: 5, length: 4 },
      ],
    });
    expect(parseMarkdownV2('`a.b` ```python\nprint(1)```')).toEqual({
      text: 'a.b print(1)',
      entities: [
        { type: 'code', offset: 0, length: 3 },
        { type: 'pre', offset: 4, length: 8, language: 'python' },
      ],
    });
    expect(parseMarkdownV2('[pay](https://pay.example/o?id=1) ||secret|| __u__ ~s~').entities).toEqual([
      { type: 'text_link', offset: 0, length: 3, url: 'https://pay.example/o?id=1' },
      { type: 'spoiler', offset: 4, length: 6 },
      { type: 'underline', offset: 11, length: 1 },
      { type: 'strikethrough', offset: 13, length: 1 },
    ]);
  });

  it('quotes lines that start with >, expandable when a quoted line ends in ||', () => {
    expect(parseMarkdownV2('intro\n>line one\n>line two\nafter')).toEqual({
      text: 'intro\nline one\nline two\nafter',
      entities: [{ type: 'blockquote', offset: 6, length: 18 }],
    });
    expect(parseMarkdownV2('>a\n>b||').entities).toEqual([{ type: 'expandable_blockquote', offset: 0, length: 3 }]);
  });
});

describe('parse_mode Markdown (legacy)', () => {
  it('reads the four old styles and links without nesting', () => {
    expect(parseMarkdownLegacy('*b* _i_ `c` [l](https://x.example) 1.5!')).toEqual({
      text: 'b i c l 1.5!',
      entities: [
        { type: 'bold', offset: 0, length: 1 },
        { type: 'italic', offset: 2, length: 1 },
        { type: 'code', offset: 4, length: 1 },
        { type: 'text_link', offset: 6, length: 1, url: 'https://x.example/' },
      ],
    });
  });

  it('reports an unclosed entity by its byte offset', () => {
    expect(failure(parseMarkdownLegacy, 'price_list')).toBe("Can't find end of the entity starting at byte offset 5");
  });
});
