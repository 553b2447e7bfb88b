/**
 * ecom_settings as read (src/settings/erpSettings.ts): a key left out, blank
 * or unusable falls back to the contract's default (src/settings/defaults.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS } from '../../src/settings/defaults';
import { readErpSettings } from '../../src/settings/erpSettings';

const cases: Array<[name: string, rows: Array<{ key: string; value: string | null }>, expected: { currency: string; timeZone: string; lowStockThreshold: string; defaultPriceList: string | null }]> = [
  ['no rows', [], { currency: DEFAULTS.currency, timeZone: DEFAULTS.timeZone, lowStockThreshold: DEFAULTS.lowStockThreshold, defaultPriceList: null }],
  [
    'blank and null values',
    [
      { key: 'currency', value: '  ' },
      { key: 'time_zone', value: null },
      { key: 'low_stock_threshold', value: '' },
      { key: 'default_price_list', value: 'BASE' },
    ],
    { currency: DEFAULTS.currency, timeZone: DEFAULTS.timeZone, lowStockThreshold: DEFAULTS.lowStockThreshold, defaultPriceList: 'BASE' },
  ],
  [
    'an unknown zone and an unreadable threshold',
    [
      { key: 'time_zone', value: 'Mars/Olympus_Mons' },
      { key: 'low_stock_threshold', value: 'five' },
    ],
    { currency: DEFAULTS.currency, timeZone: DEFAULTS.timeZone, lowStockThreshold: DEFAULTS.lowStockThreshold, defaultPriceList: null },
  ],
  [
    'values set, keys and values trimmed',
    [
      { key: ' currency ', value: ' CHF ' },
      { key: 'time_zone', value: 'Europe/Zurich' },
      { key: 'low_stock_threshold', value: '2.5' },
    ],
    { currency: 'CHF', timeZone: 'Europe/Zurich', lowStockThreshold: '2.5', defaultPriceList: null },
  ],
];

for (const [name, rows, expected] of cases) {
  test(`settings: ${name}`, () => {
    const settings = readErpSettings(rows);
    assert.deepEqual(
      { currency: settings.currency, timeZone: settings.timeZone, lowStockThreshold: settings.lowStockThreshold.toString(), defaultPriceList: settings.defaultPriceList },
      expected,
    );
  });
}
