# The gateway's container image (README "Deployment"): built in one stage with every dependency,
# run in another with only the compiled JavaScript, production dependencies and the two data
# folders it reads at start-up (schema/*.graphql, the trusted-documents manifest).
#
#   docker build -t clopos-graphql .          (or podman build; CI: deploy/ci-container.sh)
#
# BASE is any image with Node >= 20.19 and npm on the PATH. The default is the official Debian
# slim image; CI passes one it builds offline (deploy/ci-container.sh), because no public
# registry is reachable there.
ARG BASE=node:24-bookworm-slim

FROM ${BASE} AS build
# Only for a network whose TLS is inspected by a proxy: a CA file npm should trust, mounted into
# the build (deploy/ci-container.sh does this). Unset, as usual, it changes nothing.
ARG NODE_EXTRA_CA_CERTS
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/start.mjs ./scripts/
COPY src ./src
COPY generated ./generated
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${BASE}
WORKDIR /app
ENV NODE_ENV=production PORT=4000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY schema/*.graphql ./schema/
COPY generated/client/persisted-documents.json ./generated/client/
# Not root, and not the owner of its own code (everything above is root's, read-only to it).
# 1000 is the `node` user of the official images; numeric, so a base without it works too.
USER 1000:1000
EXPOSE 4000
# Ready = accepting, breaker closed, Redis reachable (src/http/endpoints.ts). The slim images have
# no curl: Node's fetch does it. It asks 127.0.0.1, so HOST must be unset, 0.0.0.0 or 127.0.0.1.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readiness').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The heap limit `npm start` uses (scripts/start.mjs says why). SIGTERM drains (src/main.ts).
CMD ["node", "--max-old-space-size=1024", "dist/src/main.js"]
