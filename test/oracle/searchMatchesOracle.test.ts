/**
 * Catalog search, totalCount and the families facet against the oracle, on
 * the randomized suite's ERPs (randomErp.ts) and its visibility reading
 * (oracleModel.ts isVisibleTo): for random searches of every viewer (anonymous,
 * each customer, an agent acting for nobody and one acting for a customer),
 * the skus walked page by page, totalCount and every facet count equal what
 * the oracle computes from the rows, so no invisible article is ever
 * returned or counted. Half the seeds give the ERP the optional
 * ecom_families relation, half leave it out (a name is then its code).
 *
 * The oracle reads the issue's words on its own: every word of the search
 * (split on white space) occurs in the sku or the description, compared
 * without case and without accents (canonical decomposition, marks removed).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVisibleTo, startOracleServer, type OracleServer, type VisibilityScope } from './oracleModel';
import { Rng, generateRandomErp, writeErpDatabase, type ArticleSpec, type RandomErp } from './randomErp';

const CLOCK = new Date('2026-06-15T10:00:00Z');
const SEEDS = [11, 12, 13];
const SEARCHES_PER_VIEWER = 8;

/** Names for the seeds that have ecom_families; F9 has no article, F4 no row. */
const FAMILY_NAMES: Record<string, string> = { F1: 'Viteria', F2: 'Bulloneria', F3: 'Àncore e tasselli', F9: 'Vuota' };

const PAGE = `query($search: String, $family: String, $after: String) {
  catalog(first: 20, search: $search, family: $family, after: $after) {
    edges { node { sku } }
    pageInfo { hasNextPage endCursor }
    totalCount
    families { code name count }
  }
}`;

// ---------------------------------------------------------------------------
// The oracle's reading

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matches(search: string, a: ArticleSpec): boolean {
  const words = fold(search).split(/\s+/).filter((w) => w.length > 0);
  const sku = fold(a.sku);
  const description = fold(a.description);
  return words.every((w) => sku.includes(w) || description.includes(w));
}

interface Expected {
  skus: string[];
  totalCount: number;
  families: Array<{ code: string; name: string; count: number }>;
}

function expected(erp: RandomErp, scope: VisibilityScope, search: string, family: string | null, names: Record<string, string> | null): Expected {
  const found = erp.articles.filter((a) => isVisibleTo(scope, a, erp.visibility) && matches(search, a));
  const inFamily = found.filter((a) => family === null || a.familyCode === family);
  const counts = new Map<string, number>();
  for (const a of found) if (a.familyCode !== null) counts.set(a.familyCode, (counts.get(a.familyCode) ?? 0) + 1);
  const families = [...counts].map(([code, count]) => ({ code, name: names?.[code] ?? code, count }));
  families.sort((x, y) => x.name.localeCompare(y.name, 'it'));
  return { skus: inFamily.map((a) => a.sku).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), totalCount: inFamily.length, families };
}

// ---------------------------------------------------------------------------
// Random searches: words the ERP's texts hold, re-cased and re-accented, in any order

const WORDS = ['articolo', 'perno', 'inox', '«è»', 'è', 'E', '10×20', '10x20', 'ä-', 'A-', 'bolt', 'vite-m', "o'k", 'a/b', 'cavo', 'x0', '00', '1', '–', 'zzz'];

function randomSearch(rng: Rng, erp: RandomErp): string {
  const words: string[] = [];
  const n = rng.weighted([
    [5, 1],
    [3, 2],
    [1, 3],
  ]);
  for (let i = 0; i < n; i++) {
    let w = rng.chance(0.4) ? fragment(rng, rng.pick(erp.articles).sku) : rng.pick(WORDS);
    if (rng.chance(0.3)) w = w.toUpperCase();
    if (rng.chance(0.2)) w = w.replace(/a/g, 'à').replace(/e/g, 'É');
    words.push(w);
  }
  return rng.shuffle(words).join(rng.chance(0.5) ? ' ' : '   ');
}

function fragment(rng: Rng, text: string): string {
  const start = rng.int(0, Math.max(0, text.length - 2));
  return text.slice(start, start + rng.int(2, 5)).trim() || text;
}

// ---------------------------------------------------------------------------

