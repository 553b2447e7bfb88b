/**
 * The stock deployment a team would assemble in an afternoon, as the
 * yardstick of Ponte's gateway mode (issue 10, `npm run bench -- --only
 * gateway`): a stock `@apollo/gateway` in its own process in front of Ponte
 * (a plain subgraph, over HTTP) and the content subgraph.
 *
 * Nothing is tuned: the supergraph is composed once at start with
 * `@apollo/composition` from both subgraphs' `_service { sdl }`, every
 * subgraph is a default `RemoteGraphQLDataSource`, and the server is
 * `@apollo/server/standalone`. The only addition is the one every team needs
 * in front of Ponte: the caller's `Authorization` (and `X-Acting-Customer`)
 * forwarded to Ponte, and to Ponte only.
 *
 * Environment: PONTE_URL and CONTENT_URL (the subgraphs' /graphql),
 * PONTE_SERVICE_TOKEN (Ponte answers `_service` to a service token only),
 * HOST (default 127.0.0.1) and PORT (default 4100).
 * Depends on nothing in src/: it is what a team would write, not Ponte.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';

interface Context {
  authorization?: string;
  actingCustomer?: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function sdlOf(url: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } }; errors?: Array<{ message: string }> };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url}: no _service.sdl (HTTP ${res.status}${body.errors ? `, ${body.errors[0]?.message}` : ''})`);
  return sdl;
}

async function main(): Promise<void> {
  const ponteUrl = required('PONTE_URL');
  const contentUrl = required('CONTENT_URL');
  const serviceToken = required('PONTE_SERVICE_TOKEN');
  const subgraphs = [
    { name: 'ponte', url: ponteUrl, typeDefs: parse(await sdlOf(ponteUrl, { authorization: `Bearer ${serviceToken}` })) },
    { name: 'content', url: contentUrl, typeDefs: parse(await sdlOf(contentUrl, {})) },
  ];
  const composed = composeServices(subgraphs);
  if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((e) => e.message).join('\n')}`);

  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          if (name !== 'ponte') return;
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          if (context.actingCustomer) request.http?.headers.set('x-acting-customer', context.actingCustomer);
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4100) },
    context: async ({ req }) => {
      const header = (n: string) => {
        const v = req.headers[n];
        return Array.isArray(v) ? v[0] : v;
      };
      return { authorization: header('authorization'), actingCustomer: header('x-acting-customer') };
    },
  });
  process.stderr.write(`stock gateway listening at ${url}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
