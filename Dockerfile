# syntax=docker/dockerfile:1
# One image for the API (which also serves the built builder) and the worker, running compiled
# JavaScript: `npm run build:server` bundles our TypeScript into dist/server (entrypoints, prebuilt
# workflow bundles, migrations); the runtime stage holds production npm packages and that, nothing else.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY db/package.json db/
COPY channels/package.json channels/
COPY activities/package.json activities/
COPY engine/package.json engine/
COPY builder/package.json builder/
COPY test/package.json test/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build -w @touchpoint/builder && npm run build:server
# Temporal's time-skipping test server, which "Test a path" runs journeys on (engine/src/simulation),
# fetched by the project's own installer as for the tests.
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip \
  && bash scripts/install-tools.sh test-server

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY db/package.json db/
COPY channels/package.json channels/
COPY activities/package.json activities/
COPY engine/package.json engine/
COPY builder/package.json builder/
COPY test/package.json test/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/server dist/server
COPY --from=build /app/builder/dist builder/dist
COPY --from=build /app/.tools/bin/temporal-test-server .tools/bin/temporal-test-server
ENV TOUCHPOINT_TOOLS_DIR=/app/.tools
USER node
EXPOSE 3000 3001
CMD ["node", "dist/server/main/api.mjs"]
