/**
 * The printed report: the machine, the run's settings, one row per scenario
 * (split into first hit / repeat where the scenario keys its requests) with
 * ratios against the baseline measured in the same run, and the resources
 * each side used, so a client-bound run is recognisable as such.
 */
import { cpus, loadavg, platform, release, totalmem, availableParallelism } from 'node:os';
import type { ScenarioResult, SplitResult } from './loadRunner';
import { ratio } from './stats';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage1m: number;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: typeof availableParallelism === 'function' ? availableParallelism() : list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export interface Ratios {
  throughput: number;
  p50: number;
  p99: number;
}

export function ratiosAgainst(result: { throughput: number; latency: { p50Ms: number; p99Ms: number } }, baseline: ScenarioResult): Ratios {
  return {
    throughput: ratio(result.throughput, baseline.throughput),
    p50: ratio(result.latency.p50Ms, baseline.latency.p50Ms),
    p99: ratio(result.latency.p99Ms, baseline.latency.p99Ms),
  };
}

const ms = (v: number) => (!Number.isFinite(v) ? '-' : v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0));
const num = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const times = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)}x` : '-');
const int = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '-');

const COLUMNS: Array<[string, number]> = [
  ['scenario', 16],
  ['reqs', 8],
  ['err', 6],
  ['ok req/s', 10],
  ['p50 ms', 8],
  ['p90 ms', 8],
  ['p99 ms', 8],
  ['max ms', 8],
  ['erp/req', 8],
  ['erp max', 8],
  ['erp=0', 7],
  ['thr/base', 9],
  ['p50/base', 9],
  ['p99/base', 9],
];

function row(cells: string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(COLUMNS[i]![1]) : c.padStart(COLUMNS[i]![1]))).join(' ');
}

function splitRow(label: string, split: SplitResult, baseline: ScenarioResult): string {
  const p50 = ratio(split.latency.p50Ms, baseline.latency.p50Ms);
  const p99 = ratio(split.latency.p99Ms, baseline.latency.p99Ms);
  return row([
    label,
    String(split.latency.count),
    '',
    '',
    ms(split.latency.p50Ms),
    ms(split.latency.p90Ms),
    ms(split.latency.p99Ms),
    ms(split.latency.maxMs),
    num(split.erp.mean, 2),
    int(split.erp.max),
    split.erp.counted ? `${Math.round(split.erp.zeroShare * 100)}%` : '-',
    '',
    times(p50),
    times(p99),
  ]);
}

export function formatTable(results: ScenarioResult[], baseline: ScenarioResult): string {
  const out = [row(COLUMNS.map(([name]) => name)), row(COLUMNS.map(([, width]) => '-'.repeat(width)))];
  for (const r of results) {
    const q = ratiosAgainst(r, baseline);
    out.push(
      row([
        r.name,
        String(r.requests),
        String(r.errors),
        num(r.throughput),
        ms(r.latency.p50Ms),
        ms(r.latency.p90Ms),
        ms(r.latency.p99Ms),
        ms(r.latency.maxMs),
        num(r.erp.mean, 2),
        int(r.erp.max),
        r.erp.counted ? `${Math.round(r.erp.zeroShare * 100)}%` : '-',
        times(q.throughput),
        times(q.p50),
        times(q.p99),
      ]),
    );
    if (r.firstHit && r.repeat) {
      out.push(splitRow('  first hit', r.firstHit, baseline));
      out.push(splitRow('  repeat', r.repeat, baseline));
    }
  }
  return out.join('\n');
}

export function formatResources(results: ScenarioResult[]): string {
  const head = ['scenario'.padEnd(16), 'seconds'.padStart(8), 'stopped by'.padStart(13), 'client cpu'.padStart(11), 'server cpu'.padStart(11), 'server rss'.padStart(11), 'resp bytes'.padStart(11)];
  const out = [head.join(' ')];
  for (const r of results) {
    out.push(
      [
        r.name.padEnd(16),
        r.elapsedSeconds.toFixed(1).padStart(8),
        r.stoppedBy.padStart(13),
        `${Math.round(r.clientCpuPercent)}%`.padStart(11),
        (r.serverCpuPercent === null ? '-' : `${Math.round(r.serverCpuPercent)}%`).padStart(11),
        (r.serverRssBytes === null ? '-' : `${Math.round(r.serverRssBytes / 2 ** 20)} MiB`).padStart(11),
        int(r.meanResponseBytes).padStart(11),
      ].join(' '),
    );
  }
  return out.join('\n');
}

export function formatErrors(results: ScenarioResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const e of r.errorSamples) lines.push(`  ${r.name}: ${e.count} x ${e.error}`);
  }
  return lines.join('\n');
}

/** One row of the storefront comparison: a figure of Ponte (or the ceiling) beside the naive server's. */
export interface StorefrontRow {
  label: string;
  target: string;
  result: ScenarioResult;
  /** The naive server's result for the same requests, measured in this run. */
  naive?: ScenarioResult | null;
}

/** The storefront comparison as a Markdown table (ratios to the naive server of the same run). */
export function formatStorefront(rows: StorefrontRow[]): string {
  const lines = [
    '| figure | server | ok req/s | × naive | p50 ms | p95 ms | p99 ms | erp/req | erp=0 | errors | server rss |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const x = r.naive ? ratio(r.result.throughput, r.naive.throughput) : NaN;
    lines.push(
      `| ${r.label} | ${r.target} | ${num(r.result.throughput)} | ${r.naive ? times(x) : ''} | ${ms(r.result.latency.p50Ms)} | ${ms(r.result.latency.p95Ms)} | ${ms(r.result.latency.p99Ms)} | ${r.result.erp.counted ? num(r.result.erp.mean, 3) : '-'} | ${r.result.erp.counted ? `${Math.round(r.result.erp.zeroShare * 100)}%` : '-'} | ${r.result.errors} | ${r.result.serverRssBytes === null ? '-' : `${Math.round(r.result.serverRssBytes / 2 ** 20)} MiB`} |`,
    );
  }
  return lines.join('\n');
}

export const mib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined || !Number.isFinite(bytes) ? '-' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
