import { describe, expect, it } from 'vitest';
import { addTracking, buildUnsubscribeHeaders } from './tracking';
import { signTrackingToken, verifyTrackingToken } from './tracking-token';

const config = { baseUrl: 'https://tp.example.com/', secret: 's3cret' };

describe('tracking tokens', () => {
  it('round-trips a signed click payload', () => {
    const token = signTrackingToken(
      { messageId: 'm1', action: 'click', url: 'https://shop.example.com/a?b=1' },
      's3cret',
    );
    expect(verifyTrackingToken(token, 's3cret')).toEqual({
      messageId: 'm1',
      action: 'click',
      url: 'https://shop.example.com/a?b=1',
    });
  });

  it('refuses a token signed with another secret or altered in transit', () => {
    const token = signTrackingToken({ messageId: 'm1', action: 'open' }, 's3cret');
    expect(verifyTrackingToken(token, 'other')).toBeNull();
    const forged = Buffer.from(JSON.stringify({ messageId: 'm2', action: 'open' })).toString('base64url');
    expect(verifyTrackingToken(`${forged}.${token.split('.')[1]}`, 's3cret')).toBeNull();
    expect(verifyTrackingToken('garbage', 's3cret')).toBeNull();
  });
});

describe('addTracking', () => {
  it('routes http links through the click tracker, keeps mailto, and appends the open pixel', () => {
    const html =
      '<html><body><a href="https://shop.example.com/?a=1&amp;b=2">Shop</a> <a href="mailto:x@y.z">Mail</a></body></html>';
    const tracked = addTracking(html, 'm1', config);
    const click = /href="https:\/\/tp\.example\.com\/t\/c\/([^"]+)"/.exec(tracked);
    expect(click).not.toBeNull();
    expect(verifyTrackingToken(click![1]!, 's3cret')).toMatchObject({
      action: 'click',
      url: 'https://shop.example.com/?a=1&b=2',
    });
    expect(tracked).toContain('href="mailto:x@y.z"');
    expect(tracked).toMatch(
      /<img src="https:\/\/tp\.example\.com\/t\/o\/[^"]+" width="1" height="1"[^>]*><\/body>/,
    );
  });
});

describe('buildUnsubscribeHeaders', () => {
  it('offers one-click unsubscribe with an https and a mailto target', () => {
    const headers = buildUnsubscribeHeaders('m1', config, 'unsubscribe@tp.example.com');
    expect(headers['List-Unsubscribe']).toMatch(
      /^<mailto:unsubscribe@tp\.example\.com\?subject=unsubscribe>, <https:\/\/tp\.example\.com\/t\/u\/.+>$/,
    );
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });
});
