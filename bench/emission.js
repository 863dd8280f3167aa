'use strict';
// Emission: resolve + emit in-process, and the whole `flowport build` process (wall, peak RSS).
const { execFileSync, spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { median } = require('./lib/process');

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'packages', 'cli', 'bin', 'flowport.js');
const MODULES = {
  'text-sentiment example': join(ROOT, 'examples', 'text-sentiment', 'src', 'connector.ts'),
  'generated: 200 operations, 20 controllers, 160 DTOs': join(ROOT, 'bench', 'fixtures', 'large-connector.ts'),
};

/**
 * Milliseconds of resolve() + emitFiles(): the first call in a fresh process (the median over
 * `processes` processes, since one first call swings with where garbage collection falls), and
 * the median of the later calls.
 */
function inProcess(module, runs, processes) {
  const script = `
    require(${JSON.stringify(join(ROOT, 'packages/cli/dist/loader.js'))}).registerTypeScript();
    const core = require('@flowport/core');
    const documents = require('@flowport/core/documents');
    const { connector } = require(${JSON.stringify(module)});
    const times = [];
    for (let i = 0; i < ${runs + 1}; i++) {
      const t = process.hrtime.bigint();
      documents.emitFiles(core.resolve(connector));
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    process.stdout.write(JSON.stringify(times));`;
  const firsts = [];
  const warm = [];
  for (let i = 0; i < processes; i++) {
    const times = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
    firsts.push(times[0]);
    warm.push(...times.slice(1));
  }
  return { firstMs: median(firsts), warmMs: median(warm), processes };
}

/** Wall time and peak RSS of the `flowport build` process, medians of `runs` runs. */
function cliProcess(module, runs) {
  const walls = [];
  const peaks = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'flowport-bench-'));
    try {
      const res = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, CLI, 'build', module, '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (res.status !== 0) throw new Error(`flowport build failed: ${res.stderr}`);
      const [wall, kb] = res.stderr.trim().split('\n').pop().split(' ').map(Number);
      walls.push(wall * 1000);
      peaks.push(kb / 1024);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { wallMs: median(walls), peakMiB: median(peaks) };
}

/** Both measurements for the example and the generated 200-operation connector. */
function emission(runs) {
  // Seven first calls settle the median; fewer in smoke mode.
  return Object.entries(MODULES).map(([name, module]) => ({
    name,
    ...inProcess(module, runs, Math.min(runs, 7)),
    ...cliProcess(module, Math.min(runs, 5)),
  }));
}

module.exports = { emission };
