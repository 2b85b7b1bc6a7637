# syntax=docker/dockerfile:1
# tillbot: one image for every role (api, bot, jobs), the migrate step and the demo's sandbox gateway.
#   docker build -t tillbot .          docker compose up (see docker-compose.yml)

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: all dependencies (better-sqlite3 may compile: toolchain here only), TypeScript → dist/ ---------------
FROM ${NODE_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY main.ts ./
COPY domain ./domain
COPY infrastructure ./infrastructure
COPY api ./api
COPY bot ./bot
COPY jobs ./jobs
COPY scripts ./scripts
RUN npm run build \
 # Runtime static files next to the compiled modules that serve them (the chat page finds them there first).
 && cp -r infrastructure/telegram/local-chat/public dist/infrastructure/telegram/local-chat/public \
 # Production dependencies only; the native module built above stays.
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime: node, production node_modules, dist/, nothing else; not root ---------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./package.json
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# The only writable places: /app/data (local secrets, the embedded SQLite file) and /sandbox (the demo gateway's keys;
# a new named volume mounted there takes this ownership). The code stays root-owned, so the app cannot rewrite it.
RUN mkdir -p /app/data /sandbox && chown node:node /app/data /sandbox
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# Liveness of the HTTP role (/healthz answers without touching the database; /readyz checks MySQL and Redis).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (main.ts closes the bot, the API, then the database).
CMD ["node", "dist/main.js"]
