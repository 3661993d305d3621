import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/database';
import { runSendBenchmark } from '../bench/send-bench';

describe('send benchmark', () => {
  it('measures the full send path and a raw nodemailer loop against one SMTP server', async () => {
    const database = await createTestDatabase();
    try {
      const result = await runSendBenchmark({ messages: 300, concurrency: 25, databaseUrl: database.url });
      console.info(`send bench: ${JSON.stringify(result)}`);
      expect(result).toMatchObject({ messages: 300, database: 'postgres' });
      expect(result.endToEndSendsPerSecond).toBeGreaterThan(0);
      expect(result.ratio).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });
});
