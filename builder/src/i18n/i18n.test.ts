import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { formatMessage, translate } from './i18n';

describe('i18n', () => {
  it('has a non-empty Russian text for every English key', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const value of Object.values(ru)) expect(value.trim()).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Version {version} of {name}', { version: 3 })).toBe('Version 3 of {name}');
    expect(translate('ru', 'editor.published', { version: 2 })).toBe('Версия 2 запущена');
  });
});
