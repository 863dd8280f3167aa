require('./packages/cli/dist/loader.js').registerTypeScript();
const core = require('@flowport/core');
const { connector } = require('./bench/fixtures/large-connector.ts');
for (let i = 0; i < 5; i++) core.emitFiles(core.resolve(connector));
const t = [];
for (let i = 0; i < 20; i++) {
  const a = process.hrtime.bigint();
  const m = core.resolve(connector);
  const b = process.hrtime.bigint();
  core.emitFiles(m);
  const c = process.hrtime.bigint();
  t.push([Number(b - a) / 1e6, Number(c - b) / 1e6]);
}
t.sort((x, y) => x[0] + x[1] - y[0] - y[1]);
console.log('median resolve, emit ms:', t[10].map((x) => x.toFixed(1)).join(', '));
