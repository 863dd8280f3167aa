/**
 * Work that must not overlap for the same key, run in the order it came: the next piece starts
 * when the last one has settled, whether it succeeded or not. Keys without work waiting are
 * forgotten.
 */
export class Turns {
  private readonly last = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.last.get(key) ?? Promise.resolve();
    const mine = before.then(work);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.last.set(key, settled);
    try {
      return await mine;
    } finally {
      if (this.last.get(key) === settled) this.last.delete(key);
    }
  }
}
