import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { LineCounter, isSeq, parseDocument } from 'yaml';
import { ImportSource, RawImportRow, UnreadableAt } from '../../domain/catalog';
import { fileDigest } from './file-digest';

const ITEM_START = /^-(\s|$)/;
const SKIPPABLE = /^(\s*(#.*)?|---\s*|%.*)$/;

/**
 * A YAML import file: a list of products, each a map of the CSV's columns (`codes` may be a list). Read item by item:
 * a top-level list is cut at each `- ` in the first column and every item is parsed on its own, so a million-product
 * file stays in bounded memory. A file that is not a block list at the top (a flow list `[...]`) is parsed whole.
 * Every scalar is read as text (the failsafe schema): `9.90` stays "9.90", never the float 9.9.
 */
export class YamlImportSource implements ImportSource {
  readonly format = 'yaml';

  constructor(
    private readonly path: string,
    readonly name: string,
  ) {}

  digest(): Promise<string> {
    return fileDigest(this.path);
  }

  async *rows(): AsyncGenerator<RawImportRow | UnreadableAt> {
    const lines = createInterface({ input: createReadStream(this.path, 'utf8'), crlfDelay: Infinity });
    let item: string[] = [];
    let start = 0;
    let number = 0;
    try {
      for await (const text of lines) {
        number += 1;
        if (ITEM_START.test(text)) {
          if (item.length > 0) yield* parseItems(item.join('\n'), start);
          item = [text];
          start = number;
        } else if (item.length > 0 && (text === '' || /^\s|^#/.test(text))) {
          item.push(text);
        } else if (item.length === 0 && SKIPPABLE.test(text)) {
          continue;
        } else if (item.length === 0) {
          yield* parseItems(await readFile(this.path, 'utf8'), 1);
          return;
        } else if (/^(\.\.\.|---)\s*$/.test(text)) {
          break;
        } else {
          yield { line: number, unreadable: 'a top-level line that is not a list item ("- sku: …")' };
          return;
        }
      }
      if (item.length > 0) yield* parseItems(item.join('\n'), start);
    } finally {
      lines.close();
    }
  }
}

/** Parses YAML text that holds a list of maps; `firstLine` is its first line's number in the file. */
function* parseItems(text: string, firstLine: number): Generator<RawImportRow | UnreadableAt> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, lineCounter });
  const error = document.errors[0];
  if (error) {
    yield { line: firstLine + (error.linePos?.[0].line ?? 1) - 1, unreadable: error.message.split('\n')[0] ?? 'not valid YAML' };
    return;
  }
  const value: unknown = document.toJS();
  if (!isSeq(document.contents) || !Array.isArray(value)) {
    yield { line: firstLine, unreadable: 'the file must be a list of products ("- sku: …")' };
    return;
  }
  const nodes = document.contents.items;
  for (const [i, entry] of value.entries()) {
    const offset = (nodes[i] as { range?: [number, number, number] } | undefined)?.range?.[0];
    const line = offset === undefined ? firstLine : firstLine + lineCounter.linePos(offset).line - 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      yield { line, fields: {}, malformed: 'must be a map of fields (sku: …, title: …)' };
    else yield { line, fields: entry as Record<string, unknown> };
  }
}
