'use strict';
/**
 * `npm run bench` — the text-sentiment example served by Flowport against a hand-written
 * Express 5 app and a raw node:http app doing identical work, in the same run: apps alternated,
 * server and load generator on different cores, warm-up, repetitions, medians, ratios.
 * Writes bench/RESULTS.md. `--smoke` runs tiny durations and writes nothing.
 */
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { cpus, tmpdir, totalmem } = require('node:os');
const { join } = require('node:path');
const { emission } = require('./emission');
const { checkExpressLayout } = require('./lib/layout');
const { PINNING, cpuMicros, median, peakRssMiB, startApp, stop } = require('./lib/process');
const wrk = require('./lib/wrk');
const W = require('./lib/workload');

const smoke = process.argv.includes('--smoke');
const CONFIG = smoke
  ? { warmup: 1, seconds: 1, reps: 1, connections: 8, emissionRuns: 3, coldRounds: 1 }
  : { warmup: 2, seconds: 10, reps: 5, connections: 32, emissionRuns: 20, coldRounds: 3 };

const ROOT = join(__dirname, '..');
const APPS = {
  flowport: {
    label: '(a) Flowport (text-sentiment example, `node dist/server.js`)',
    script: join(ROOT, 'examples/text-sentiment/dist/server.js'),
  },
  express: { label: '(b) Express 5 by hand (`app.listen`)', script: join(__dirname, 'apps/hand-express.js') },
  raw: { label: '(c) raw node:http by hand', script: join(__dirname, 'apps/raw-node.js') },
};
/** The cold start that waits for a scored answer instead of GET /health. */
const FIRST_POST = {
  method: 'POST',
  path: W.PATH,
  body: W.validBody,
  headers: { [W.HEADER]: W.KEY, 'content-type': 'application/json' },
};
const WORKLOADS = {
  valid: { method: 'POST', path: W.PATH, body: W.validBody, expect: 200 },
  invalid: { method: 'POST', path: W.PATH, body: W.invalidBody, expect: 400 },
  health: { method: 'GET', path: '/health', body: undefined, expect: 200 },
};

/** Before measuring: every app answers each workload with the same status, and the same scores. */
async function checkEquivalence(url, name) {
  const call = async (w) => {
    const res = await fetch(url + w.path, {
      method: w.method,
      headers: { [W.HEADER]: W.KEY, 'content-type': 'application/json' },
      body: w.body,
    });
    return { status: res.status, body: await res.json() };
  };
  const results = {};
  for (const [k, w] of Object.entries(WORKLOADS)) {
    const r = await call(w);
    if (r.status !== w.expect) throw new Error(`${name} answered ${k} with ${r.status}, expected ${w.expect}`);
    results[k] = r.body;
  }
  if (results.invalid.errors?.length !== 3) throw new Error(`${name} did not report the 3 violations`);
  return results.valid;
}

const scratch = mkdtempSync(join(tmpdir(), 'flowport-bench-'));

/** The wrk request of one workload against one app. */
const requestFor = (app, w) => ({
  url: app.url + w.path,
  method: w.method,
  body: w.body,
  headers: { [W.HEADER]: W.KEY, 'Content-Type': 'application/json' },
  connections: CONFIG.connections,
  pin: PINNING.load,
});

/**
 * Each repetition starts the apps one at a time (cold start), keeps them all up, and measures
 * each workload on each app in turn before the next workload: the apps being compared are
 * measured seconds apart, so a slow spell of a shared machine hits them alike.
 */
