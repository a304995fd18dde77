// `npm run sandbox`: the sandbox on its own, for frontend developers working offline.
// Reads its environment once here and fails fast naming the variable at fault.
import { DEFAULT_CREDENTIALS, startSandbox } from './index.js';

function readPort(): number {
  const raw = process.env.SANDBOX_PORT;
  if (raw === undefined || raw === '') return 4010;
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

/** SANDBOX_HOST: 127.0.0.1 by default; 0.0.0.0 in a container that other containers reach (deploy/compose.yaml). */
function readHost(): string {
  return process.env.SANDBOX_HOST?.trim() || '127.0.0.1';
}

async function main(): Promise<void> {
  const demo = readDemo();
  const sandbox = await startSandbox({ port: readPort(), host: readHost(), credentials: { ...DEFAULT_CREDENTIALS }, demo });
  const { baseUrl, credentials } = sandbox;
  const origin = new URL(baseUrl).origin;
  console.log(`Clopos sandbox listening at ${baseUrl}${demo ? ' (demo mode: orders move every 5 s)' : ''}`);
  console.log('Credentials it accepts on POST /auth:');
  for (const [key, value] of Object.entries(credentials)) console.log(`  ${key.padEnd(14)} ${value}`);
  console.log('\nTry:');
  console.log(`  TOKEN=$(curl -s ${baseUrl}/auth -H 'Content-Type: application/json' \\`);
  console.log(`    -d '${JSON.stringify(credentials)}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')`);
  console.log(`  curl -s --globoff "${baseUrl}/orders?limit=5&status=PENDING&with[0]=receipt" -H "x-token: $TOKEN"`);
  console.log(`\nControls (no token): ${origin}/__sandbox/{faults,orders,requests,reset,demo}`);

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
