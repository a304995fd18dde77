// `npm run sandbox:clover`: the Clover sandbox on its own, for frontend developers working offline.
// Reads its environment once here and fails fast naming the variable at fault.
import { startCloverSandbox } from './index.js';

function readPort(): number {
  const raw = process.env.SANDBOX_PORT;
  if (raw === undefined || raw === '') return 4020;
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65_535)) throw new Error(`SANDBOX_PORT must be a port number (0-65535), got "${raw}"`);
  return port;
}

function readDemo(): boolean {
  const raw = (process.env.SANDBOX_DEMO ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`SANDBOX_DEMO must be true or false, got "${process.env.SANDBOX_DEMO ?? ''}"`);
}

async function main(): Promise<void> {
  const demo = readDemo();
  const sandbox = await startCloverSandbox({ port: readPort(), demo, enforceRateLimits: process.env.SANDBOX_ENFORCE_LIMITS === 'true' });
  const { baseUrl, merchantId, token, oauth } = sandbox;
  console.log(`Clover sandbox listening at ${baseUrl}${demo ? ' (demo mode: orders change every 5 s)' : ''}`);
  console.log(`  CLOVER_BASE_URL=${baseUrl}`);
  console.log(`  CLOVER_MERCHANT_ID=${merchantId}`);
  console.log(`  CLOVER_API_TOKEN=${token}`);
  console.log(`  (OAuth: CLOVER_APP_ID=${oauth.appId} CLOVER_REFRESH_TOKEN=${oauth.refreshToken})`);
  console.log('\nTry:');
  console.log(`  curl -s "${baseUrl}/v3/merchants/${merchantId}/orders?limit=5&expand=lineItems&filter=state%3Dopen" -H "Authorization: Bearer ${token}"`);
  console.log(`\nControls (no token): ${baseUrl}/__sandbox/{faults,orders,requests,requests/counts,reset,demo,permissions,oauth}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
