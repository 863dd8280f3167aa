import type { Job, JobStore } from '@flowport/core';
import type Database from 'better-sqlite3';
import { openDatabase } from './open';

interface Row {
  id: string;
  operation: string;
  owner: string;
  state: Job['state'];
  input: string;
  status: number | null;
  result: string | null;
  created_at: number;
  expires_at: number;
  leased_until: number;
  attempts: number;
  headers: string | null;
}

const job = (r: Row): Job => ({
  id: r.id,
  operation: r.operation,
  owner: r.owner,
  state: r.state,
  input: r.input,
  ...(r.status === null ? {} : { status: r.status }),
  ...(r.result === null ? {} : { result: r.result }),
  ...(r.headers === null ? {} : { headers: JSON.parse(r.headers) as Record<string, string> }),
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  leasedUntil: r.leased_until,
  attempts: r.attempts,
});

/** Columns added since the first jobs table, with their definitions: its jobs count as started once. */
const ADDED_COLUMNS: Readonly<Record<string, string>> = {
  attempts: 'INTEGER NOT NULL DEFAULT 1',
  headers: 'TEXT',
};

/**
 * Adds to a jobs table made before them the columns it lacks. Checked first without a lock
 * (nothing to do at almost every start), then again inside an IMMEDIATE transaction, since two
 * processes may open the same old file at once.
 */
function addColumns(db: Database.Database): void {
  const missing = () => {
    const has = new Set((db.pragma('table_info(jobs)') as { name: string }[]).map((c) => c.name));
    return Object.keys(ADDED_COLUMNS).filter((name) => !has.has(name));
  };
  if (missing().length === 0) return;
  db.transaction(() => {
    for (const name of missing()) db.exec(`ALTER TABLE jobs ADD COLUMN ${name} ${ADDED_COLUMNS[name]}`);
  }).immediate();
}

/**
 * The running jobs whose lease ran out (`where` narrows them further), in turns across their
 * owners: every owner's oldest, then every owner's second, each turn oldest first.
 */
function inTurns(where: string): string {
  return `SELECT * FROM (
      SELECT *, rowid AS seq, ROW_NUMBER() OVER (PARTITION BY owner ORDER BY created_at, rowid) AS turn
      FROM jobs WHERE state = 'running' AND leased_until <= ? AND expires_at > ?${where}
    ) ORDER BY turn, created_at, seq LIMIT ?`;
}

/** A {@link JobStore} in one SQLite file (WAL); a started job is on disk before the 202 is sent. */
export class SqliteJobStore implements JobStore {
  private readonly db: Database.Database;
  private readonly q;

  constructor(file: string) {
    const opened = openDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      db.exec(`CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY, operation TEXT NOT NULL, owner TEXT NOT NULL, state TEXT NOT NULL, input TEXT NOT NULL,
      status INTEGER, result TEXT, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, leased_until INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 1, headers TEXT);
      CREATE INDEX IF NOT EXISTS jobs_running ON jobs (state, leased_until);`);
      addColumns(db);
      return {
        create: db.prepare(
          'INSERT INTO jobs (id, operation, owner, state, input, created_at, expires_at, leased_until, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ),
        get: db.prepare('SELECT * FROM jobs WHERE id = ?'),
        finish: db.prepare('UPDATE jobs SET state = ?, status = ?, result = ?, headers = ? WHERE id = ?'),
        renew: db.prepare("UPDATE jobs SET leased_until = ? WHERE id = ? AND state = 'running'"),
        claim: db.prepare('UPDATE jobs SET leased_until = ?, attempts = attempts + 1 WHERE id = ?'),
        release: db.prepare(
          "UPDATE jobs SET leased_until = 0, attempts = attempts - 1 WHERE id = ? AND state = 'running'",
        ),
        // In turns across callers, each one's oldest first, and at most as many as asked (-1: no
        // limit): a caller's thousand jobs do not hold back another's one.
        abandoned: db.prepare(inTurns('')),
        abandonedOf: db.prepare(inTurns(' AND operation IN (SELECT value FROM json_each(?))')),
        purge: db.prepare('DELETE FROM jobs WHERE expires_at <= ?'),
      };
    });
    this.db = opened.db;
    this.q = opened.value;
  }

  async create(j: Job): Promise<void> {
    this.q.create.run(
      j.id,
      j.operation,
      j.owner,
      j.state,
      j.input,
      j.createdAt,
      j.expiresAt,
      j.leasedUntil,
      j.attempts ?? 1,
    );
  }
  async get(id: string): Promise<Job | undefined> {
    const r = this.q.get.get(id) as Row | undefined;
    return r && job(r);
  }
  async finish(
    id: string,
    state: 'succeeded' | 'failed',
    status: number,
    result: string,
    headers?: Readonly<Record<string, string>>,
  ): Promise<void> {
    this.q.finish.run(state, status, result, headers ? JSON.stringify(headers) : null, id);
  }
  async renew(id: string, leasedUntil: number): Promise<void> {
    this.q.renew.run(leasedUntil, id);
  }
  // IMMEDIATE, as in SqliteTriggerStore: several processes may claim at once.
  async claimAbandoned(now: number, leaseMs: number, operations?: readonly string[], limit?: number): Promise<Job[]> {
    const most = limit === undefined || limit === Infinity ? -1 : Math.max(0, Math.floor(limit));
    return this.db
      .transaction(() => {
        const rows = (
          operations
            ? this.q.abandonedOf.all(now, now, JSON.stringify(operations), most)
            : this.q.abandoned.all(now, now, most)
        ) as Row[];
        for (const r of rows) this.q.claim.run(now + leaseMs, r.id);
        return rows.map((r) => job({ ...r, leased_until: now + leaseMs, attempts: r.attempts + 1 }));
      })
      .immediate();
  }
  async release(id: string): Promise<void> {
    this.q.release.run(id);
  }
  async purge(now: number): Promise<void> {
    this.q.purge.run(now);
  }
  async close(): Promise<void> {
    this.db.close();
  }
}
