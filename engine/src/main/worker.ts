// The worker process: journey workflows and one activity worker per channel queue (docker-compose `worker`).
import { runEntrypoint } from './run-entrypoint';

await runEntrypoint('worker');
