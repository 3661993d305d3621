import { describe, expect, it } from 'vitest';
import { UpdateClientNode } from '@touchpoint/language';
import { attributesToRows, rowsToAttributes } from './update-client-model';

describe('update-client form model', () => {
  it('turns typed rows into attributes the schema accepts, numbers and yes/no typed as such', () => {
    const setAttributes = rowsToAttributes([
      { key: 'status', value: 'lapsed' },
      { key: ' score ', value: '42' },
      { key: 'subscribed', value: 'false' },
      { key: 'code', value: '"007"' },
      { key: '', value: 'not saved until named' },
    ]);
    expect(setAttributes).toEqual({ status: 'lapsed', score: 42, subscribed: false, code: '007' });
    const node = { id: 'u', kind: 'updateClient', config: { setAttributes, addTags: ['vip'] } };
    expect(UpdateClientNode.safeParse(node).success).toBe(true);
  });

  it('round-trips saved attributes, including lists and objects written as JSON', () => {
    const saved = {
      status: 'lapsed',
      score: 42,
      subscribed: false,
      code: '007',
      prefs: { sms: true },
      ids: [1],
    };
    const rows = attributesToRows(saved);
    expect(rows.map((row) => row.key)).toEqual(Object.keys(saved));
    expect(rows.find((row) => row.key === 'code')?.value).toBe('"007"');
    expect(rowsToAttributes(rows)).toEqual(saved);
  });

  it('keeps a text that only starts with a bracket as text', () => {
    expect(rowsToAttributes([{ key: 'note', value: '[draft' }])).toEqual({ note: '[draft' });
  });

  it('shows no rows for a missing or malformed config', () => {
    expect(attributesToRows(undefined)).toEqual([]);
    expect(attributesToRows(['x'])).toEqual([]);
  });
});
