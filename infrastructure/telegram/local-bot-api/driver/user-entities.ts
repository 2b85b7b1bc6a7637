import type { TgMessageEntity } from '../bot-api-types';
import { sortEntities } from '../text/formatted-text';

// The entities a Telegram client attaches to what a person types: commands, mentions and links.

const PATTERNS: Array<{ type: string; pattern: RegExp }> = [
  { type: 'bot_command', pattern: /(?<=^|\s)\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?=$|\s)/g },
  { type: 'mention', pattern: /(?<=^|\s)@[A-Za-z0-9_]{5,32}(?=$|[\s.,!?])/g },
  { type: 'url', pattern: /(?<=^|\s)https?:\/\/[^\s]+/g },
];

export function typedTextEntities(text: string): TgMessageEntity[] {
  const entities: TgMessageEntity[] = [];
  for (const { type, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) entities.push({ type, offset: match.index ?? 0, length: match[0].length });
  }
  return sortEntities(entities);
}
