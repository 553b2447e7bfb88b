/**
 * Instants as the API shows them: ISO 8601 with the offset of the ERP's time
 * zone (ecom_settings.time_zone), e.g. "2026-11-30T10:15:00+01:00". One form
 * for every instant, whether Ponte wrote it in UTC (created_at) or the ERP
 * wrote its local wall-clock time with no zone (shipped_at): a client reads
 * both with `new Date(text)` and sees the ERP's own calendar date in the
 * first ten characters.
 */

/** Minutes east of UTC, per zone, through one cached formatter each. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    // Zones come from one settings row; bounded all the same.
    if (formatters.size > 64) formatters.clear();
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in minutes (Rome: 60 in winter, 120 in summer). */
export function offsetMinutesAt(epochMs: number, zone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(wholeSecond))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - wholeSecond) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as ISO 8601 in `zone`, with its offset; milliseconds only when there are some. */
export function formatInZone(epochMs: number, zone: string): string {
  const offset = offsetMinutesAt(epochMs, zone);
  const local = new Date(epochMs + offset * 60_000);
  const ms = local.getUTCMilliseconds();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${pad(ms, 3)}`) +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

// "2026-11-30T10:15:00", "2026-11-30 10:15", "2026-11-30T10:15:00.1234567", optionally with Z or ±hh:mm.
const ERP_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The instant an ERP datetime names, in epoch ms, or null when the text is
 * not a datetime. Text without a zone is wall-clock time in `zone` (the
 * contract's datetime2 columns the ERP writes); text with Z or an offset is
 * taken as written.
 *
 * Around a change of offset the wall clock is not one-to-one. A time that
 * happens twice (Rome, last Sunday of October, 02:00–02:59) is the first of
 * the two, still in summer time; a time that never happens (last Sunday of
 * March, 02:00–02:59) is moved forward by the gap (02:30 → 03:30+02:00). The
 * same choices as Temporal's "compatible" disambiguation and java.time.
 */
export function erpInstant(text: string, zone: string): number | null {
  const m = ERP_DATETIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const zoneText = m[8];
  if (zoneText !== undefined) {
    if (zoneText.toUpperCase() === 'Z') return wall;
    const digits = zoneText.replace(':', '');
    const offset = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    return wall - (digits[0] === '-' ? -offset : offset) * 60_000;
  }
  // The offsets in force a day either side cover any single transition.
  const DAY = 86_400_000;
  const before = offsetMinutesAt(wall - DAY, zone);
  const after = offsetMinutesAt(wall + DAY, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wall - offsetMinutesAt(instant, zone) * 60_000 === instant)
    .sort((a, b) => a - b);
  // Two candidates: the repeated hour, first occurrence. None: the skipped hour, read with the offset before the gap.
  return candidates[0] ?? wall - before * 60_000;
}

/** An ERP datetime shown in the ERP's zone with its offset; null when absent or not a datetime. */
export function presentErpDateTime(text: string | null, zone: string): string | null {
  if (text === null) return null;
  const instant = erpInstant(text, zone);
  return instant === null ? null : formatInZone(instant, zone);
}
