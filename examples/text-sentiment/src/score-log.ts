import type { ScoredDocument } from './trigger.dto';

/**
 * Recent scores per caller, for the "When documents are scored" polling trigger. In memory and
 * bounded: a poll after a restart starts from the new log's baseline.
 */
export class ScoreLog {
  private readonly entries = new Map<string, ScoredDocument[]>();
  private sequence = 0;

  constructor(private readonly perOwner = 10_000) {}

  record(owner: string, docs: readonly { id: string; score: number }[]): void {
    const list = this.entries.get(owner) ?? [];
    const scoredAt = new Date().toISOString();
    for (const d of docs) list.push({ sequence: ++this.sequence, id: d.id, score: d.score, scoredAt });
    // Trim in batches: splicing a full list on every request would shift 10,000 entries each time.
    if (list.length > 2 * this.perOwner) list.splice(0, list.length - this.perOwner);
    this.entries.set(owner, list);
  }

  /** One page of the caller's history, newest first: `top` entries from `offset`. */
  page(owner: string, offset: number, top: number): { items: ScoredDocument[]; next: number | undefined } {
    const list = this.entries.get(owner) ?? [];
    const kept = list.slice(Math.max(0, list.length - this.perOwner)).reverse();
    const items = kept.slice(offset, offset + top);
    return { items, next: offset + top < kept.length ? offset + top : undefined };
  }

  /** Documents after `cursor` (a sequence number), oldest first, at most `limit`. */
  since(owner: string, cursor: string | undefined, limit = 100): { items: ScoredDocument[]; cursor: string } {
    if (cursor === undefined) return { items: [], cursor: String(this.sequence) };
    const after = Number(cursor);
    const list = this.entries.get(owner) ?? [];
    const kept = list.slice(Math.max(0, list.length - this.perOwner));
    const items = kept.filter((d) => d.sequence > after).slice(0, limit);
    return { items, cursor: items.length > 0 ? String(items[items.length - 1].sequence) : cursor };
  }
}

/** The process's log, shared by the sentiment operation and the polling trigger. */
export const scoreLog = new ScoreLog();
