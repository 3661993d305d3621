import { describe, expect, it } from 'vitest';
import {
  applyLiquidCompletion,
  clientAttributeVariables,
  findLiquidCompletion,
  suggestLiquidVariables,
} from './liquid-completion';

describe('Liquid variable completion', () => {
  it('finds the name being typed inside an open {{', () => {
    expect(findLiquidCompletion('Hi {{ cli', 9)).toEqual({ start: 6, typed: 'cli' });
    expect(findLiquidCompletion('Hi {{', 5)).toEqual({ start: 5, typed: '' });
  });

  it('offers nothing in plain text, after a closed tag, or in a filter', () => {
    expect(findLiquidCompletion('Hi client', 9)).toBeNull();
    expect(findLiquidCompletion('{{ client.email }} and', 22)).toBeNull();
    expect(findLiquidCompletion('{{ client.email | upc', 21)).toBeNull();
  });

  it('suggests variables by prefix, ignoring case, without the one already typed in full', () => {
    expect(suggestLiquidVariables('offer.v')).toEqual(['offer.value', 'offer.validUntil']);
    expect(suggestLiquidVariables('CLIENT.E')).toEqual(['client.email', 'client.externalId']);
    expect(suggestLiquidVariables('journey.id')).toEqual([]);
  });

  it('replaces the typed name and closes the tag, caret after it', () => {
    const text = 'Hi {{ cli, welcome';
    const completion = findLiquidCompletion(text, 9)!;
    expect(applyLiquidCompletion(text, 9, completion, 'client.firstName')).toEqual({
      text: 'Hi {{ client.firstName }}, welcome',
      caret: 25,
    });
  });

  it('reuses closing braces already there instead of doubling them', () => {
    const text = 'Hi {{ cl }}!';
    const completion = findLiquidCompletion(text, 8)!;
    expect(applyLiquidCompletion(text, 8, completion, 'client.email').text).toBe('Hi {{ client.email }}!');
  });

  it("offers a real client's own attribute names", () => {
    expect(clientAttributeVariables({ city: 'Kazan', 'bad key': 1, tier: 'gold' })).toEqual([
      'client.city',
      'client.tier',
    ]);
  });
});
