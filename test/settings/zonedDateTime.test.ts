/**
 * Instants with the offset of the ERP's zone: the ERP's wall-clock
 * datetimes (shipped_at) turned into instants correctly on both sides of a
 * change of offset, and every instant shown in one form.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { erpInstant, formatInZone, presentErpDateTime } from '../../src/settings/zonedDateTime';
import { isDateTime } from '../../src/graphql/scalars';

const ROME = 'Europe/Rome';
const utc = (text: string) => Date.parse(text);

describe('an ERP wall-clock time in Europe/Rome', () => {
  const cases: Array<[string, string, string]> = [
    ['winter', '2026-11-30T10:15:00', '2026-11-30T10:15:00+01:00'],
    ['summer', '2026-07-01T10:15:00', '2026-07-01T10:15:00+02:00'],
    ['the last minute before summer time (29 March 2026, 01:59)', '2026-03-29T01:59:00', '2026-03-29T01:59:00+01:00'],
    ['the first minute of summer time (03:00)', '2026-03-29T03:00:00', '2026-03-29T03:00:00+02:00'],
    ['a time the spring change skips (02:30) moves forward by the gap', '2026-03-29T02:30:00', '2026-03-29T03:30:00+02:00'],
    ['the repeated hour of 25 October 2026 (02:30) is its first, still summer time', '2026-10-25T02:30:00', '2026-10-25T02:30:00+02:00'],
    ['the hour after the repeat (03:00) is winter time', '2026-10-25T03:00:00', '2026-10-25T03:00:00+01:00'],
    ['01:59 before the autumn change is summer time', '2026-10-25T01:59:00', '2026-10-25T01:59:00+02:00'],
    ['a space instead of T, no seconds', '2026-11-30 10:15', '2026-11-30T10:15:00+01:00'],
    ['SQL Server fractions beyond milliseconds', '2026-11-30T10:15:00.1234567', '2026-11-30T10:15:00.123+01:00'],
    ['a date alone is its midnight', '2026-11-30', '2026-11-30T00:00:00+01:00'],
    ['a text with Z is the instant written', '2026-03-12T08:30:00Z', '2026-03-12T09:30:00+01:00'],
    ['a text with an offset is the instant written', '2026-03-12T08:30:00-05:00', '2026-03-12T14:30:00+01:00'],
  ];
  for (const [name, stored, shown] of cases) {
    test(`${name}: ${stored} → ${shown}`, () => {
      assert.equal(presentErpDateTime(stored, ROME), shown);
      assert.ok(isDateTime(shown));
    });
  }

  test('the two readings of the repeated hour are an hour apart, and the first is chosen', () => {
    assert.equal(erpInstant('2026-10-25T02:30:00', ROME), utc('2026-10-25T00:30:00Z'));
    assert.equal(formatInZone(utc('2026-10-25T01:30:00Z'), ROME), '2026-10-25T02:30:00+01:00');
  });

  for (const junk of ['', 'domani', '2026-02-30T10:00:00', '2026-11-30T25:00:00', '30/11/2026 10:15']) {
    test(`${JSON.stringify(junk)} is not a datetime: null`, () => {
      assert.equal(presentErpDateTime(junk, ROME), null);
    });
  }
});

describe('other zones', () => {
  test('UTC shows +00:00; a zone west of Greenwich a negative offset; New York around its own change', () => {
    assert.equal(presentErpDateTime('2026-11-30T10:15:00', 'UTC'), '2026-11-30T10:15:00+00:00');
    assert.equal(presentErpDateTime('2026-11-30T10:15:00', 'America/New_York'), '2026-11-30T10:15:00-05:00');
    assert.equal(presentErpDateTime('2026-03-08T02:30:00', 'America/New_York'), '2026-03-08T03:30:00-04:00');
    assert.equal(presentErpDateTime('2026-11-01T01:30:00', 'America/New_York'), '2026-11-01T01:30:00-04:00');
  });

  test('half-hour offsets are kept', () => {
    assert.equal(presentErpDateTime('2026-01-15T12:00:00', 'Asia/Kolkata'), '2026-01-15T12:00:00+05:30');
  });
});
