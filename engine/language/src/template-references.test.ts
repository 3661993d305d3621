import { describe, expect, it } from 'vitest';
import { SEED_004_JOURNEY } from './examples';
import { listTemplateReferences } from './template-references';

describe('listTemplateReferences', () => {
  it("lists every ladder rung's template once, in order", () => {
    expect(listTemplateReferences(SEED_004_JOURNEY)).toEqual([
      'remind',
      'stimulate',
      'sms-offer',
      'call-script',
    ]);
  });

  it('lists a send and skips a node that does not parse', () => {
    const definition = {
      schemaVersion: 1,
      nodes: [
        { id: 's', kind: 'send', config: { channels: ['email'], templateId: 'welcome' } },
        { id: 'broken', kind: 'send', config: { channels: [] } },
        { id: 't', kind: 'send', config: { channels: ['sms'], templateId: 'welcome' } },
      ],
      edges: [],
    };
    expect(listTemplateReferences(definition)).toEqual(['welcome']);
  });
});
