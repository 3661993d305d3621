import { describe, expect, it } from 'vitest';
import { SEED_004_JOURNEY } from './examples';
import { listTemplateReferences, listTemplateUses } from './template-references';

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

describe('listTemplateUses', () => {
  it('names each step with the channels its send may try, rung by rung on a ladder', () => {
    const uses = listTemplateUses(SEED_004_JOURNEY);
    expect(uses.map((use) => use.templateId)).toEqual(['remind', 'stimulate', 'sms-offer', 'call-script']);
    expect(uses.every((use) => use.channels.length > 0)).toBe(true);
  });

  it("keeps a send's fallback channels, so each variant it needs is known", () => {
    const definition = {
      schemaVersion: 1,
      nodes: [
        {
          id: 's',
          name: 'Welcome mail',
          kind: 'send',
          config: { channels: ['email', 'sms'], templateId: 'welcome' },
        },
      ],
      edges: [],
    };
    expect(listTemplateUses(definition)).toEqual([
      { nodeId: 's', nodeName: 'Welcome mail', templateId: 'welcome', channels: ['email', 'sms'] },
    ]);
  });
});
