const { ensureBenchErp, benchErpPath } = require('./dist/bench/lib/fixtures');
const t = Date.now(); const c0 = process.cpuUsage();
const r = ensureBenchErp(benchErpPath(process.cwd(), 100000), 100000, 5000, false);
const c = process.cpuUsage(c0);
const D = require('better-sqlite3'); const db = new D(r.path, { readonly: true });
console.log(JSON.stringify({ generatedNow: r.generatedNow, wallS: (Date.now() - t) / 1000, cpuS: (c.user + c.system) / 1e6, movements: db.prepare('select count(*) n from ecom_stock_movements').get().n }));
