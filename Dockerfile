# The Touchpoint service image: Node 22, runs as the unprivileged `node` user.
FROM node:22-bookworm-slim
WORKDIR /app
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node sql/package.json sql/
COPY --chown=node:node seed/package.json seed/
COPY --chown=node:node datasource/package.json datasource/
COPY --chown=node:node plugin/package.json plugin/
COPY --chown=node:node tests/package.json tests/
RUN npm ci --omit=dev --no-audit --no-fund
COPY --chown=node:node . .
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV TOUCHPOINT_DB=/app/data/touchpoint.duckdb
VOLUME ["/app/data"]
CMD ["node", "bin/touchpoint.js", "demo"]
