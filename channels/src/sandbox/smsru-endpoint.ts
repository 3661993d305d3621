import type http from 'node:http';
import { planSmsRuReceipts } from './receipt-plans';
import { generateProviderId, type SmsInbox } from './sms-inbox';

function reply(response: http.ServerResponse, body: object) {
  // SMS.ru answers 200 even for errors; the status lives in the JSON.
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** `/sms/send?json=1`, answered the way SMS.ru answers, one result per number in `to`. */
export function handleSmsRu(
  inbox: SmsInbox,
  form: Record<string, string>,
  response: http.ServerResponse,
): void {
  const expected = inbox.options.smsRuApiId;
  if (expected && form.api_id !== expected) {
    return reply(response, { status: 'ERROR', status_code: 200, status_text: 'Неправильный api_id' });
  }
  if (!form.msg)
    return reply(response, { status: 'ERROR', status_code: 203, status_text: 'Нет текста сообщения' });
  const numbers = (form.to ?? '').split(',').filter(Boolean);
  if (numbers.length === 0) {
    return reply(response, {
      status: 'ERROR',
      status_code: 202,
      status_text: 'Неправильно указан номер получателя',
    });
  }
  const sms = Object.fromEntries(numbers.map((number) => [number, sendOne(inbox, number, form)]));
  reply(response, { status: 'OK', status_code: 100, sms, balance: 100 });
}

function sendOne(inbox: SmsInbox, number: string, form: Record<string, string>) {
  if (!/^[1-9]\d{6,14}$/.test(number)) {
    return { status: 'ERROR', status_code: 202, status_text: 'Неправильно указан номер получателя' };
  }
  const verdict = inbox.verdict(`+${number}`);
  if (verdict === 'reject')
    return { status: 'ERROR', status_code: 207, status_text: 'На этот номер нельзя отправлять сообщения' };
  if (verdict === 'tempfail')
    return { status: 'ERROR', status_code: 220, status_text: 'Сервис временно недоступен' };
  const stored = inbox.store(
    { provider: 'smsru', to: `+${number}`, from: form.from ?? null, body: form.msg ?? '' },
    generateProviderId('smsru'),
  );
  const callbackUrl = inbox.options.smsRuCallbackUrl;
  if (callbackUrl) {
    inbox.scheduleReceipts(stored, planSmsRuReceipts(stored, inbox.delivery(stored.to), callbackUrl));
  }
  return { status: 'OK', status_code: 100, sms_id: stored.providerId };
}
