/** Where a Bot API call waits: its chat's lane (order kept, paced or not), or nowhere (sent at once). */
export interface CallRoute {
  /** `chat:<id>` or `inline:<id>`: calls of one lane go one at a time, in the order they were made. */
  lane: string;
  /** Counts against the per-chat and global send budgets. */
  paced: boolean;
}

// Everything that puts or changes a message in a chat counts against Telegram's flood limits.
const PACED = /^(send(?!ChatAction$)[A-Z]\w*|edit[A-Z]\w*|copyMessages?|forwardMessages?|stopPoll)$/;
// Not counted by Telegram's message limits, but it must not overtake a queued send to the same message.
const ORDERED = /^deleteMessages?$/;

const idOf = (value: unknown): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
};

/** Answers to callback queries, getters, getUpdates, webhooks and chat actions bypass the queue (null). */
export function routeCall(method: string, payload: unknown): CallRoute | null {
  const paced = PACED.test(method);
  if (!paced && !ORDERED.test(method)) return null;
  const fields = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const chat = idOf(fields.chat_id);
  if (chat !== null) return { lane: `chat:${chat}`, paced };
  const inline = idOf(fields.inline_message_id);
  if (inline !== null) return { lane: `inline:${inline}`, paced };
  // No target (a malformed call): Telegram refuses it at once; it still goes through one lane so it is paced.
  return { lane: 'chat:?', paced };
}
