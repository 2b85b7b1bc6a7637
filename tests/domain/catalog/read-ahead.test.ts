import { readAhead } from '../../../domain/catalog/import/read-ahead';

describe('readAhead', () => {
  it('yields every item in order, asking for the next one while the consumer works, never more than one ahead', async () => {
    const asked: number[] = [];
    async function* source() {
      for (let i = 1; i <= 4; i += 1) {
        asked.push(i);
        yield i;
      }
    }
    const seen: Array<[number, number[]]> = [];
    for await (const item of readAhead(source())) seen.push([item, [...asked]]);
    expect(seen).toEqual([
      [1, [1, 2]],
      [2, [1, 2, 3]],
      [3, [1, 2, 3, 4]],
      [4, [1, 2, 3, 4]],
    ]);
  });

  it('closes the source when the consumer stops early, and a failure it never awaited does not escape', async () => {
    let closed = false;
    async function* source() {
      try {
        yield 1;
        throw new Error('read past the stop');
      } finally {
        closed = true;
      }
    }
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      for await (const item of readAhead(source())) if (item === 1) break;
      await new Promise((resolve) => setImmediate(resolve));
      expect(closed).toBe(true);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('passes on a failure of the source', async () => {
    async function* source(): AsyncGenerator<number> {
      yield 1;
      throw new Error('bad file');
    }
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(source())) seen.push(item);
      })(),
    ).rejects.toThrow('bad file');
    expect(seen).toEqual([1]);
  });
});
