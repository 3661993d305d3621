import { describe, expect, it } from 'vitest';
import { PREVIEW_POLICY, toSafePreviewHtml } from './safe-mail-html';

const TAG = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_POLICY}">`;

describe('the sent-mail preview', () => {
  it('puts a no-network policy before every tag of the mail, after its doctype', () => {
    expect(toSafePreviewHtml('<!DOCTYPE html><html><body>Hi</body></html>')).toBe(
      `<!DOCTYPE html>${TAG}<html><body>Hi</body></html>`,
    );
    expect(toSafePreviewHtml('<p>Hi <img src="http://x/pixel.gif"></p>')).toBe(
      `${TAG}<p>Hi <img src="http://x/pixel.gif"></p>`,
    );
  });

  it('allows no remote images, scripts or frames', () => {
    expect(PREVIEW_POLICY).toContain("default-src 'none'");
    expect(PREVIEW_POLICY).toContain('img-src data:');
    expect(PREVIEW_POLICY).not.toMatch(/http|\*/);
  });
});
