import type { ScoredDocument } from './trigger.dto';

/**
 * One caller's most recent scores, oldest first, in a ring of columns: numbers in typed arrays
 * and ids in one array, so that a busy log holds no object per entry for the garbage collector
 * to copy and promote. It grows by doubling up to `capacity`, then overwrites the oldest entry.
 */
class Ring {
  private sequences: Float64Array;
  private scores: Float64Array;
  private times: Float64Array;
  private ids: string[];
  private start = 0;
  length = 0;

  constructor(private readonly capacity: number) {
    const size = Math.min(64, capacity);
    this.sequences = new Float64Array(size);
    this.scores = new Float64Array(size);
    this.times = new Float64Array(size);
    this.ids = new Array<string>(size);
  }

  push(sequence: number, id: string, score: number, time: number): void {
    if (this.length === this.sequences.length && this.length < this.capacity) this.grow();
    const size = this.sequences.length;
    let at: number;
    if (this.length < size) {
      at = (this.start + this.length) % size;
      this.length++;
    } else {
      at = this.start;
      this.start = (this.start + 1) % size;
    }
    this.sequences[at] = sequence;
    this.ids[at] = id;
    this.scores[at] = score;
    this.times[at] = time;
  }

  /** The i-th oldest entry. */
  entry(i: number): ScoredDocument {
    const at = (this.start + i) % this.sequences.length;
    return {
      sequence: this.sequences[at],
      id: this.ids[at],
      score: this.scores[at],
      scoredAt: new Date(this.times[at]).toISOString(),
    };
  }

  /** Index of the oldest entry whose sequence is above `after` (sequences only increase). */
  firstAfter(after: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sequences[(this.start + mid) % this.sequences.length] > after) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private grow(): void {
    const size = Math.min(this.capacity, this.sequences.length * 2);
    const order = (column: Float64Array) => {
      const next = new Float64Array(size);
      for (let i = 0; i < this.length; i++) next[i] = column[(this.start + i) % column.length];
      return next;
    };
    const ids = new Array<string>(size);
    for (let i = 0; i < this.length; i++) ids[i] = this.ids[(this.start + i) % this.ids.length];
    this.sequences = order(this.sequences);
    this.scores = order(this.scores);
    this.times = order(this.times);
    this.ids = ids;
    this.start = 0;
  }
}

/**
 * Recent scores per caller, for the "When documents are scored" polling trigger and the history
 * operation. In memory and bounded: what was scored before a restart is gone, and a poll after it
 * is answered with everything scored since.
 */
export class ScoreLog {
  private readonly rings = new Map<string, Ring>();
  private sequence: number;

  /**
   * @param first - the sequence before the first entry. From the clock, in microseconds, so that a
   *   log made after a restart numbers above every entry of the one before (unless that one took
   *   more than a thousand documents a millisecond): a flow's cursor from before then still reads
   *   the new log's entries. Counted from 0, the new log's entries stayed below that cursor until
   *   as many documents as before had been scored again, and the trigger skipped them all.
   */
  constructor(
    private readonly perOwner = 10_000,
    first = Date.now() * 1000,
  ) {
    this.sequence = first;
  }

  record(owner: string, docs: readonly { id: string; score: number }[]): void {
    let ring = this.rings.get(owner);
    if (!ring) this.rings.set(owner, (ring = new Ring(this.perOwner)));
    const now = Date.now();
    for (const d of docs) ring.push(++this.sequence, d.id, d.score, now);
  }

  /**
   * One page of the caller's history, newest first: `top` entries whose sequence is below
   * `before` (the newest when undefined), and the sequence the next page starts below. Paged by
   * sequence, not by a count from the newest, so that documents scored while a flow pages neither
   * repeat entries on its next page nor push others past it.
   */
  page(owner: string, before: number | undefined, top: number): { items: ScoredDocument[]; next: number | undefined } {
    const ring = this.rings.get(owner);
    const items: ScoredDocument[] = [];
    if (!ring) return { items, next: undefined };
    let i = (before === undefined ? ring.length : ring.firstAfter(before - 1)) - 1;
    for (; i >= 0 && items.length < top; i--) items.push(ring.entry(i));
    return { items, next: i >= 0 ? items[items.length - 1].sequence : undefined };
  }

  /**
   * Documents after `cursor` (a sequence number), oldest first, at most `limit`, and whether more
   * wait after them (so that the trigger is polled again at once, not a page per interval).
   */
  since(
    owner: string,
    cursor: string | undefined,
    limit = 100,
  ): { items: ScoredDocument[]; cursor: string; more: boolean } {
    if (cursor === undefined) return { items: [], cursor: String(this.sequence), more: false };
    const ring = this.rings.get(owner);
    const items: ScoredDocument[] = [];
    let i = ring ? ring.firstAfter(Number(cursor)) : 0;
    for (; ring && i < ring.length && items.length < limit; i++) items.push(ring.entry(i));
    return {
      items,
      cursor: items.length > 0 ? String(items[items.length - 1].sequence) : cursor,
      more: ring !== undefined && i < ring.length,
    };
  }
}

/** The process's log, shared by the sentiment operation and the polling trigger. */
export const scoreLog = new ScoreLog();
