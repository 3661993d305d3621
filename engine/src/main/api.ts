// The API process: fastify with the router and the built builder (docker-compose `api`).
import { runEntrypoint } from './run-entrypoint';

await runEntrypoint('api');
