// The only file that reads process.env and opens a port.
import { createServer } from 'node:http';
import { createCloposClient } from './clopos/client.js';
import type { CloposCredentials } from './clopos/api.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startSandbox } from './sandbox/index.js';
import type { RunningSandbox } from './sandbox/contract.js';
import { createGateway } from './server.js';

async function upstream(config: Config): Promise<{ baseUrl: string; credentials: CloposCredentials; sandbox?: RunningSandbox }> {
  if (config.clopos) return config.clopos;
  // No CLOPOS_BASE_URL: run against the embedded sandbox, with orders moving on their own.
  const sandbox = await startSandbox({ demo: true });
  const { client_id, client_secret, brand, integrator_id } = sandbox.credentials;
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { clientId: client_id, clientSecret: client_secret, brand, integratorId: integrator_id },
    sandbox,
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { baseUrl, credentials, sandbox } = await upstream(config);
  const clopos = createCloposClient({ baseUrl, credentials, timeoutMs: config.cloposTimeoutMs });
  const yoga = createGateway({ clopos, apiKeys: config.apiKeys, requestTimeoutMs: config.requestTimeoutMs, persistedOnly: config.persistedOnly });
  const server = createServer(yoga);
  server.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`clopos-graphql: GraphQL and GraphiQL at http://localhost:${port}/graphql`);
    console.log(sandbox ? `Upstream: embedded Clopos sandbox at ${sandbox.baseUrl} (demo orders)` : `Upstream: ${new URL(baseUrl).origin}`);
  });

  const stop = () => {
    server.close(() => {
      void sandbox?.close().finally(() => process.exit(0));
      if (!sandbox) process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
