/**
 * "Today" in the ERP's zone (src/settings/erpSettings.ts), kept per minute:
 * still exact at local midnight, in zones offset by half and quarter hours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateInZone } from '../../src/settings/erpSettings';

const cases: Array<[zone: string, beforeMidnight: string, atMidnight: string, before: string, after: string]> = [
  ['Europe/Rome', '2026-11-30T22:59:59.999Z', '2026-11-30T23:00:00.000Z', '2026-11-30', '2026-12-01'],
  ['Asia/Kolkata', '2026-11-30T18:29:59.999Z', '2026-11-30T18:30:00.000Z', '2026-11-30', '2026-12-01'],
  ['Asia/Kathmandu', '2026-11-30T18:14:59.999Z', '2026-11-30T18:15:00.000Z', '2026-11-30', '2026-12-01'],
  ['America/St_Johns', '2026-12-01T03:29:59.999Z', '2026-12-01T03:30:00.000Z', '2026-11-30', '2026-12-01'],
];

for (const [zone, beforeMidnight, atMidnight, before, after] of cases) {
  test(`the date turns at local midnight in ${zone}, asked in any order`, () => {
    assert.equal(dateInZone(new Date(beforeMidnight), zone), before);
    assert.equal(dateInZone(new Date(atMidnight), zone), after);
    assert.equal(dateInZone(new Date(beforeMidnight), zone), before);
  });
}
