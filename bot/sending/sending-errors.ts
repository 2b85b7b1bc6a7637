/** The call waited longer than its deadline (flood waits, a stalled chat) and was given up before it was sent. */
export class OutgoingCallExpiredError extends Error {
  readonly code = 'SEND_DEADLINE_EXCEEDED';

  constructor(
    readonly method: string,
    readonly lane: string,
    readonly waitedMs: number,
    override readonly cause?: unknown,
  ) {
    super(
      `${method} to ${lane} was not sent within ${Math.round(waitedMs / 1000)} s of being queued${cause instanceof Error ? ` (last answer: ${cause.message})` : ''}; it was given up and never delivered`,
    );
    this.name = 'OutgoingCallExpiredError';
  }
}

/**
 * The request left, but no answer came back (timeout, aborted, unreadable answer). Telegram may or may not have
 * delivered it, so it is not retried: a retry could send the message twice.
 */
export class OutcomeUnknownError extends Error {
  readonly code = 'SEND_OUTCOME_UNKNOWN';

  constructor(
    readonly method: string,
    readonly lane: string,
    override readonly cause: unknown,
  ) {
    super(
      `${method} to ${lane}: no answer after the request was sent (${cause instanceof Error ? cause.message : String(cause)}); it may or may not have been delivered, so it is not retried`,
    );
    this.name = 'OutcomeUnknownError';
  }
}

/** The caller withdrew a call (its AbortSignal fired) while it was still waiting: it was never sent. */
export class OutgoingCallWithdrawnError extends Error {
  readonly code = 'SEND_WITHDRAWN';

  constructor(
    readonly method: string,
    readonly lane: string,
    override readonly cause?: unknown,
  ) {
    super(`${method} to ${lane} was withdrawn by its caller before it was sent`);
    this.name = 'OutgoingCallWithdrawnError';
  }
}

/** The queue was closed (shutdown) while the call still waited: it was never sent. */
export class OutgoingQueueClosedError extends Error {
  readonly code = 'SEND_QUEUE_CLOSED';

  constructor(
    readonly method: string,
    readonly lane: string,
  ) {
    super(`${method} to ${lane} was not sent: the outgoing queue is closed`);
    this.name = 'OutgoingQueueClosedError';
  }
}

/** True when the error proves the call never reached Telegram, so trying it again later cannot send it twice. */
export const provablyNotSent = (error: unknown): boolean =>
  error instanceof OutgoingCallExpiredError || error instanceof OutgoingCallWithdrawnError || error instanceof OutgoingQueueClosedError;
