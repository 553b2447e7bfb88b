/**
 * erp-contract.md, "Visibility rules (normative)", checked over HTTP through
 * every path that can reveal an article: product, products, catalog (all
 * pages, with filters) and federation's _entities. An invisible article must
 * behave exactly like one that does not exist.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { article, createFixtureDb, customer, insertRows, type Row } from '../helpers/fixtureErp';
import { errorCodes, rawGql } from '../helpers/rawHttp';
import { startTestServer, type GqlOptions, type TestServer } from '../helpers/testServer';

// ---------------------------------------------------------------------------
// The fixture.

interface Art {
  sku: string;
  family: string | null;
  restricted?: boolean;
  active?: boolean;
  web?: boolean;
  description?: string;
}

const ARTICLES: Art[] = [
  { sku: 'A-U1', family: 'F1', description: 'Vite a testa esagonale' },
  { sku: 'A-U2', family: 'FX' }, // unrestricted; DENY by family FX for CA (customer) and G2 (group)
  { sku: 'A-R1', family: 'F2', restricted: true }, // ALLOW sku for customer CA
  { sku: 'A-R2', family: 'F3', restricted: true, description: 'Vite speciale' }, // ALLOW family F3 for group G1
  { sku: 'A-R3', family: 'F4', restricted: true }, // ALLOW sku for group G2
  { sku: 'A-R4', family: 'F5', restricted: true }, // ALLOW family F5 for customer CB
  { sku: 'A-R5', family: 'F6', restricted: true }, // ALLOW sku + DENY sku, both for customer CA
  { sku: 'A-R6', family: 'F7', restricted: true }, // ALLOW family F7 for G1; DENY sku for customer CA
  { sku: 'A-R7', family: 'F1', restricted: true, description: 'Vite riservata' }, // ALLOW sku for CB; DENY family F1 for G2
  { sku: 'A-X1', family: 'F1', active: false, description: 'Vite fuori produzione' },
  { sku: 'A-X2', family: 'F1', web: false },
  { sku: 'A-X3', family: 'F2', restricted: true, active: false }, // ALLOWed to CA, but inactive
  { sku: 'A-X4', family: 'F3', restricted: true, web: false }, // ALLOWed to G1 by family, but not web-enabled
  // A long run of articles nobody but an agent sees, so pages need several ERP batches.
  ...Array.from({ length: 23 }, (_, i) => ({ sku: `B-H${String(i + 1).padStart(2, '0')}`, family: 'FH', restricted: true })),
  ...Array.from({ length: 12 }, (_, i) => ({
    sku: `C-U${String(i + 1).padStart(2, '0')}`,
    family: i % 2 === 0 ? 'F1' : 'F8',
    description: i % 3 === 0 ? `VITE zincata ${i}` : `Dado ${i}`,
  })),
  { sku: 'D-R1', family: 'FH', restricted: true },
  { sku: 'D-U1', family: 'F1' },
  { sku: 'E-U1', family: 'F8', description: 'PERNO ÀNCORA ZINCATO' },
];

interface Rule {
  mode: 'ALLOW' | 'DENY';
  sku?: string;
  family?: string;
  customer?: string;
  group?: string;
}

const RULES: Rule[] = [
  { mode: 'DENY', family: 'FX', customer: 'CA' },
  { mode: 'DENY', family: 'FX', group: 'G2' },
  { mode: 'ALLOW', sku: 'A-R1', customer: 'CA' },
  { mode: 'ALLOW', family: 'F3', group: 'G1' },
  { mode: 'ALLOW', sku: 'A-R3', group: 'G2' },
  { mode: 'ALLOW', family: 'F5', customer: 'CB' },
  { mode: 'ALLOW', sku: 'A-R5', customer: 'CA' },
  { mode: 'DENY', sku: 'A-R5', customer: 'CA' },
  { mode: 'ALLOW', family: 'F7', group: 'G1' },
  { mode: 'DENY', sku: 'A-R6', customer: 'CA' },
  { mode: 'ALLOW', sku: 'A-R7', customer: 'CB' },
  { mode: 'DENY', family: 'F1', group: 'G2' },
  { mode: 'ALLOW', sku: 'A-X3', customer: 'CA' },
  // Rules for other customers and groups must not leak to anybody else.
  { mode: 'ALLOW', family: 'FH', customer: 'CZ' },
  { mode: 'ALLOW', sku: 'D-R1', group: 'GZ' },
];

const CUSTOMERS: Record<string, string | null> = { CA: 'G1', CB: 'G2', CC: null, CZ: 'GZ' };

type Who = { kind: 'anonymous' } | { kind: 'customer'; code: string } | { kind: 'agent' };

/** The normative rule, written straight from the contract's text. */
function referenceVisible(a: Art, who: Who): boolean {
  if (a.active === false || a.web === false) return false;
  if (who.kind === 'agent') return true;
  if (who.kind === 'anonymous') return !a.restricted;
  const group = CUSTOMERS[who.code] ?? null;
  const matches = (r: Rule) =>
    ((r.customer !== undefined && r.customer === who.code) || (r.group !== undefined && group !== null && r.group === group)) &&
    ((r.sku !== undefined && r.sku === a.sku) || (r.family !== undefined && a.family !== null && r.family === a.family));
  if (RULES.some((r) => r.mode === 'DENY' && matches(r))) return false;
  return !a.restricted || RULES.some((r) => r.mode === 'ALLOW' && matches(r));
}

