/**
 * erp-contract.md, "Visibility rules (normative)", as a table over the pure
 * policy (src/visibility/visibilityPolicy.ts), with graphql-api.md's "Who is
 * calling" for anonymous callers and agents acting for nobody.
 *
 * Each row names the rule it checks. The rules are read from the spec, not
 * from the code: an article is visible when active = 1 and web_enabled = 1;
 * and no DENY rule matches it (by sku or by its family) for the caller's
 * customer code or group; and either restricted = 0 or an ALLOW rule matches
 * it the same way. Anonymous callers match no rule.
 *
 * A customer's policy is built two ways, and each row must hold for both:
 * from all its rules at once (compileVisibilityPolicy), and as the server
 * builds it, a group layer shared by the group plus the customer's own
 * layer (compileRuleSets + customerPolicy).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { VisibilityRuleRow } from '../../src/erp/port';
import {
  ALL_ACTIVE_POLICY,
  ANONYMOUS_POLICY,
  catalogNarrowing,
  compileRuleSets,
  compileVisibilityPolicy,
  customerPolicy,
  isVisible,
  type VisibilityFacts,
  type VisibilityPolicy,
} from '../../src/visibility/visibilityPolicy';

// ---------------------------------------------------------------------------
// Builders.

let nextRuleId = 1;
type Target = { sku: string } | { family: string };
type Audience = { customer: string } | { group: string };

function rule(mode: 'ALLOW' | 'DENY', target: Target, audience: Audience): VisibilityRuleRow {
  return {
    ruleId: String(nextRuleId++),
    mode,
    sku: 'sku' in target ? target.sku : null,
    familyCode: 'family' in target ? target.family : null,
    customerCode: 'customer' in audience ? audience.customer : null,
    customerGroup: 'group' in audience ? audience.group : null,
  };
}
const allow = (target: Target, audience: Audience) => rule('ALLOW', target, audience);
const deny = (target: Target, audience: Audience) => rule('DENY', target, audience);

function article(overrides: Partial<VisibilityFacts> = {}): VisibilityFacts {
  return { sku: 'A1', familyCode: 'F1', restricted: false, active: true, webEnabled: true, ...overrides };
}

/** Customer C1 in group G1 unless a row says otherwise. */
interface Customer {
  code: string;
  group: string | null;
}
const C1: Customer = { code: 'C1', group: 'G1' };

/** The policy as one set of rules. */
function wholePolicy(customer: Customer, rules: VisibilityRuleRow[]): VisibilityPolicy {
  return compileVisibilityPolicy(customer, rules);
}

/** The policy as the server builds it: the group's layer, then the customer's own. */
function layeredPolicy(customer: Customer, rules: VisibilityRuleRow[]): VisibilityPolicy {
  const groupRules = rules.filter((r) => r.customerGroup !== null);
  const ownRules = rules.filter((r) => r.customerCode !== null);
  const layers = [compileRuleSets({ code: customer.code, group: null }, ownRules)];
  if (customer.group !== null) layers.unshift(compileRuleSets({ code: null, group: customer.group }, groupRules));
  return customerPolicy(...layers);
}

// ---------------------------------------------------------------------------
// Customers.

interface CustomerRow {
  rule: string;
  customer?: Customer;
  article: VisibilityFacts;
  rules: VisibilityRuleRow[];
  visible: boolean;
}

