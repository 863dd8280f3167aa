'use strict';
const { execFileSync, spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/** wrk from Debian; installed when missing and this machine allows it (root with apt-get). */
function ensureWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (err) {
    // wrk --version exits 1 after printing; only a missing binary throws ENOENT.
    if (err.code !== 'ENOENT') return;
    if (process.getuid?.() !== 0)
      throw new Error('wrk is missing; install it with `apt-get install wrk`', { cause: err });
    process.stderr.write('Installing wrk from Debian…\n');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'wrk'], { stdio: 'inherit' });
  }
}

const UNITS = { us: 0.001, ms: 1, s: 1000 };
const ms = (text) => {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text);
  return m ? Number(m[1]) * UNITS[m[2]] : NaN;
};

/** Parses wrk's summary: throughput, p50/p99 latency in ms, requests made, and non-2xx/3xx answers. */
function parse(output) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p50 = ms(/\s50%\s+(\S+)/.exec(output)?.[1] ?? '');
  const p99 = ms(/\s99%\s+(\S+)/.exec(output)?.[1] ?? '');
  const errors = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: (.*)/.exec(output)?.[1];
  const requests = Number(/(\d+) requests in/.exec(output)?.[1]);
  return { rps, p50, p99, requests, non2xx: errors, socketErrors: socket ?? '' };
}

/**
 * Runs wrk for `seconds` against one workload. Bounded in time and connections, loopback only.
 * `pin` is the CPU list for wrk (the other core than the server's).
 */
function run({ url, method, body, headers, seconds, connections, pin }) {
  const dir = mkdtempSync(join(tmpdir(), 'flowport-wrk-'));
  const lines = [`wrk.method = ${JSON.stringify(method)}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  if (body !== undefined) lines.push(`wrk.body = ${JSON.stringify(body)}`);
  writeFileSync(join(dir, 'script.lua'), `${lines.join('\n')}\n`);
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', join(dir, 'script.lua'), url];
  const [cmd, argv] = pin ? ['taskset', ['-c', pin, 'wrk', ...args]] : ['wrk', args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`wrk exited ${code}: ${out}`));
      else resolve(parse(out));
    });
  });
}

module.exports = { ensureWrk, run, parse };
