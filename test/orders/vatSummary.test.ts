/**
 * erp-contract.md, pricing rule 8 (VAT in a quote), as a table over the pure
 * summary (src/orders/vatSummary.ts): group the lines by vat_rate; per rate,
 * taxable = sum of line totals, vat = taxable × rate / 100 rounded half-up to
 * 2 decimals (once per rate, as in the VAT summary of an Italian e-invoice);
 * gross = Σ taxable + Σ vat. Each row names the rule it checks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/decimal/decimal';
import { summariseVat } from '../../src/orders/vatSummary';

const line = (vatRate: string, lineTotal: string) => ({ vatRate: new Decimal(vatRate), lineTotal: new Decimal(lineTotal) });

/** The summary as plain values, rates in ascending order (the spec fixes no order). */
function summary(lines: ReturnType<typeof line>[]) {
  const totals = summariseVat(lines);
  return {
    byRate: totals.vatSummary
      .map((l) => ({ rate: l.rate.toFixed(), taxable: l.taxable.toFixed(2), vat: l.vat.toFixed() }))
      .sort((a, b) => Number(a.rate) - Number(b.rate)),
    totalNet: totals.totalNet.toFixed(2),
    totalVat: totals.totalVat.toFixed(2),
    totalGross: totals.totalGross.toFixed(2),
  };
}

interface Row {
  rule: string;
  lines: ReturnType<typeof line>[];
  byRate: Array<{ rate: string; taxable: string; vat: string }>;
  totalNet: string;
  totalVat: string;
  totalGross: string;
}

const ROWS: Row[] = [
  {
    rule: 'no line: no rate, totals 0',
    lines: [],
    byRate: [],
    totalNet: '0.00',
    totalVat: '0.00',
    totalGross: '0.00',
  },
  {
    rule: 'one line: taxable = its total, vat = taxable × 22 / 100',
    lines: [line('22', '100.00')],
    byRate: [{ rate: '22', taxable: '100.00', vat: '22' }],
    totalNet: '100.00',
    totalVat: '22.00',
    totalGross: '122.00',
  },
  {
    rule: 'the worked example line (25.62 at 22): vat 5.6364 rounded half-up to 5.64',
    lines: [line('22', '25.62')],
    byRate: [{ rate: '22', taxable: '25.62', vat: '5.64' }],
    totalNet: '25.62',
    totalVat: '5.64',
    totalGross: '31.26',
  },
  {
    rule: 'lines of one rate are grouped: taxable is the sum of their totals',
    lines: [line('22', '10.00'), line('22', '5.50'), line('22', '0.01')],
    byRate: [{ rate: '22', taxable: '15.51', vat: '3.41' }],
    totalNet: '15.51',
    totalVat: '3.41',
    totalGross: '18.92',
  },
  {
    rule: 'vat rounded once per rate, not per line: 3 × 0.05 at 10 % is 0.15 × 0.1 = 0.015 → 0.02 (per line it would be 3 × 0.01 = 0.03)',
    lines: [line('10', '0.05'), line('10', '0.05'), line('10', '0.05')],
    byRate: [{ rate: '10', taxable: '0.15', vat: '0.02' }],
    totalNet: '0.15',
    totalVat: '0.02',
    totalGross: '0.17',
  },
  {
    rule: 'half-up, not half-even: 1.25 at 10 % is 0.125 → 0.13',
    lines: [line('10', '1.25')],
    byRate: [{ rate: '10', taxable: '1.25', vat: '0.13' }],
    totalNet: '1.25',
    totalVat: '0.13',
    totalGross: '1.38',
  },
  {
    rule: 'below half rounds down: 1.24 at 10 % is 0.124 → 0.12',
    lines: [line('10', '1.24')],
    byRate: [{ rate: '10', taxable: '1.24', vat: '0.12' }],
    totalNet: '1.24',
    totalVat: '0.12',
    totalGross: '1.36',
  },
  {
    rule: 'one group per rate: 22, 10 and 4 each with its own taxable and vat',
    lines: [line('22', '100.00'), line('4', '50.00'), line('10', '20.00'), line('22', '1.00')],
    byRate: [
      { rate: '4', taxable: '50.00', vat: '2' },
      { rate: '10', taxable: '20.00', vat: '2' },
      { rate: '22', taxable: '101.00', vat: '22.22' },
    ],
    totalNet: '171.00',
    totalVat: '26.22',
    totalGross: '197.22',
  },
  {
    rule: 'rates are decimals compared by value: "22" and "22.00" are one rate',
    lines: [line('22', '10.00'), line('22.00', '10.00')],
    byRate: [{ rate: '22', taxable: '20.00', vat: '4.4' }],
    totalNet: '20.00',
    totalVat: '4.40',
    totalGross: '24.40',
  },
  {
    rule: 'a fractional rate (decimal(5,2)): 5.5 % of 10.10 is 0.5555 → 0.56',
    lines: [line('5.5', '10.10')],
    byRate: [{ rate: '5.5', taxable: '10.10', vat: '0.56' }],
    totalNet: '10.10',
    totalVat: '0.56',
    totalGross: '10.66',
  },
  {
    rule: 'rate 0 (exempt lines): a group of its own with vat 0',
    lines: [line('0', '30.00'), line('22', '10.00')],
    byRate: [
      { rate: '0', taxable: '30.00', vat: '0' },
      { rate: '22', taxable: '10.00', vat: '2.2' },
    ],
    totalNet: '40.00',
    totalVat: '2.20',
    totalGross: '42.20',
  },
  {
    rule: 'gross = Σ taxable + Σ rounded vat, not the sum rounded again: two rates each rounding 0.005 up (0.01 + 0.01, not 0.01 for 0.010)',
    lines: [line('10', '0.05'), line('5', '0.10')],
    byRate: [
      { rate: '5', taxable: '0.10', vat: '0.01' },
      { rate: '10', taxable: '0.05', vat: '0.01' },
    ],
    totalNet: '0.15',
    totalVat: '0.02',
    totalGross: '0.17',
  },
  {
    rule: 'a credit line (negative total) is summed into its rate',
    lines: [line('22', '100.00'), line('22', '-20.00')],
    byRate: [{ rate: '22', taxable: '80.00', vat: '17.6' }],
    totalNet: '80.00',
    totalVat: '17.60',
    totalGross: '97.60',
  },
];

describe('VAT summary (pricing rule 8)', () => {
  for (const row of ROWS) {
    test(row.rule, () => {
      const { rule: _rule, lines, ...expected } = row;
      assert.deepEqual(summary(lines), expected);
    });
  }

  test('vat is rounded to 2 decimals: no more decimals ever reach the summary', () => {
    const totals = summariseVat([line('22', '0.33'), line('10', '0.07'), line('4', '123.45')]);
    for (const l of totals.vatSummary) assert.ok(l.vat.decimalPlaces() <= 2, `${l.rate}: ${l.vat}`);
  });
});