function buildDb() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [{ agent_code: 'AG1', name: 'Agente', email: null }]);
  insertRows(
    db,
    'ecom_customers',
    Object.entries(CUSTOMERS).map(([code, group]) => customer(code, { customer_group: group, agent_code: code === 'CA' ? 'AG1' : null })),
  );
  insertRows(
    db,
    'ecom_articles',
    // Inserted in reverse so nothing depends on insertion order.
    [...ARTICLES].reverse().map((a): Row =>
      article(a.sku, {
        family_code: a.family,
        restricted: a.restricted ? 1 : 0,
        active: a.active === false ? 0 : 1,
        web_enabled: a.web === false ? 0 : 1,
        ...(a.description ? { description: a.description } : {}),
      }),
    ),
  );
  insertRows(
    db,
    'ecom_visibility',
    RULES.map((r, i) => ({
      rule_id: i + 1,
      mode: r.mode,
      sku: r.sku ?? null,
      family_code: r.family ?? null,
      customer_code: r.customer ?? null,
      customer_group: r.group ?? null,
    })),
  );
  return db;
}

// ---------------------------------------------------------------------------

describe('visibility', () => {
  let server: TestServer;
  const auth: Record<string, GqlOptions> = {};
  const VIEWERS: Array<{ name: string; who: Who }> = [
    { name: 'anonymous', who: { kind: 'anonymous' } },
    { name: 'CA', who: { kind: 'customer', code: 'CA' } },
    { name: 'CB', who: { kind: 'customer', code: 'CB' } },
    { name: 'CC', who: { kind: 'customer', code: 'CC' } },
    { name: 'agent', who: { kind: 'agent' } },
    { name: 'agent for CA', who: { kind: 'customer', code: 'CA' } },
    { name: 'service for CB', who: { kind: 'customer', code: 'CB' } },
    { name: 'service for nobody', who: { kind: 'anonymous' } },
  ];

  before(async () => {
    server = await startTestServer(buildDb());
    auth.anonymous = {};
    for (const code of ['CA', 'CB', 'CC']) auth[code] = { token: await server.token({ role: 'customer', customer: code }) };
    auth.agent = { token: await server.token({ role: 'agent', agent: 'AG1' }) };
    auth['agent for CA'] = { token: auth.agent.token!, acting: 'CA' };
    auth['service for CB'] = { token: await server.token({ role: 'service' }), acting: 'CB' };
    auth['service for nobody'] = { token: await server.token({ role: 'service' }) };
  });
  after(() => server.close());

  const expectedFor = (who: Who, filter: (a: Art) => boolean = () => true) =>
    ARTICLES.filter((a) => referenceVisible(a, who) && filter(a))
      .map((a) => a.sku)
      .sort();

  async function product(viewer: string, sku: string): Promise<string | null> {
    const res = await server.gql('query($sku: ID!) { product(sku: $sku) { sku } }', { ...auth[viewer], variables: { sku } });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.product?.sku ?? null;
  }

  async function sees(viewer: string, sku: string): Promise<boolean> {
    const one = await product(viewer, sku);
    const res = await server.gql('query($skus: [ID!]!) { products(skus: $skus) { sku } }', { ...auth[viewer], variables: { skus: [sku] } });
    const many = res.body.data.products[0]?.sku ?? null;
    assert.equal(one, many, `product and products disagree on ${sku} for ${viewer}`);
    return one === sku;
  }

  /** Walks the whole catalog with pages of `first`, checking the Relay invariants on the way. */
  async function walk(viewer: string, first: number, args: { family?: string; search?: string } = {}): Promise<string[]> {
    const skus: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 500; page++) {
      const res: any = await server.gql(
        `query($first: Int, $after: String, $family: String, $search: String) {
          catalog(first: $first, after: $after, family: $family, search: $search) {
            edges { cursor node { sku } } pageInfo { hasNextPage endCursor }
          }
        }`,
        { ...auth[viewer], variables: { first, after, ...args } },
      );
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      const { edges, pageInfo } = res.body.data.catalog;
      assert.ok(edges.length <= first, 'page larger than first');
      if (pageInfo.hasNextPage) assert.equal(edges.length, first, 'a page before the last must be full');
      assert.equal(pageInfo.endCursor, edges.length > 0 ? edges[edges.length - 1].cursor : null);
      skus.push(...edges.map((e: any) => e.node.sku));
      if (!pageInfo.hasNextPage) return skus;
      after = pageInfo.endCursor;
    }
    assert.fail('catalog never ended');
  }

  describe('rules', () => {
    test('a restricted article is visible with an ALLOW sku rule for the customer', async () => {
      assert.equal(await sees('CA', 'A-R1'), true);
      assert.equal(await sees('CB', 'A-R1'), false);
      assert.equal(await sees('CC', 'A-R1'), false);
    });

    test('a restricted article is visible with an ALLOW sku rule for the customer group', async () => {
      assert.equal(await sees('CB', 'A-R3'), true);
      assert.equal(await sees('CA', 'A-R3'), false);
    });

    test('a restricted article is visible with an ALLOW family rule for the customer', async () => {
      assert.equal(await sees('CB', 'A-R4'), true);
      assert.equal(await sees('CC', 'A-R4'), false);
    });

    test('a restricted article is visible with an ALLOW family rule for the customer group', async () => {
      assert.equal(await sees('CA', 'A-R2'), true);
      assert.equal(await sees('CC', 'A-R2'), false);
    });

    test('DENY beats ALLOW for the same customer and sku', async () => {
      assert.equal(await sees('CA', 'A-R5'), false);
    });

    test('a DENY sku rule for the customer beats an ALLOW family rule for its group', async () => {
      assert.equal(await sees('CA', 'A-R6'), false);
    });

    test('a DENY family rule for the group beats an ALLOW sku rule for the customer', async () => {
      assert.equal(await sees('CB', 'A-R7'), false);
    });

    test('a DENY family rule hides an unrestricted article, by customer and by group', async () => {
      assert.equal(await sees('CA', 'A-U2'), false);
      assert.equal(await sees('CB', 'A-U2'), false);
      assert.equal(await sees('CC', 'A-U2'), true);
      assert.equal(await sees('anonymous', 'A-U2'), true);
    });

    test("rules addressed to other customers and groups do not apply", async () => {
      for (const viewer of ['CA', 'CB', 'CC']) {
        assert.equal(await sees(viewer, 'B-H01'), false, viewer);
        assert.equal(await sees(viewer, 'D-R1'), false, viewer);
      }
    });

    test('inactive and not web-enabled articles are invisible to everyone, an agent acting for nobody included', async () => {
      for (const viewer of Object.keys(auth)) {
        for (const sku of ['A-X1', 'A-X2', 'A-X3', 'A-X4']) {
          assert.equal(await sees(viewer, sku), false, `${viewer} sees ${sku}`);
        }
      }
    });

    test('anonymous callers see only unrestricted articles', async () => {
      const expected = ARTICLES.filter((a) => !a.restricted && a.active !== false && a.web !== false).map((a) => a.sku).sort();
      assert.deepEqual(await walk('anonymous', 100), expected);
      assert.ok(expected.includes('A-U2'), 'anonymous matches no DENY rule either');
      for (const sku of ['A-R1', 'A-R2', 'A-R3', 'B-H01']) assert.equal(await sees('anonymous', sku), false, sku);
    });

    test('an agent acting for nobody sees restricted articles too', async () => {
      for (const sku of ['A-R1', 'A-R5', 'B-H01', 'D-R1', 'A-U2']) assert.equal(await sees('agent', sku), true, sku);
      assert.deepEqual(await walk('agent', 100), expectedFor({ kind: 'agent' }));
    });

    test('an agent acting for a customer sees what that customer sees', async () => {
      assert.deepEqual(await walk('agent for CA', 100), await walk('CA', 100));
      assert.equal(await sees('agent for CA', 'A-R1'), true);
      assert.equal(await sees('agent for CA', 'B-H01'), false);
    });

    test('every viewer sees, through product, exactly the articles the reference rule allows', async () => {
      for (const { name, who } of VIEWERS) {
        for (const a of ARTICLES) {
          assert.equal(await sees(name, a.sku), referenceVisible(a, who), `${name} / ${a.sku}`);
        }
      }
    });
  });

  describe('the same article through every path', () => {
    // (viewer, an article that exists but that viewer may not see)
    const CASES: Array<[string, string]> = [
      ['CC', 'A-R1'], // restricted, no ALLOW
      ['CA', 'A-R5'], // ALLOW beaten by DENY
      ['CA', 'A-U2'], // unrestricted, DENY by family
      ['anonymous', 'A-R2'], // restricted
      ['agent', 'A-X1'], // inactive
      ['CB', 'A-X2'], // not web-enabled
    ];
    const MISSING = 'A-NOPE';

    test('product(sku) is null for an invisible article and for a missing sku', async () => {
      for (const [viewer, hidden] of CASES) {
        assert.equal(await product(viewer, hidden), null, `${viewer} / ${hidden}`);
        assert.equal(await product(viewer, MISSING), null, viewer);
      }
    });

    test('products keeps order and length, with null at the invisible and the missing positions', async () => {
      for (const [viewer, hidden] of CASES) {
        const skus = ['C-U02', hidden, 'C-U04', MISSING, 'C-U02', hidden];
        const res = await server.gql('query($skus: [ID!]!) { products(skus: $skus) { sku } }', { ...auth[viewer], variables: { skus } });
        assert.equal(res.body.errors, undefined);
        assert.deepEqual(res.body.data.products, [{ sku: 'C-U02' }, null, { sku: 'C-U04' }, null, { sku: 'C-U02' }, null], viewer);
      }
    });

    test('_entities resolves an invisible Product and a missing one to null', async () => {
      const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku } } }';
      for (const [viewer, hidden] of CASES) {
        const representations = [
          { __typename: 'Product', sku: 'C-U02' },
          { __typename: 'Product', sku: hidden },
          { __typename: 'Product', sku: MISSING },
        ];
        const res = await server.gql(query, { ...auth[viewer], variables: { r: representations } });
        assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
        assert.deepEqual(res.body.data._entities, [{ sku: 'C-U02' }, null, null], `${viewer} / ${hidden}`);
      }
    });

    test('the catalog never lists an invisible article, whatever the filter', async () => {
      for (const [viewer, hidden] of CASES) {
        const family = ARTICLES.find((a) => a.sku === hidden)!.family!;
        for (const args of [{}, { family }, { search: hidden }, { search: hidden.toLowerCase() }]) {
          const skus = await walk(viewer, 3, args);
          assert.ok(!skus.includes(hidden), `${viewer} finds ${hidden} with ${JSON.stringify(args)}`);
        }
      }
    });

    test('the responses for an invisible article and a missing sku are byte-identical', async () => {
      const queries: Array<[string, (sku: string) => Record<string, unknown>]> = [
        ['query($sku: ID!) { product(sku: $sku) { sku erpDescription price { unitPrice } availability { status } } }', (sku) => ({ sku })],
        ['query($skus: [ID!]!) { products(skus: $skus) { sku erpDescription } }', (sku) => ({ skus: ['C-U02', sku, 'C-U04'] })],
        [
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku erpDescription } } }',
          (sku) => ({ r: [{ __typename: 'Product', sku }] }),
        ],
        [
          'query($s: String) { catalog(first: 5, search: $s) { edges { cursor node { sku } } pageInfo { hasNextPage endCursor } } }',
          (sku) => ({ s: sku }),
        ],
      ];
      for (const [viewer, hidden] of CASES) {
        for (const [query, variables] of queries) {
          const invisible = await rawGql(server.url, query, { ...auth[viewer], variables: variables(hidden) });
          const missing = await rawGql(server.url, query, { ...auth[viewer], variables: variables(MISSING) });
          assert.equal(invisible.status, missing.status);
          assert.equal(invisible.text, missing.text, `${viewer} / ${hidden}: ${query}`);
        }
      }
    });
  });

  describe('the same article costs the same', () => {
    test('an invisible article and a missing sku cost the same ERP round trips, cold and warm', async () => {
      const query = 'query($sku: ID!) { product(sku: $sku) { sku } }';
      for (const [viewer, hidden] of [['CC', 'A-R1'], ['agent', 'A-X1'], ['anonymous', 'B-H02']] as const) {
        server.app.cache.clear();
        await server.gql('{ me { code } }', auth[viewer]); // the viewer's own facts, warm for both
        const invisibleCold = await server.gql(query, { ...auth[viewer], variables: { sku: hidden } });
        const missingCold = await server.gql(query, { ...auth[viewer], variables: { sku: 'A-NOPE-2' } });
        assert.equal(invisibleCold.erpCalls, missingCold.erpCalls, `${viewer}: cold`);
        const invisibleWarm = await server.gql(query, { ...auth[viewer], variables: { sku: hidden } });
        const missingWarm = await server.gql(query, { ...auth[viewer], variables: { sku: 'A-NOPE-2' } });
        assert.equal(invisibleWarm.erpCalls, missingWarm.erpCalls, `${viewer}: warm`);
      }
    });
  });

  describe('catalog paging', () => {
    test('walking every page, with any page size, gives exactly the visible articles in sku order, no skip, no duplicate', async () => {
      for (const { name, who } of VIEWERS) {
        const expected = expectedFor(who);
        for (const first of [1, 2, 5, 11, 100]) {
          assert.deepEqual(await walk(name, first), expected, `${name}, first ${first}`);
        }
      }
    });

    test('walking with a family filter gives exactly the visible articles of that family', async () => {
      for (const { name, who } of VIEWERS) {
        for (const family of ['F1', 'FH', 'F3']) {
          const expected = expectedFor(who, (a) => a.family === family);
          for (const first of [1, 3]) assert.deepEqual(await walk(name, first, { family }), expected, `${name}, ${family}, first ${first}`);
        }
      }
    });

    test('walking with a search gives exactly the visible articles whose sku or description contains it, ignoring case', async () => {
      for (const { name, who } of VIEWERS) {
        for (const search of ['vite', 'B-H1', 'u0']) {
          const needle = search.toLowerCase();
          const expected = expectedFor(who, (a) =>
            a.sku.toLowerCase().includes(needle) || (a.description ?? `Articolo ${a.sku}`).toLowerCase().includes(needle),
          );
          for (const first of [1, 4]) assert.deepEqual(await walk(name, first, { search }), expected, `${name}, "${search}", first ${first}`);
        }
      }
    });

    test('search ignores case for accented letters too ("àncora" finds "PERNO ÀNCORA")', async () => {
      for (const search of ['ÀNCORA', 'àncora', 'Àncora']) {
        assert.deepEqual(await walk('CC', 5, { search }), ['E-U1'], search);
      }
    });

    test('search treats % and _ literally', async () => {
      assert.deepEqual(await walk('CC', 5, { search: '%' }), []);
      assert.deepEqual(await walk('CC', 5, { search: '_' }), []);
      assert.deepEqual(await walk('CC', 5, { search: 'C_U0' }), []);
    });

    test('walking with family and search together combines both filters', async () => {
      for (const { name, who } of VIEWERS) {
        const expected = expectedFor(
          who,
          (a) => a.family === 'F1' && (a.sku.toLowerCase().includes('vite') || (a.description ?? '').toLowerCase().includes('vite')),
        );
        assert.deepEqual(await walk(name, 2, { family: 'F1', search: 'VITE' }), expected, name);
      }
    });
  });

  describe('limits', () => {
    test('products with 201 skus is BAD_USER_INPUT', async () => {
      const skus = Array.from({ length: 201 }, (_, i) => `S${i}`);
      const res = await server.gql('query($skus: [ID!]!) { products(skus: $skus) { sku } }', { variables: { skus } });
      assert.deepEqual(errorCodes(res.body), ['BAD_USER_INPUT']);
    });

    test('products with 200 skus is accepted', async () => {
      const skus = Array.from({ length: 200 }, (_, i) => (i === 7 ? 'C-U02' : `S${i}`));
      const res = await server.gql('query($skus: [ID!]!) { products(skus: $skus) { sku } }', { variables: { skus } });
      assert.equal(res.body.errors, undefined);
      assert.equal(res.body.data.products.length, 200);
      assert.deepEqual(res.body.data.products[7], { sku: 'C-U02' });
    });

    test('catalog with a bad cursor is BAD_USER_INPUT', async () => {
      const customerCursor = Buffer.from('customer:CA').toString('base64url');
      for (const after of ['not a cursor!', '%%%', customerCursor, Buffer.from('sku:').toString('base64url'), 'x'.repeat(1000)]) {
        const res = await server.gql('query($after: String) { catalog(after: $after) { edges { node { sku } } } }', { variables: { after } });
        assert.deepEqual(errorCodes(res.body), ['BAD_USER_INPUT'], after);
      }
    });

    test('a negative first is BAD_USER_INPUT', async () => {
      const res = await server.gql('{ catalog(first: -1) { edges { node { sku } } } }');
      assert.deepEqual(errorCodes(res.body), ['BAD_USER_INPUT']);
    });

    test('first: 0 returns no edges but tells whether there is a page', async () => {
      const res = await server.gql('{ catalog(first: 0) { edges { node { sku } } pageInfo { hasNextPage endCursor } } }');
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(res.body.data.catalog, { edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    });

    test('_service { sdl } answers the subgraph schema, with Product keyed by sku', async () => {
      // The SDL is for the gateway, which calls with a service token.
      const res = await server.gql('{ _service { sdl } }', { token: await server.token({ role: 'service' }) });
      assert.equal(res.body.errors, undefined);
      const sdl: string = res.body.data._service.sdl;
      assert.match(sdl, /type Product\s+@key\(fields: "sku"\)/);
      assert.ok(sdl.includes('@key(fields: "sku")'));
    });
  });
});

describe('catalog page size', () => {
  let server: TestServer;
  before(async () => {
    const db = createFixtureDb();
    insertRows(
      db,
      'ecom_articles',
      Array.from({ length: 130 }, (_, i) => article(`P${String(i).padStart(3, '0')}`)),
    );
    server = await startTestServer(db);
  });
  after(() => server.close());

  test('first above 100 is capped at 100', async () => {
    const res = await server.gql('{ catalog(first: 500) { edges { node { sku } } pageInfo { hasNextPage } } }');
    assert.equal(res.body.errors, undefined);
    assert.equal(res.body.data.catalog.edges.length, 100);
    assert.equal(res.body.data.catalog.pageInfo.hasNextPage, true);
  });

  test('the default page size is 24', async () => {
    const res = await server.gql('{ catalog { edges { node { sku } } pageInfo { hasNextPage } } }');
    assert.equal(res.body.data.catalog.edges.length, 24);
    assert.equal(res.body.data.catalog.pageInfo.hasNextPage, true);
  });
});
