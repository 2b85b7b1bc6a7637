import type { LocalUser } from '../local-bot-api';

/** The languages the shop speaks; a person's language is the Telegram language_code the bot sees in their updates. */
export const CHAT_LANGUAGES = ['en', 'zh', 'ru'] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

export type ChatRole = 'shopper' | 'admin' | 'seller' | 'guest';

export interface ChatPerson {
  id: number;
  name: string;
  language: ChatLanguage;
  role: ChatRole;
}

/**
 * Made-up Telegram user ids, the same on every start: the shop's records (orders, balance, language) of these people
 * survive a restart even though the chats themselves are kept in memory only.
 */
const BUILT_IN: readonly ChatPerson[] = [
  { id: 7_100_000_001, name: 'Shopper', language: 'en', role: 'shopper' },
  { id: 7_100_000_002, name: 'Admin', language: 'en', role: 'admin' },
  { id: 7_100_000_003, name: 'Seller', language: 'zh', role: 'seller' },
];
const FIRST_ADDED_ID = 7_100_000_101;
const MAX_PEOPLE = 50;

export const isChatLanguage = (value: unknown): value is ChatLanguage => (CHAT_LANGUAGES as readonly unknown[]).includes(value);

/** The people of the local chat page: Shopper, Admin, Seller, and whoever is added while the shop runs. */
export class ChatPeople {
  private readonly people = new Map<number, ChatPerson>(BUILT_IN.map((p) => [p.id, { ...p }]));
  private nextId = FIRST_ADDED_ID;

  /** The ids the embedded shop treats as admins while the local Bot API is in use. */
  static adminIds(): string[] {
    return BUILT_IN.filter((p) => p.role === 'admin').map((p) => String(p.id));
  }

  static builtIn(): readonly ChatPerson[] {
    return BUILT_IN;
  }

  all(): ChatPerson[] {
    return [...this.people.values()].map((p) => ({ ...p }));
  }

  get(id: number): ChatPerson | undefined {
    const person = this.people.get(id);
    return person ? { ...person } : undefined;
  }

  add(name: string, language: ChatLanguage): ChatPerson {
    if (this.people.size >= MAX_PEOPLE) throw new Error(`the chat page keeps at most ${MAX_PEOPLE} people`);
    const person: ChatPerson = { id: this.nextId++, name, language, role: 'guest' };
    this.people.set(person.id, person);
    return { ...person };
  }

  setLanguage(id: number, language: ChatLanguage): ChatPerson | undefined {
    const person = this.people.get(id);
    if (!person) return undefined;
    person.language = language;
    return { ...person };
  }
}

/** The person as Telegram shows them to the bot (the `from` of their updates). */
export const asTelegramUser = (person: ChatPerson): LocalUser => ({ id: person.id, first_name: person.name, language_code: person.language });