const CUSTOMER_ROWS: CustomerRow[] = [
  // active = 1 and web_enabled = 1
  { rule: 'active = 0: invisible, whatever the rules', article: article({ active: false }), rules: [], visible: false },
  {
    rule: 'active = 0: invisible even with an ALLOW rule matching by sku',
    article: article({ active: false, restricted: true }),
    rules: [allow({ sku: 'A1' }, { customer: 'C1' })],
    visible: false,
  },
  { rule: 'web_enabled = 0: invisible, whatever the rules', article: article({ webEnabled: false }), rules: [], visible: false },
  {
    rule: 'web_enabled = 0: invisible even with an ALLOW rule matching by family for the group',
    article: article({ webEnabled: false, restricted: true }),
    rules: [allow({ family: 'F1' }, { group: 'G1' })],
    visible: false,
  },

  // restricted = 0 needs no rule
  { rule: 'restricted = 0, no rule: visible', article: article(), rules: [], visible: true },
  {
    rule: 'restricted = 0 with an ALLOW rule: still visible (ALLOW only adds)',
    article: article(),
    rules: [allow({ sku: 'A1' }, { customer: 'C1' })],
    visible: true,
  },

  // no DENY rule matches, by sku or by family, for the customer code or the group
  { rule: 'DENY by sku for the customer code: invisible', article: article(), rules: [deny({ sku: 'A1' }, { customer: 'C1' })], visible: false },
  { rule: 'DENY by sku for the group: invisible', article: article(), rules: [deny({ sku: 'A1' }, { group: 'G1' })], visible: false },
  { rule: 'DENY by family for the customer code: invisible', article: article(), rules: [deny({ family: 'F1' }, { customer: 'C1' })], visible: false },
  { rule: 'DENY by family for the group: invisible', article: article(), rules: [deny({ family: 'F1' }, { group: 'G1' })], visible: false },
  {
    rule: 'DENY beats ALLOW: restricted, ALLOW by sku and DENY by sku for the customer: invisible',
    article: article({ restricted: true }),
    rules: [allow({ sku: 'A1' }, { customer: 'C1' }), deny({ sku: 'A1' }, { customer: 'C1' })],
    visible: false,
  },
  {
    rule: "DENY beats ALLOW across audiences: the group's DENY by family hides what the customer's own ALLOW by sku admits",
    article: article({ restricted: true }),
    rules: [allow({ sku: 'A1' }, { customer: 'C1' }), deny({ family: 'F1' }, { group: 'G1' })],
    visible: false,
  },
  {
    rule: "DENY beats ALLOW across audiences: the customer's own DENY by sku hides what the group's ALLOW by family admits",
    article: article({ restricted: true }),
    rules: [allow({ family: 'F1' }, { group: 'G1' }), deny({ sku: 'A1' }, { customer: 'C1' })],
    visible: false,
  },
  {
    rule: 'DENY for another customer code does not match: visible',
    article: article(),
    rules: [deny({ sku: 'A1' }, { customer: 'C2' })],
    visible: true,
  },
  {
    rule: 'DENY for another group does not match: visible',
    article: article(),
    rules: [deny({ family: 'F1' }, { group: 'G2' })],
    visible: true,
  },
  {
    rule: 'DENY for a sku that is not the article does not match: visible',
    article: article(),
    rules: [deny({ sku: 'A2' }, { customer: 'C1' })],
    visible: true,
  },
  {
    rule: "DENY for a family that is not the article's does not match: visible",
    article: article(),
    rules: [deny({ family: 'F2' }, { customer: 'C1' })],
    visible: true,
  },
  {
    rule: 'DENY by family does not match an article without a family: visible',
    article: article({ familyCode: null }),
    rules: [deny({ family: 'F1' }, { customer: 'C1' })],
    visible: true,
  },
  {
    rule: 'a customer without a group matches no group rule: a DENY for a group leaves it visible',
    customer: { code: 'C1', group: null },
    article: article(),
    rules: [deny({ sku: 'A1' }, { group: 'G1' })],
    visible: true,
  },

  // restricted = 1 needs an ALLOW rule that matches the same way
  { rule: 'restricted = 1, no rule: invisible', article: article({ restricted: true }), rules: [], visible: false },
  {
    rule: 'restricted = 1, ALLOW by sku for the customer code: visible',
    article: article({ restricted: true }),
    rules: [allow({ sku: 'A1' }, { customer: 'C1' })],
    visible: true,
  },
  {
    rule: 'restricted = 1, ALLOW by sku for the group: visible',
    article: article({ restricted: true }),
    rules: [allow({ sku: 'A1' }, { group: 'G1' })],
    visible: true,
  },
  {
    rule: 'restricted = 1, ALLOW by family for the customer code: visible',
    article: article({ restricted: true }),
    rules: [allow({ family: 'F1' }, { customer: 'C1' })],
    visible: true,
  },
  {
    rule: 'restricted = 1, ALLOW by family for the group: visible',
    article: article({ restricted: true }),
    rules: [allow({ family: 'F1' }, { group: 'G1' })],
    visible: true,
  },
  {
    rule: 'restricted = 1, ALLOW for another customer code: invisible',
    article: article({ restricted: true }),
    rules: [allow({ sku: 'A1' }, { customer: 'C2' })],
    visible: false,
  },
  {
    rule: 'restricted = 1, ALLOW for another group: invisible',
    article: article({ restricted: true }),
    rules: [allow({ family: 'F1' }, { group: 'G2' })],
    visible: false,
  },
  {
    rule: 'restricted = 1, ALLOW for another sku: invisible',
    article: article({ restricted: true }),
    rules: [allow({ sku: 'A2' }, { customer: 'C1' })],
    visible: false,
  },
  {
    rule: 'restricted = 1, ALLOW by family does not match an article without a family: invisible',
    article: article({ restricted: true, familyCode: null }),
    rules: [allow({ family: 'F1' }, { group: 'G1' })],
    visible: false,
  },
  {
    rule: 'restricted = 1, a customer without a group matches no group ALLOW: invisible',
    customer: { code: 'C1', group: null },
    article: article({ restricted: true }),
    rules: [allow({ sku: 'A1' }, { group: 'G1' })],
    visible: false,
  },
];

