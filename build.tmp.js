const { buildStatsSnapshot } = require('./dist/src/stats/statsSnapshot');
const { Decimal } = require('./dist/src/decimal/decimal');
const th = { deadDays: 180, excessCoverDays: new Decimal(365), fastTurnover: new Decimal(6), slowTurnover: new Decimal(1) };
const rows = Array.from({ length: 100000 }, (_, i) => ({ sku: 'SKU' + String(i).padStart(6, '0'), description: 'Interruttore magnetotermico 1P+N 25A curva C ' + i, unit: 'PZ', familyCode: 'FAM-ELE',
  onHand: String(1000 * (i % 500)), sale30: String(-1000 * (i % 7)), sale90: String(-3000 * (i % 11)), sale365: String(-12000 * (i % 13)), picks365: i % 40, lastSale: '2026-0' + (1 + i % 9) + '-15', lastMovement: '2026-10-01', weighted365: String(-1000 * (i % 997) * 100) }));
for (let k = 0; k < 3; k++) {
  const c0 = process.cpuUsage();
  const s = buildStatsSnapshot(rows, th, { asOf: '2026-11-30', computedAt: 'x', warehouse: null });
  const c1 = process.cpuUsage(c0);
  const c2 = process.cpuUsage();
  s.page({ classes: null, abc: null, toClear: true, family: null, search: null }, 'DAYS_OF_COVER_DESC', null, 50);
  const c3 = process.cpuUsage(c2);
  console.log('build cpu ms', (c1.user + c1.system) / 1000, 'first page cpu ms', (c3.user + c3.system) / 1000);
}
