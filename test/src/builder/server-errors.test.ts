import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { JOURNEY_TEMPLATES } from '@touchpoint/builder';
import { type BuilderServer, callAsAdmin } from './builder-server';
import { screenshotPath } from './chromium';
import { useBuilderPage, type BuilderPageWorld } from './use-builder-page';

// Errors the real API answers with, provoked through the builder in Russian: the marketer reads
// Russian, the server's English stays behind "Подробности" (details) for whoever investigates.
let server: BuilderServer;
let newPage: BuilderPageWorld['newPage'];
useBuilderPage((world) => ({ server, newPage } = world), { viewport: { width: 1440, height: 900 } });

const WIN_BACK = JOURNEY_TEMPLATES.find((template) => template.id === 'smart-trigger-win-back')!.definition;

const call = <T>(method: string, path: string, body?: unknown) => callAsAdmin<T>(server, method, path, body);

const createJourney = async (name: string) =>
  (await call<{ id: string }>('POST', '/v1/journeys', { name, definition: WIN_BACK })).id;

/** A page in Russian, signed in unless told otherwise. */
async function newRussianPage(options: { isSignedIn: boolean } = { isSignedIn: true }): Promise<Page> {
  return newPage({ locale: 'ru', apiKey: options.isSignedIn ? server.adminKey : null });
}

/** Opens the box's "Подробности" and returns the server's own words from it. */
async function serverDetail(page: Page): Promise<string> {
  const box = page.getByTestId('server-error');
  await box.getByText('Подробности').click();
  return (await box.locator('code').textContent()) ?? '';
}

describe('server errors in Russian', () => {
  it('resuming a journey archived meanwhile (409 conflict)', async () => {
    const journeyId = await createJourney('Возврат клиентов');
    await call('POST', `/v1/journeys/${journeyId}/publish`);
    await call('POST', `/v1/journeys/${journeyId}/pause`);
    const page = await newRussianPage();
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    const resume = page.getByRole('button', { name: 'Возобновить' });
    await resume.waitFor();

    await call('POST', `/v1/journeys/${journeyId}/archive`);
    await resume.click();
    const box = page.getByTestId('server-error');
    await box.getByText('Не удалось возобновить цепочку: В текущем состоянии это сделать нельзя').waitFor();
    expect(await box.locator('p').textContent()).not.toMatch(/cannot|archived/);
    expect(await serverDetail(page)).toContain('cannot resume a journey that is archived');
    await page.screenshot({ path: screenshotPath('builder-40-error-resume-archived-ru') });
  });

  it('publishing a journey the server refuses (archived while the dialog was open)', async () => {
    const journeyId = await createJourney('Приветствие');
    const page = await newRussianPage();
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByRole('button', { name: 'Опубликовать', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Публикация новой версии' });
    await dialog.waitFor();

    await call('POST', `/v1/journeys/${journeyId}/archive`);
    await dialog.getByRole('button', { name: 'Опубликовать версию 1' }).click();
    await dialog.getByText('Не удалось опубликовать: В текущем состоянии это сделать нельзя').waitFor();
    expect(await serverDetail(page)).toContain('an archived journey cannot be edited');
    await page.screenshot({ path: screenshotPath('builder-41-error-publish-refused-ru') });
  });

  it('a name the server finds too long (400) names the field', async () => {
    const journeyId = await createJourney('Короткое имя');
    const page = await newRussianPage();
    await page.goto(`${server.url}/#/journeys/${journeyId}`);
    await page.getByLabel('Название цепочки').fill('Очень длинное название '.repeat(10));
    const saveState = page.locator('.save-state');
    await saveState
      .getByText('Не удалось сохранить: Сервер не принял: Название цепочки. Проверьте и попробуйте ещё раз.')
      .waitFor();
    expect(await saveState.getAttribute('title')).toMatch(/\nbody\.name: .* \(request /);
    await page.screenshot({ path: screenshotPath('builder-42-error-name-too-long-ru') });
  });

  it('a journey that does not exist (404) and a wrong key (401)', async () => {
    const page = await newRussianPage();
    await page.goto(`${server.url}/#/journeys/${randomUUID()}`);
    await page.getByTestId('server-error').getByText('Не найдено: возможно, это удалили.').waitFor();
    await page.getByRole('button', { name: 'Повторить' }).waitFor();
    expect(await serverDetail(page)).toContain('no journey');
    await page.screenshot({ path: screenshotPath('builder-43-error-not-found-ru') });

    const signedOut = await newRussianPage({ isSignedIn: false });
    await signedOut.goto(`${server.url}/#/journeys`);
    await signedOut.getByTestId('api-key').fill('not-the-key');
    await signedOut.getByRole('button', { name: 'Войти' }).click();
    await signedOut.getByRole('alert').getByText('Ключ не подошёл').waitFor();
    await signedOut.screenshot({ path: screenshotPath('builder-44-error-wrong-key-ru') });
  });
});
