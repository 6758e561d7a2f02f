// Runs autocannon against /health/live, GET /api/public/certificates/{code} and /verify/{code}, one after the other
// in the same run, and prints req/s, p50/p99, errors/non-2xx, the host's RSS and each path's ratio to /health/live.
// Called by build/load-verify.sh:  node verify.cjs <base-url> <seconds> <connections> <host-pid> <codes-file>
// (autocannon is resolved from KR_LOAD_TOOLS/node_modules, installed there by the script).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const autocannon = require(path.join(process.env.KR_LOAD_TOOLS, 'node_modules', 'autocannon'));

const [base, seconds, connections, hostPid, codesFile] = process.argv.slice(2);
const codes = fs.readFileSync(codesFile, 'utf8').split('\n').map(s => s.trim()).filter(Boolean);
if (codes.length === 0) throw new Error('no certificate codes');

function memory() {
  const status = fs.readFileSync(`/proc/${hostPid}/status`, 'utf8');
  const kb = key => Number((status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) || [0, 0])[1]);
  return { hwm: Math.round(kb('VmHWM') / 1024), rss: Math.round(kb('VmRSS') / 1024) };
}

function run(name, pathOf) {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon({
      url: base,
      connections: Number(connections),
      duration: Number(seconds),
      requests: [{ setupRequest: req => ({ ...req, path: pathOf(i++) }) }],
    }, (err, result) => (err ? reject(err) : resolve({ name, result, mem: memory() })));
  });
}

(async () => {
  const plans = [
    ['/health/live', () => '/health/live'],
    ['/api/public/certificates/{code}', n => `/api/public/certificates/${codes[n % codes.length]}`],
    ['/verify/{code}', n => `/verify/${codes[n % codes.length]}`],
  ];
  // A short warm-up of each path (JIT, caches), not counted in the figures (its verifications are logged, though).
  let verifications = 0;
  for (const [name, pathOf] of plans) {
    const warm = await new Promise((resolve, reject) => autocannon({ url: base, connections: 8, duration: 2, requests: [{ setupRequest: req => ({ ...req, path: pathOf(0) }) }] },
      (err, result) => (err ? reject(err) : resolve(result))));
    if (name !== '/health/live') verifications += warm.requests.total;
  }
  const results = [];
  for (const [name, pathOf] of plans) results.push(await run(name, pathOf));
  const health = results[0].result.requests.average;
  console.log(`\n${connections} connections, ${seconds} s per path, ${codes.length} certificate codes rotated`);
  console.log('path                              req/s     p50 ms  p99 ms  non-2xx  errors  RSS MB (peak)  ratio to /health/live');
  for (const { name, result, mem } of results) {
    const r = result;
    console.log(
      `${name.padEnd(32)} ${r.requests.average.toFixed(0).padStart(7)}  ${String(r.latency.p50).padStart(7)} ${String(r.latency.p99).padStart(7)}`
      + `  ${String(r.non2xx).padStart(7)} ${String(r.errors + r.timeouts).padStart(7)}  ${String(mem.rss).padStart(6)} (${mem.hwm})`
      + `  ${(r.requests.average / health).toFixed(3)}`);
  }
  const hwm = memory().hwm;
  const api = results[1].result;
  const page = results[2].result;
  console.log(`\ngoal: 5000 req/s, p99 <= 50 ms, RSS <= 400 MB — api ${api.requests.average.toFixed(0)} req/s p99 ${api.latency.p99} ms; page ${page.requests.average.toFixed(0)} req/s p99 ${page.latency.p99} ms; host peak RSS (VmHWM) ${hwm} MB`);
  verifications += api.requests.total + page.requests.total;
  console.log(`verification requests answered (warm-up included): ${verifications}`);
  if (api.non2xx + page.non2xx > 0) console.log('WARNING: non-2xx answers (429? 404?) — the numbers above include them');
})().catch(e => { console.error(e); process.exit(1); });
