import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBuilderServer, type BuilderServer, type BuilderServerOptions } from './builder-server';
import { launchChromium, openSignedInPage } from './chromium';

/** What a browser test drives: the built builder behind a real API, and Debian's Chromium. */
export interface BuilderPageWorld {
  server: BuilderServer;
  browser: Browser;
  /** A page signed in with the admin key, in the builder's default language. */
  page: Page;
  /** A fresh page of its own context (closed with the world): signed in unless `apiKey` is null. */
  newPage(options?: { locale?: 'en' | 'ru'; apiKey?: string | null; viewport?: Viewport }): Promise<Page>;
}

type Viewport = { width: number; height: number };

export interface UseBuilderPageOptions {
  /** The server's options, or what makes them once the test starts (sandboxes it starts first). */
  server?: BuilderServerOptions | (() => Promise<BuilderServerOptions>);
  /** Rows the story needs, written before the browser opens (through the API or `server.db`). */
  seed?: (server: BuilderServer) => Promise<void>;
  /** Of `page` and, unless told otherwise, of every `newPage` (default 1400x900). */
  viewport?: Viewport;
}

/**
 * Starts the builder server and Chromium once for the test file and stops both after it: every
 * browser test's setup in one place. `ready` receives the world when it is up (before the first test).
 */
export function useBuilderPage(
  ready: (world: BuilderPageWorld) => void,
  options: UseBuilderPageOptions = {},
) {
  const viewport = options.viewport ?? { width: 1400, height: 900 };
  let server: BuilderServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const serverOptions = typeof options.server === 'function' ? await options.server() : options.server;
    const started = await startBuilderServer(serverOptions);
    server = started;
    await options.seed?.(started);
    const chromium = await launchChromium();
    browser = chromium;
    const newPage: BuilderPageWorld['newPage'] = (pageOptions = {}) =>
      openSignedInPage(chromium, {
        apiKey: pageOptions.apiKey === undefined ? started.adminKey : pageOptions.apiKey,
        ...(pageOptions.locale ? { locale: pageOptions.locale } : {}),
        viewport: pageOptions.viewport ?? viewport,
      });
    const page = await chromium.newPage({ viewport });
    await page.addInitScript((key) => localStorage.setItem('touchpoint.apiKey', key), started.adminKey);
    ready({ server: started, browser: chromium, page, newPage });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
