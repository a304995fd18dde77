// `npm start`: the gateway from compiled JavaScript (dist/, tsconfig.build.json), built first when
// dist/ is missing or older than the sources, then run in this same process (no wrapper process).
// `npm run build` (--build-only) just builds. Without a usable build (TypeScript not installed, as
// with npm ci --omit=dev, or a failing build) it falls back to running the sources through tsx.
//
// package.json starts it as `node --max-old-space-size=1024 scripts/start.mjs`. The gateway's live
// heap is about 65 MB under load; with the default limit (several GB on a large machine) V8 lets
// the old generation grow to about 4x that before collecting (peak RSS ~390 MB at 50 connections),
// and with a 1 GB limit its growing factor is about 1.6 (peak ~220 MB), at no measurable cost in
// throughput. Raise it if a big in-memory response cache needs the room.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(ROOT, 'dist/.built');
const ENTRY = join(ROOT, 'dist/src/main.js');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'client' || entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function stale() {
  if (!existsSync(ENTRY) || !existsSync(STAMP)) return true;
  const sources = Math.max(...['src', 'generated', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => newest(join(ROOT, p))));
  return sources > statSync(STAMP).mtimeMs;
}

function build() {
  let tsc;
  try {
    tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return false; // no TypeScript (production install without dev dependencies)
  }
  const started = new Date();
  try {
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    console.error('the build failed (see above)');
    return false;
  }
  // Stamped with the build's start: a source saved during the build stays newer than the stamp.
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
  console.error(`built dist/ in ${Date.now() - started.getTime()} ms`);
  return true;
}

const buildOnly = process.argv.includes('--build-only');
const fresh = !stale() || build();
if (buildOnly) process.exitCode = fresh ? 0 : 1;
else {
  if (fresh) await import(pathToFileURL(ENTRY).href);
  else {
    console.error('no up-to-date build in dist/ (TypeScript missing or the build failed): running src/ through tsx');
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(join(ROOT, 'src/main.ts')).href);
  }
}