async function walk(server: OracleServer, auth: { token?: string; acting?: string }, search: string, family: string | null) {
  const skus: string[] = [];
  let first: { totalCount: number; families: Expected['families'] } | null = null;
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await server.gql(PAGE, { ...auth, variables: { search, family, after } });
    if (res.body.errors) throw new Error(`search ${JSON.stringify(search)}: ${JSON.stringify(res.body.errors)}`);
    const c = res.body.data.catalog;
    skus.push(...c.edges.map((e: { node: { sku: string } }) => e.node.sku));
    const counts = { totalCount: c.totalCount, families: c.families };
    // Counts are the search's, not the page's: the same on every page.
    if (first === null) first = counts;
    else assert.deepEqual(counts, first, `search ${JSON.stringify(search)}: counts changed on page ${page}`);
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { skus, ...first! };
}

for (const seed of SEEDS) {
  describe(`search and facets against the oracle, seed ${seed}`, () => {
    const erp = generateRandomErp(seed, { today: '2026-06-15' });
    const names = seed % 2 === 0 ? FAMILY_NAMES : null;
    let dir: string;
    let server: OracleServer;
    const viewers: Array<{ name: string; scope: VisibilityScope; token?: string; acting?: string }> = [];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ponte-search-oracle-'));
      const path = join(dir, 'erp.sqlite');
      writeErpDatabase(erp, path);
      if (names) {
        const db = new Database(path);
        db.exec('CREATE TABLE ecom_families (family_code TEXT PRIMARY KEY, description TEXT)');
        const insert = db.prepare('INSERT INTO ecom_families (family_code, description) VALUES (?, ?)');
        for (const [code, name] of Object.entries(names)) insert.run(code, name);
        db.close();
      }
      server = await startOracleServer(path, () => CLOCK);
      viewers.push({ name: 'anonymous', scope: { kind: 'anonymous' } });
      for (const c of erp.customers) {
        viewers.push({ name: `customer ${c.code}`, scope: { kind: 'customer', code: c.code, group: c.group }, token: await server.token({ role: 'customer', customer: c.code }) });
      }
      viewers.push({ name: 'agent AG1 acting for nobody', scope: { kind: 'all' }, token: await server.token({ role: 'agent', agent: 'AG1' }) });
      const followed = erp.customers.find((c) => c.agentCode === 'AG2')!;
      viewers.push({
        name: `agent AG2 acting for ${followed.code}`,
        scope: { kind: 'customer', code: followed.code, group: followed.group },
        token: await server.token({ role: 'agent', agent: 'AG2' }),
        acting: followed.code,
      });
    });

    after(async () => {
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('every viewer: the skus, totalCount and family counts of random searches are the oracle\'s', async () => {
      const rng = new Rng(seed * 7919);
      const mismatches: string[] = [];
      let withMatches = 0;
      let hiddenMatches = 0;
      for (const viewer of viewers) {
        for (let i = 0; i < SEARCHES_PER_VIEWER; i++) {
          const search = randomSearch(rng, erp);
          const family = rng.chance(0.3) ? rng.pick([...erp.families, 'F9']) : null;
          const want = expected(erp, viewer.scope, search, family, names);
          const got = await walk(server, { token: viewer.token, acting: viewer.acting }, search, family);
          if (want.totalCount > 0) withMatches += 1;
          hiddenMatches += erp.articles.filter((a) => matches(search, a) && !isVisibleTo(viewer.scope, a, erp.visibility)).length;
          const what = `[seed ${seed}] [${viewer.name}] search ${JSON.stringify(search)}${family ? ` family ${family}` : ''}`;
          if (JSON.stringify([...got.skus].sort()) !== JSON.stringify(want.skus)) mismatches.push(`${what} skus: got ${JSON.stringify(got.skus)}, want ${JSON.stringify(want.skus)}`);
          if (got.totalCount !== want.totalCount) mismatches.push(`${what} totalCount: got ${got.totalCount}, want ${want.totalCount}`);
          if (JSON.stringify(got.families) !== JSON.stringify(want.families)) mismatches.push(`${what} families: got ${JSON.stringify(got.families)}, want ${JSON.stringify(want.families)}`);
        }
      }
      assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} mismatch(es)`);
      // Teeth: searches that find something, and matching articles the viewer may not see.
      assert.ok(withMatches >= viewers.length * 2, `${withMatches} searches with matches`);
      assert.ok(hiddenMatches >= 20, `${hiddenMatches} invisible matches left out`);
    });
  });
}