for (const [build, name] of [
  [wholePolicy, 'one set of rules'],
  [layeredPolicy, 'group layer + own layer'],
] as const) {
  describe(`visibility for a customer (${name})`, () => {
    for (const row of CUSTOMER_ROWS) {
      test(row.rule, () => {
        const policy = build(row.customer ?? C1, row.rules);
        assert.equal(isVisible(policy, row.article), row.visible);
      });
    }
  });
}

// ---------------------------------------------------------------------------
// Callers that are not a customer.

describe('visibility for anonymous callers (anonymous callers match no rule)', () => {
  test('unrestricted, active, web-enabled: visible', () => {
    assert.equal(isVisible(ANONYMOUS_POLICY, article()), true);
  });
  test('restricted: invisible (no ALLOW rule can match an anonymous caller)', () => {
    assert.equal(isVisible(ANONYMOUS_POLICY, article({ restricted: true })), false);
  });
  test('active = 0: invisible', () => {
    assert.equal(isVisible(ANONYMOUS_POLICY, article({ active: false })), false);
  });
  test('web_enabled = 0: invisible', () => {
    assert.equal(isVisible(ANONYMOUS_POLICY, article({ webEnabled: false })), false);
  });
});

describe('visibility for an agent acting for nobody (graphql-api.md: every active, web-enabled article)', () => {
  test('restricted and active, web-enabled: visible', () => {
    assert.equal(isVisible(ALL_ACTIVE_POLICY, article({ restricted: true })), true);
  });
  test('active = 0: invisible', () => {
    assert.equal(isVisible(ALL_ACTIVE_POLICY, article({ active: false, restricted: true })), false);
  });
  test('web_enabled = 0: invisible', () => {
    assert.equal(isVisible(ALL_ACTIVE_POLICY, article({ webEnabled: false })), false);
  });
});

describe('compiling rules for one audience', () => {
  test('a rule addressed to another customer is ignored even when passed in', () => {
    const sets = compileRuleSets({ code: 'C1', group: 'G1' }, [deny({ sku: 'A1' }, { customer: 'C2' }), allow({ family: 'F1' }, { group: 'G2' })]);
    assert.equal(sets.denySkus.size + sets.allowFamilies.size + sets.allowSkus.size + sets.denyFamilies.size, 0);
  });
});

// ---------------------------------------------------------------------------
// The catalog narrowing may only leave out what isVisible would refuse.

describe('catalog narrowing never hides a visible article', () => {
  for (const row of CUSTOMER_ROWS.filter((r) => r.visible)) {
    test(row.rule, () => {
      const policy = layeredPolicy(row.customer ?? C1, row.rules);
      const narrowing = catalogNarrowing(policy);
      if (row.article.restricted) assert.equal(narrowing.unrestrictedOnly, false, 'a visible restricted article must not be narrowed away');
      if (row.article.familyCode !== null) assert.equal(narrowing.hiddenFamilies.has(row.article.familyCode), false);
    });
  }
  test('anonymous callers: unrestricted articles only', () => {
    assert.equal(catalogNarrowing(ANONYMOUS_POLICY).unrestrictedOnly, true);
  });
  test('an agent acting for nobody: restricted articles included', () => {
    assert.equal(catalogNarrowing(ALL_ACTIVE_POLICY).unrestrictedOnly, false);
  });
});
