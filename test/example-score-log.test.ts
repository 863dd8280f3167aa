import { ScoreLog } from '@flowport/example-text-sentiment/dist/score-log';
import assert from 'node:assert/strict';

/** The log's contract written the plain way: every entry kept, the last `perOwner` visible. */
class PlainLog {
  private readonly entries = new Map<string, { sequence: number; id: string; score: number }[]>();
  private sequence: number;
  constructor(
    private readonly perOwner: number,
    first: number,
  ) {
    this.sequence = first;
  }
  record(owner: string, docs: readonly { id: string; score: number }[]): void {
    const list = this.entries.get(owner) ?? [];
    for (const d of docs) list.push({ sequence: ++this.sequence, id: d.id, score: d.score });
    this.entries.set(owner, list);
  }
  private kept(owner: string) {
    const list = this.entries.get(owner) ?? [];
    return list.slice(Math.max(0, list.length - this.perOwner));
  }
  page(owner: string, before: number | undefined, top: number) {
    const older = this.kept(owner)
      .reverse()
      .filter((d) => before === undefined || d.sequence < before);
    const items = older.slice(0, top);
    return { items, next: top < older.length ? items[items.length - 1].sequence : undefined };
  }
  since(owner: string, cursor: string | undefined, limit: number) {
    if (cursor === undefined) return { items: [], cursor: String(this.sequence), more: false };
    const after = this.kept(owner).filter((d) => d.sequence > Number(cursor));
    const items = after.slice(0, limit);
    return {
      items,
      cursor: items.length > 0 ? String(items[items.length - 1].sequence) : cursor,
      more: after.length > limit,
    };
  }
}

const withoutTime = <T extends { items: { scoredAt?: string }[] }>(r: T) => ({
  ...r,
  items: r.items.map(({ scoredAt: _s, ...rest }) => rest),
});

describe('example: score log', () => {
  for (const perOwner of [5, 64, 100, 300]) {
    it(`answers pages and polls like a plain list (${perOwner} kept per caller, wrapping and growing)`, () => {
      let seed = perOwner;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const log = new ScoreLog(perOwner, 0);
      const plain = new PlainLog(perOwner, 0);
      const owners = ['key:a', 'key:b'];
      const cursors = new Map<string, string | undefined>();
      for (let step = 0; step < 2000; step++) {
        const owner = owners[random(2)];
        const docs = Array.from({ length: 1 + random(4) }, (_, i) => ({
          id: `${step}-${i}`,
          score: random(100) / 100,
        }));
        log.record(owner, docs);
        plain.record(owner, docs);
        if (step % 7 === 0) {
          // The newest page, or one below a sequence: one kept, one gone, one beyond the newest.
          const choice = random(4);
          const before = choice === 0 ? undefined : choice === 1 ? 1 + random(step * 3 + 2) : step * 5;
          const top = 1 + random(20);
          const page = log.page(owner, before, top);
          assert.deepEqual(withoutTime(page), plain.page(owner, before, top), `page at ${step}`);
          // Following the next link gives what the plain list has below it, however the log wrapped.
          if (page.next !== undefined)
            assert.deepEqual(
              withoutTime(log.page(owner, page.next, top)),
              plain.page(owner, page.next, top),
              `next page at ${step}`,
            );
        }
        if (step % 5 === 0) {
          const limit = 1 + random(30);
          const cursor = cursors.get(owner);
          const got = log.since(owner, cursor, limit);
          assert.deepEqual(withoutTime(got), plain.since(owner, cursor, limit), `poll at ${step}`);
          cursors.set(owner, got.cursor);
        }
      }
    });
  }

  it('numbers a log made after a restart above the one before, so that a cursor from before reads it', async () => {
    const before = new ScoreLog();
    const baseline = before.since('key:a', undefined).cursor;
    before.record('key:a', [
      { id: 'old1', score: 0.5 },
      { id: 'old2', score: 0.5 },
    ]);
    const cursor = before.since('key:a', baseline).cursor;
    await new Promise((r) => setTimeout(r, 2));
    const after = new ScoreLog();
    after.record('key:a', [{ id: 'new1', score: 0.5 }]);
    assert.deepEqual(
      after.since('key:a', cursor).items.map((d) => d.id),
      ['new1'],
    );
    // The history's next link from before pages the new log from its newest.
    assert.deepEqual(
      after.page('key:a', Number(cursor), 10).items.map((d) => d.id),
      [],
    );
  });

  it('stamps each entry with the time it was recorded, as an ISO date', () => {
    const log = new ScoreLog();
    const before = Date.now();
    log.record('key:a', [{ id: '1', score: 0.5 }]);
    const [entry] = log.page('key:a', undefined, 10).items;
    assert.match(entry.scoredAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(Date.parse(entry.scoredAt) >= before && Date.parse(entry.scoredAt) <= Date.now());
    assert.deepEqual(log.since('key:b', '0').items, []);
  });
});