async function measure() {
  const samples = {};
  let reference;
  const order = Object.keys(APPS);
  for (let rep = 0; rep < CONFIG.reps; rep++) {
    // Alternate which app goes first, so that drift over the run does not favour one.
    const rotated = [...order.slice(rep % order.length), ...order.slice(0, rep % order.length)];
    const running = {};
    try {
      for (const key of rotated) {
        // The example keeps trigger state in SQLite: a fresh file per run, outside the checkout.
        const env = {
          SENTIMENT_API_KEYS: W.KEY,
          TRIGGER_DB: join(scratch, `triggers-${rep}-${key}.db`),
          FLOWPORT_SECRET: 'bench-secret-0123456789abcdef',
        };
        const app = (running[key] = await startApp(APPS[key].script, 18000 + rep * 20 + order.indexOf(key), env));
        const scores = JSON.stringify(await checkEquivalence(app.url, key));
        if (reference === undefined) reference = scores;
        else if (scores !== reference) throw new Error(`${key} scores differ: ${scores} vs ${reference}`);
        samples[key] ??= { cold: [], coldPost: [], coldRestart: [], rss: [] };
        samples[key].cold[rep] = [app.coldMs];
      }
      for (const [wk, w] of Object.entries(WORKLOADS)) {
        for (const key of rotated) {
          const request = requestFor(running[key], w);
          await wrk.run({ ...request, seconds: CONFIG.warmup });
          const cpuBefore = cpuMicros(running[key].pid);
          const r = await wrk.run({ ...request, seconds: CONFIG.seconds });
          r.cpuPerRequest = (cpuMicros(running[key].pid) - cpuBefore) / r.requests;
          if (w.expect === 200 && r.non2xx > 0) throw new Error(`${key} ${wk}: ${r.non2xx} non-2xx answers`);
          (samples[key][wk] ??= []).push(r);
        }
      }
      for (const key of rotated) samples[key].rss.push(peakRssMiB(running[key].pid));
    } finally {
      for (const app of Object.values(running)) await stop(app.child);
    }
    // More cold starts, alone on the machine: to GET /health as above, and to the first scored
    // POST, what a caller of a fresh process waits for. One start swings by tens of milliseconds.
    // Then a restart to GET /health on the databases the first of those created, as a process
    // restarted next to its data starts (for the hand-written apps, one more start).
    for (let round = 0; round < CONFIG.coldRounds; round++) {
      for (const key of rotated) {
        for (const [probe, field, offset, db] of [
          [undefined, 'cold', 3, 'cold'],
          [FIRST_POST, 'coldPost', 6, 'coldPost'],
          [undefined, 'coldRestart', 9, 'cold'],
        ]) {
          const env = {
            SENTIMENT_API_KEYS: W.KEY,
            TRIGGER_DB: join(scratch, `cold-${rep}-${round}-${db}-${key}.db`),
            FLOWPORT_SECRET: 'bench-secret-0123456789abcdef',
          };
          const port = 18000 + rep * 20 + offset + order.indexOf(key);
          const app = await startApp(APPS[key].script, port, env, probe);
          await stop(app.child);
          (samples[key][field][rep] ??= []).push(app.coldMs);
        }
      }
    }
    process.stderr.write(`  rep ${rep + 1}/${CONFIG.reps} done\n`);
  }
  return samples;
}

