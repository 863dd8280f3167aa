'use strict';
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const http = require('node:http');
const { cpus } = require('node:os');

/** Server on core 0 and load on core 1 when there are two cores; no pinning otherwise. */
const PINNING = cpus().length >= 2 ? { server: '0', load: '1' } : { server: undefined, load: undefined };

/** What cold start waits for: by default, a 200 from GET /health. */
const READY = { method: 'GET', path: '/health' };

/** The status of one request, 0 when the server does not answer (yet). */
function statusOf(url, probe) {
  return new Promise((resolve) => {
    const req = http.request(url + probe.path, { method: probe.method, headers: probe.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => req.destroy());
    req.end(probe.body);
  });
}

/**
 * Starts an app as its users start it (a node process with PORT set) and measures cold start:
 * spawn → first 200 answer to `probe` (GET /health unless given).
 */
async function startApp(script, port, env = {}, probe = READY) {
  const started = process.hrtime.bigint();
  const argv = PINNING.server ? ['-c', PINNING.server, process.execPath, script] : [script];
  const child = spawn(PINNING.server ? 'taskset' : process.execPath, argv, {
    env: { PATH: process.env.PATH, PORT: String(port), NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  while ((await statusOf(url, probe)) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${script} did not start`);
    await new Promise((r) => setTimeout(r, 2));
  }
  const coldMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { child, url, coldMs, pid: child.pid };
}

/** Peak resident set (VmHWM) of a running process, in MiB. */
function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/**
 * CPU time (user + system) a process has used so far, in microseconds. Per request it measures
 * what a framework costs even when a shared machine lends the server less of a core.
 */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

module.exports = { PINNING, startApp, peakRssMiB, cpuMicros, stop, median };
