export { createTestDatabase, type TestDatabase } from './harness/database';
