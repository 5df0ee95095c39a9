# The Touchpoint service image: Node 22, runs as the unprivileged `node` user.
# An exact tag, so a rebuild gets the same Node and Debian as the last one.
FROM node:22.20.0-bookworm-slim
WORKDIR /app
# /app belongs to `node` so that everything below, npm install included, runs
# without root.
RUN chown node:node /app
USER node

# The manifests alone first, so the dependency layer is rebuilt only when they
# change. npm needs the package.json of every workspace the root lists
# (tests/e2e/composeConfig.e2e.ts checks that none is missing).
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node sql/package.json sql/
COPY --chown=node:node seed/package.json seed/
COPY --chown=node:node datasource/contract/package.json datasource/contract/
COPY --chown=node:node datasource/server/package.json datasource/server/
COPY --chown=node:node datasource/cli/package.json datasource/cli/
COPY --chown=node:node datasource/grafana/package.json datasource/grafana/
COPY --chown=node:node plugin/package.json plugin/
COPY --chown=node:node preview/package.json preview/
COPY --chown=node:node tests/package.json tests/
# Not `npm ci`: npm leaves other platforms' optional binaries (DuckDB, swc) out
# of the lockfile and `npm ci` then refuses it (see .ci/run). `npm install`
# still installs the versions the lockfile pins.
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .
# Created here, owned by `node`, so a new named volume mounted on it starts
# out writable by the service.
RUN mkdir -p /app/data
ENV TOUCHPOINT_DB=/app/data/touchpoint.duckdb
VOLUME ["/app/data"]
# HTTP, and PostgreSQL when TOUCHPOINT_PG_PORT asks for it (docker-compose.yml does).
EXPOSE 7400 5432
# Seeds the warehouse on first start, then serves it (read-only) until
# SIGTERM. Inside a container the service must listen beyond loopback.
CMD ["node", "bin/touchpoint.js", "demo", "--no-preview", "--host", "0.0.0.0"]
