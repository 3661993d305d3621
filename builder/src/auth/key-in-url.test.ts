import { describe, expect, it } from 'vitest';
import { formatSignInUrl, takeKeyFromHash } from './key-in-url';

describe('the API key in the sign-in link', () => {
  it('takes the key and leaves the page the link pointed at', () => {
    expect(takeKeyFromHash('#/?key=tp_admin_abc')).toEqual({ key: 'tp_admin_abc', hash: '#/' });
    expect(takeKeyFromHash('#/journeys/j1?key=k1&tab=stats')).toEqual({
      key: 'k1',
      hash: '#/journeys/j1?tab=stats',
    });
  });

  it('leaves hashes without a key alone and ignores a blank key', () => {
    expect(takeKeyFromHash('#/journeys')).toEqual({ key: null, hash: '#/journeys' });
    expect(takeKeyFromHash('')).toEqual({ key: null, hash: '' });
    expect(takeKeyFromHash('#/?key=%20')).toEqual({ key: null, hash: '#/' });
  });

  it('round-trips keys with characters a URL escapes', () => {
    const key = 'tp_admin_a+b/c=d&e';
    const url = formatSignInUrl('http://127.0.0.1:3000/', key);
    expect(url).toBe('http://127.0.0.1:3000/#/?key=tp_admin_a%2Bb%2Fc%3Dd%26e');
    expect(takeKeyFromHash(new URL(url).hash).key).toBe(key);
  });
});
