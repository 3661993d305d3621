# One image for the API (which also serves the built builder) and the worker.
FROM node:20-bookworm-slim
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
RUN npm run build -w @touchpoint/builder
ENV NODE_ENV=production
USER node
