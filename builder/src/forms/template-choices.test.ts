import { describe, expect, it } from 'vitest';
import type { TemplateDetail } from '../api/schemas';
import { listTemplateChoices } from './template-choices';

const row = (id: string, key: string, channel: TemplateDetail['channel'], name = key): TemplateDetail => ({
  id,
  key,
  channel,
  name,
  format: channel === 'email' ? 'mjml' : 'text',
  subject: null,
  body: 'x',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('listTemplateChoices', () => {
  const rows = [
    row('1', 'welcome', 'email', 'Welcome'),
    row('2', 'welcome', 'sms', 'Welcome'),
    row('3', 'remind', 'sms', 'A reminder'),
    row('4', 'script', 'call', 'Call script'),
  ];

  it("offers only keys with a variant for each of the step's channels", () => {
    expect(listTemplateChoices(rows, ['email']).map((choice) => choice.key)).toEqual(['welcome']);
    expect(listTemplateChoices(rows, ['sms']).map((choice) => choice.key)).toEqual(['remind', 'welcome']);
    expect(listTemplateChoices(rows, ['email', 'sms']).map((choice) => choice.key)).toEqual(['welcome']);
    expect(listTemplateChoices(rows, ['webhook'])).toEqual([]);
  });

  it('keeps each variant id, for the preview of the channel tried first', () => {
    expect(listTemplateChoices(rows, ['sms', 'email'])[0]?.variants).toEqual({ email: '1', sms: '2' });
  });
});
