import type { StoredMessage } from './chat-state';

export interface ObservedSendRates {
  /** Most bot messages delivered into one chat within any sliding 1 s window. */
  maxPerChat: number;
  /** The chat where that maximum happened. */
  busiestChatId?: number;
  /** Most bot messages delivered across all chats within any sliding 1 s window. */
  maxGlobal: number;
  totalMessages: number;
}

/** The largest number of timestamps inside any window [t, t + windowMs). */
export function maxInSlidingWindow(timestamps: readonly number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    // start <= end < sorted.length: both are in bounds.
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** What the bot actually did, measured on delivered messages (deleted ones included: they were sent). */
export function observeSendRates(botMessages: readonly StoredMessage[], windowMs = 1000): ObservedSendRates {
  const byChat = new Map<number, number[]>();
  for (const m of botMessages) byChat.set(m.chatId, [...(byChat.get(m.chatId) ?? []), m.sentAt]);
  const rates: ObservedSendRates = {
    maxPerChat: 0,
    maxGlobal: maxInSlidingWindow(
      botMessages.map((m) => m.sentAt),
      windowMs,
    ),
    totalMessages: botMessages.length,
  };
  for (const [chatId, times] of byChat) {
    const count = maxInSlidingWindow(times, windowMs);
    if (count > rates.maxPerChat) {
      rates.maxPerChat = count;
      rates.busiestChatId = chatId;
    }
  }
  return rates;
}
