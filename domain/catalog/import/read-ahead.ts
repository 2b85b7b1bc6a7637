/**
 * Yields what `source` yields, asking it for the next item as soon as one is handed out: while the consumer writes
 * batch N (waiting on the database), the file's parsing and checking make batch N+1. At most one item is held ahead.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  try {
    for (;;) {
      const current = await pending;
      if (current.done) return;
      pending = iterator.next();
      // A consumer that stops early never awaits this one; its failure then is not a crash.
      pending.catch(() => undefined);
      yield current.value;
    }
  } finally {
    await iterator.return?.();
  }
}
