import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_ERROR_STATUS, ApiErrorBody as ServerErrorBody } from '@touchpoint/engine/api/api-error';
import { translate, type Locale, type MessageKey } from '../i18n/i18n';
import { ApiError } from './client';
import {
  API_ERROR_CODES,
  describeApiError,
  describeIssuePath,
  type ApiErrorCode,
} from './describe-api-error';

const tIn = (locale: Locale) => (key: MessageKey, values?: Record<string, string | number>) =>
  translate(locale, key, values);
const en = tIn('en');
const ru = tIn('ru');

/** An answer as the API's error handler sends it (checked against the engine's own schema). */
function answer(code: ApiErrorCode, message: string, extra: Partial<ServerErrorBody> = {}): ApiError {
  const body = ServerErrorBody.parse({ code, message, requestId: 'req-1', ...extra });
  return new ApiError(API_ERROR_STATUS[code], message, body);
}

const EXPECTED: Record<ApiErrorCode, { en: string; ru: string }> = {
  validation_failed: { en: 'The server did not accept the data', ru: 'Сервер не принял данные' },
  malformed_json: { en: 'could not read the request', ru: 'не смог прочитать запрос' },
  unauthorized: { en: 'does not accept your key', ru: 'не принимает ваш ключ' },
  forbidden: { en: 'not allowed', ru: 'не разрешено' },
  not_found: { en: 'Not found', ru: 'Не найдено' },
  conflict: { en: 'current state', ru: 'В текущем состоянии' },
  payload_too_large: { en: 'Too much at once', ru: 'Слишком много' },
  unsupported_media_type: { en: 'request format', ru: 'формат запроса' },
  invalid_journey: { en: 'problems to fix first (0)', ru: 'исправьте их сначала (0)' },
  rate_limited: { en: 'Too many requests', ru: 'слишком много запросов' },
  gone: { en: 'no longer exists', ru: 'больше нет' },
  request_timeout: { en: 'took too long to arrive', ru: 'шёл слишком долго' },
  uri_too_long: { en: 'address is too long', ru: 'Адрес слишком длинный' },
  headers_too_large: { en: 'headers are too large', ru: 'Заголовки запроса слишком велики' },
  internal: { en: 'went wrong on the server', ru: 'На сервере что-то пошло не так' },
  unavailable: { en: 'cannot do this right now', ru: 'Сервер сейчас не может' },
};

describe('describeApiError', () => {
  it('knows exactly the codes the API sends', () => {
    expect([...API_ERROR_CODES].sort()).toEqual(Object.keys(API_ERROR_STATUS).sort());
  });

  it.each(API_ERROR_CODES)('%s reads in English and Russian, the server text kept as detail', (code) => {
    const error = answer(code, `server words for ${code}`);
    const english = describeApiError(error, en);
    const russian = describeApiError(error, ru);
    expect(english.text).toContain(EXPECTED[code].en);
    expect(russian.text).toContain(EXPECTED[code].ru);
    expect(russian.text).not.toContain('server words');
    expect(russian.text).not.toMatch(/[a-z]{4,}/);
    expect(russian.detail).toBe(`server words for ${code} (request req-1)`);
  });

  it('names the fields of a 400 in the marketer words, from issues or the message path', () => {
    const tooLong = answer('validation_failed', 'body.name: Too big', {
      issues: [
        { path: 'body.name', message: 'Too big: expected string to have <=200 characters', code: 'too_big' },
      ],
    });
    expect(describeApiError(tooLong, ru).text).toBe(
      'Сервер не принял: Название цепочки. Проверьте и попробуйте ещё раз.',
    );
    expect(describeApiError(tooLong, en).text).toBe(
      'The server did not accept: Journey name. Check it and try again.',
    );
    const badId = answer('validation_failed', 'params.id: Invalid UUID');
    expect(describeApiError(badId, en).text).toContain('the page address');
  });

  it('counts the problems of a refused publish', () => {
    const refused = answer('invalid_journey', 'the draft has 2 problem(s)', {
      problems: [
        { nodeId: 'a', code: 'unknownTemplate', message: 'Template "x" is not in the catalog' },
        { nodeId: null, code: 'missingEntry', message: 'no entry' },
      ],
    });
    expect(describeApiError(refused, ru).text).toContain('(2)');
  });

  it('falls back by status for a code it does not know, or a body that is not the API’s', () => {
    const newer = new ApiError(418, 'teapot', { code: 'teapot', message: 'I am a teapot' });
    expect(describeApiError(newer, ru)).toEqual({
      text: 'Сервер ответил ошибкой (418). Попробуйте ещё раз; если повторится, сообщите администратору.',
      detail: 'I am a teapot',
    });
    const proxy = new ApiError(502, '502 Bad Gateway', '<html>bad gateway</html>');
    expect(describeApiError(proxy, en).text).toContain('(502)');
    expect(describeApiError(proxy, en).detail).toBe('502 Bad Gateway');
    const bareConflict = new ApiError(409, '409 Conflict', null);
    expect(describeApiError(bareConflict, ru).text).toContain('В текущем состоянии');
  });

  it('tells a network failure, an answer of the wrong shape and a builder bug apart', () => {
    expect(describeApiError(new ApiError(0, 'Failed to fetch'), ru)).toEqual({
      text: 'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
      detail: 'Failed to fetch',
    });
    const drift = z.object({ id: z.string() }).safeParse({ id: 1 });
    expect(describeApiError(drift.error, en).text).toContain('does not understand');
    expect(describeApiError(new TypeError('x is undefined'), en)).toEqual({
      text: 'Something went wrong in the builder. Reload the page and try again.',
      detail: 'x is undefined',
    });
  });
});

describe('describeIssuePath', () => {
  it.each([
    ['body.name', 'en', 'Journey name'],
    ['body.summary', 'ru', 'Что изменилось'],
    ['body.definition', 'en', 'the journey steps'],
    ['body.definition.nodes.2', 'ru', 'шаг 3'],
    ['body.definition.nodes.0.config.templateId', 'en', 'step 1: Message template'],
    ['querystring.from', 'ru', 'период'],
    ['body.somethingNew.deep', 'en', 'body.somethingNew.deep'],
  ] as const)('%s (%s) → %s', (path, locale, expected) => {
    expect(describeIssuePath(path, tIn(locale))).toBe(expected);
  });
});
