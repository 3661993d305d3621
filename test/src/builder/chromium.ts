import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PATIENCE_MS } from '../harness/patience';
import { artifactsDir } from '../harness/paths';

/**
 * Debian's Chromium, headless; never a downloaded browser. Playwright gives every launch a fresh
 * throwaway profile of its own (it refuses an explicit --user-data-dir on `launch`).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Playwright's own default (30 s per wait) is a wall-clock budget a loaded machine exceeds (a publish
  // waited on Temporal for longer). Every context, and so every page (`newPage` makes its context
  // through `newContext`), waits as long as the other tests do: a wait fails only when what it awaits
  // never shows, naming the locator.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(PATIENCE_MS);
    return context;
  };
  return browser;
}

/**
 * A page in a context of its own, as a returning marketer's browser: signed in with `apiKey` (unless
 * null) and speaking `locale` (unless left to the builder's default). Closing the browser closes it.
 */
export async function openSignedInPage(
  browser: Browser,
  options: { apiKey: string | null; locale?: 'en' | 'ru'; viewport: { width: number; height: number } },
): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport });
  await context.addInitScript(
    ([key, locale]) => {
      if (key) localStorage.setItem('touchpoint.apiKey', key);
      if (locale) localStorage.setItem('touchpoint.locale', locale);
    },
    [options.apiKey, options.locale ?? null] as const,
  );
  return context.newPage();
}

/** Where browser tests save what a person would have seen. */
export function screenshotPath(name: string): string {
  const dir = path.join(artifactsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
