import type { StoredMessage } from './chat-state';
import type { CallbackAnswer } from './world';

/**
 * What a person's Telegram client learns about as it happens, per bot: the feed a chat page follows to show new,
 * edited and deleted messages, toasts, "typing…" and keyboard changes without asking again.
 */
export type ChatEvent =
  | { kind: 'message'; chatId: number; stored: StoredMessage }
  | { kind: 'edited'; chatId: number; stored: StoredMessage }
  | { kind: 'deleted'; chatId: number; messageId: number }
  | { kind: 'callbackAnswered'; chatId: number; queryId: string; answer: CallbackAnswer }
  | { kind: 'chatAction'; chatId: number; action: string }
  | { kind: 'replyKeyboard'; chatId: number; keyboard: Record<string, unknown> | undefined }
  | { kind: 'commands' }
  /** A Stars payment moved: refused at pre-checkout, paid, or refunded (the page redraws the invoice). */
  | { kind: 'stars'; chatId: number; event: 'refused' | 'timeout' | 'paid' | 'refunded'; payload: string; detail?: string };

export type ChatEventListener = (event: ChatEvent) => void;

export class ChatEvents {
  private readonly listeners = new Set<ChatEventListener>();

  /** Returns the unsubscribe function. */
  subscribe(listener: ChatEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: ChatEvent): void {
    for (const listener of [...this.listeners]) {
      // A listener that throws (a closed page's stream) must not break the Bot API call that caused the event.
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}
