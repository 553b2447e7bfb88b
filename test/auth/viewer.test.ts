/**
 * viewer (issue 12): who is calling, the agent it is and the customer it
 * acts for, for every kind of caller. An agent, for whom `me` is null
 * without X-Acting-Customer, can ask who it is.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { LINKS_NOW, linksFixture } from '../orders/linksFixture';

const VIEWER = '{ viewer { role agent { code name email } actingCustomer { code companyName } } }';

let server: TestServer;

before(async () => {
  server = await startTestServer(linksFixture(), { now: LINKS_NOW });
});
after(async () => {
  await server.close();
});

async function viewer(auth: { token?: string; acting?: string } = {}) {
  const res = await server.gql(VIEWER, auth);
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.viewer;
}

const AG1 = { code: 'AG1', name: 'Agente Uno', email: 'uno@example.com' };
const C1 = { code: 'C1', companyName: 'Cliente C1 S.r.l.' };

describe('viewer', () => {
  test('anonymous: role ANONYMOUS, no agent, acting for nobody', async () => {
    assert.deepEqual(await viewer(), { role: 'ANONYMOUS', agent: null, actingCustomer: null });
  });

  test('a customer: role CUSTOMER, acting for itself', async () => {
    const token = await server.token({ role: 'customer', customer: 'C1' });
    assert.deepEqual(await viewer({ token }), { role: 'CUSTOMER', agent: null, actingCustomer: C1 });
  });

  test('an agent without X-Acting-Customer: role AGENT, itself from ecom_agents, acting for nobody', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    assert.deepEqual(await viewer({ token }), { role: 'AGENT', agent: AG1, actingCustomer: null });
  });

  test('an agent acting for a customer it follows: that customer', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    assert.deepEqual(await viewer({ token, acting: 'C1' }), { role: 'AGENT', agent: AG1, actingCustomer: C1 });
  });

  test('an agent acting for a customer it does not follow is FORBIDDEN, as everywhere', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    const res = await server.gql(VIEWER, { token, acting: 'C2' });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('an agent code the ERP does not know: role AGENT, agent null', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG9' });
    assert.deepEqual(await viewer({ token }), { role: 'AGENT', agent: null, actingCustomer: null });
  });

  test('a service without a customer: role SERVICE, acting for nobody', async () => {
    const token = await server.token({ role: 'service' });
    assert.deepEqual(await viewer({ token }), { role: 'SERVICE', agent: null, actingCustomer: null });
  });

  test('a service acting for a customer (its claim, or the header)', async () => {
    const claim = await server.token({ role: 'service', customer: 'C1' });
    assert.deepEqual(await viewer({ token: claim }), { role: 'SERVICE', agent: null, actingCustomer: C1 });
    const header = await server.token({ role: 'service' });
    assert.deepEqual((await viewer({ token: header, acting: 'C2' })).actingCustomer, { code: 'C2', companyName: 'Cliente C2 S.r.l.' });
  });

  test('the agent is read once and then held: asking again costs no ERP round trip', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    const query = '{ viewer { agent { code } } }';
    await server.gql(query, { token });
    const again = await server.gql(query, { token });
    assert.equal(again.body.data.viewer.agent.code, 'AG1');
    assert.equal(again.erpCalls, 0);
  });

  test('role alone reads nothing from the ERP', async () => {
    const token = await server.token({ role: 'customer', customer: 'C2' });
    const res = await server.gql('{ viewer { role } }', { token });
    assert.deepEqual(res.body.data.viewer, { role: 'CUSTOMER' });
    assert.equal(res.erpCalls, 0);
  });
});