function summarise(samples) {
  const out = {};
  for (const [key, s] of Object.entries(samples)) {
    out[key] = {
      coldMs: median(s.cold.flat()),
      coldPostMs: median(s.coldPost.flat()),
      coldRestartMs: median(s.coldRestart.flat()),
      rssMiB: median(s.rss),
      ...Object.fromEntries(
        Object.keys(WORKLOADS).flatMap((wk) => [
          [`${wk}Rps`, median(s[wk].map((r) => r.rps))],
          [`${wk}P50`, median(s[wk].map((r) => r.p50))],
          [`${wk}P99`, median(s[wk].map((r) => r.p99))],
          [`${wk}Cpu`, median(s[wk].map((r) => r.cpuPerRequest))],
        ]),
      ),
    };
  }
  return out;
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/** (a)/(b) of the main metrics in each repetition, to show how far the medians can be trusted. */
function perRep(samples) {
  const a = samples.flowport;
  const b = samples.express;
  const row = (name, values) =>
    `| ${name} | ${[...values, median(values)].map((v) => `${v.toFixed(2)}×`).join(' | ')} |`;
  const each = (wk, field) => a[wk].map((r, i) => r[field] / b[wk][i][field]);
  return [
    row('valid POST req/s', each('valid', 'rps')),
    row('invalid POST req/s', each('invalid', 'rps')),
    row('valid POST p99', each('valid', 'p99')),
    row('invalid POST p99', each('invalid', 'p99')),
    row('valid POST CPU/request', each('valid', 'cpuPerRequest')),
    row(
      'peak RSS',
      a.rss.map((r, i) => r / b.rss[i]),
    ),
    row(
      'cold start',
      a.cold.map((c, i) => median(c) / median(b.cold[i])),
    ),
    row(
      'cold start to the first POST',
      a.coldPost.map((c, i) => median(c) / median(b.coldPost[i])),
    ),
  ];
}

function report(sum, emit, samples) {
  const a = sum.flowport;
  const b = sum.express;
  const c = sum.raw;
  const rows = [
    ['valid POST req/s', 'validRps', 0, 'higher'],
    ['invalid POST req/s', 'invalidRps', 0, 'higher'],
    ['GET /health req/s', 'healthRps', 0, 'higher'],
    ['valid POST p50 ms', 'validP50', 2, 'lower'],
    ['valid POST p99 ms', 'validP99', 2, 'lower'],
    ['invalid POST p99 ms', 'invalidP99', 2, 'lower'],
    ['valid POST server CPU µs/request', 'validCpu', 0, 'lower'],
    ['invalid POST server CPU µs/request', 'invalidCpu', 0, 'lower'],
    ['peak RSS MiB', 'rssMiB', 0, 'lower'],
    ['cold start ms (spawn → first 200 from GET /health)', 'coldMs', 0, 'lower'],
    ['cold start ms (spawn → first 200 of the valid POST)', 'coldPostMs', 0, 'lower'],
    ['restart ms (spawn → first 200 from GET /health, databases already there)', 'coldRestartMs', 0, 'lower'],
  ];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${cpus().length} × ${cpu}, ${fmt(totalmem() / 2 ** 30)} GiB,`,
    `Node ${process.version}. Server pinned to core ${PINNING.server ?? '-'}, \`wrk -t1 -c${CONFIG.connections}\` on core ${PINNING.load ?? '-'};`,
    `${CONFIG.warmup} s warm-up + ${CONFIG.seconds} s per workload; in each of ${CONFIG.reps} repetitions the apps start one at a time,`,
    'then each workload runs on each app in turn (first app rotated between repetitions); medians.',
    'Workload: API-key POST of 3 documents (~200 characters each) → scores; the same body with 3 schema',
    'violations → 400; `GET /health`. All three apps call the same scoring function and were checked to',
    'answer identically before measuring. Absolute numbers drift between runs on shared machines;',
    'compare the ratios, which come from one run.',
    '',
    `| metric | ${APPS.flowport.label} | ${APPS.express.label} | ${APPS.raw.label} | (a)/(b) | (a)/(c) |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      ([name, k, d]) =>
        `| ${name} | ${fmt(a[k], d)} | ${fmt(b[k], d)} | ${fmt(c[k], d)} | ${ratio(a[k], b[k])} | ${ratio(a[k], c[k])} |`,
    ),
    '',
    'Targets of issue 8, against (b): valid and invalid POST throughput ≥ 1.6×, p99 ≤ 0.7×, peak RSS ≤ 1.0×,',
    `cold start ≤ 1.3×. Cold starts: ${1 + CONFIG.coldRounds} to GET /health and ${CONFIG.coldRounds} to the first scored POST per app`,
    'and repetition, each on new database files, medians of all; the per-repetition rows below use the median',
    `within each repetition. Restarts: ${CONFIG.coldRounds} per app and repetition, on the files of a start to GET /health.`,
    '',
    'The spread behind the medians: (a)/(b) within each repetition (in one repetition the apps run each workload seconds apart).',
    '',
    `| (a)/(b) | ${samples.flowport.cold.map((_, i) => `rep ${i + 1}`).join(' | ')} | median |`,
    `|---|${samples.flowport.cold.map(() => '---:').join('|')}|---:|`,
    ...perRep(samples),
    '',
    '## Emission',
    '',
    `First call: the median over ${emit[0].processes} fresh processes; warm: the median of the later calls.`,
    '',
    '| connector | first resolve + emit (ms) | warm resolve + emit (ms) | `flowport build` wall (ms) | `flowport build` peak RSS (MiB) |',
    '|---|---:|---:|---:|---:|',
    ...emit.map(
      (e) => `| ${e.name} | ${fmt(e.firstMs, 1)} | ${fmt(e.warmMs, 1)} | ${fmt(e.wallMs)} | ${fmt(e.peakMiB)} |`,
    ),
    '',
    'Targets: resolve + emit of the 200-operation connector ≤ 50 ms in-process; the whole `flowport build`',
    'process ≤ 600 ms.',
    '',
  ];
  return lines.join('\n');
}

async function main() {
  wrk.ensureWrk();
  checkExpressLayout(join(ROOT, 'examples/text-sentiment'));
  for (const app of Object.values(APPS)) readFileSync(app.script); // built? (npm run build first)
  const samples = await measure().finally(() => rmSync(scratch, { recursive: true, force: true }));
  const emit = emission(CONFIG.emissionRuns);
  const text = report(summarise(samples), emit, samples);
  process.stdout.write(`${text}\n`);
  if (!smoke) writeFileSync(join(__dirname, 'RESULTS.md'), text);
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
