import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { SandboxMail, SandboxSms } from '../api/schemas';
import { usePolled } from '../api/use-polled';
import { useT } from '../i18n/i18n';
import { ApiView } from '../pages/api-view';
import { TabButton } from '../pages/tab-button';
import { DeliveryBadge } from './delivery-badge';
import { MailPreview } from './mail-preview';
import { useFormatTime } from './use-format-time';
import './sandbox.css';

const REFRESH_MS = 3_000;
const TABS = ['mail', 'sms'] as const;
type Tab = (typeof TABS)[number];

/** Both inboxes, or null when this server sends for real (no sandbox to show). */
type Inboxes = { mail: SandboxMail[]; sms: SandboxSms[] } | null;

async function loadInboxes(): Promise<Inboxes> {
  try {
    const [mail, sms] = await Promise.all([api.listSandboxMail(), api.listSandboxSms()]);
    return { mail, sms };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * "Sent messages": what the journeys sent to the demo's loopback mail server and SMS provider,
 * newest first and refreshed every few seconds, so a newcomer sees a journey work.
 */
export function SandboxPage() {
  const t = useT();
  const inboxes = usePolled(loadInboxes, REFRESH_MS);
  const [tab, setTab] = useState<Tab>('mail');
  return (
    <div className="sandbox-page">
      <div className="page-head">
        <h1>{t('sandbox.title')}</h1>
        <span className="muted live-hint">● {t('sandbox.live')}</span>
      </div>
      <p className="muted">{t('sandbox.hint')}</p>
      <ApiView state={inboxes} reload={() => undefined}>
        {(data) =>
          data === null ? (
            <p className="empty">{t('sandbox.off')}</p>
          ) : (
            <>
              <div className="tabs" role="tablist">
                {TABS.map((name) => (
                  <TabButton
                    key={name}
                    isSelected={tab === name}
                    onSelect={() => setTab(name)}
                    testId={`tab-${name}`}
                  >
                    {t(`sandbox.tab.${name}`, { count: data[name].length })}
                  </TabButton>
                ))}
              </div>
              {tab === 'mail' ? <MailInbox mail={data.mail} /> : <SmsInbox sms={data.sms} />}
            </>
          )
        }
      </ApiView>
    </div>
  );
}

function MailInbox({ mail }: { mail: SandboxMail[] }) {
  const t = useT();
  const formatTime = useFormatTime();
  const [openId, setOpenId] = useState<string | null>(null);
  if (mail.length === 0) return <p className="empty">{t('sandbox.noMail')}</p>;
  const open = mail.find((message) => message.id === openId) ?? mail[0] ?? null;
  return (
    <div className="mail-layout">
      <ul className="mail-list" data-testid="mail-list">
        {mail.map((message) => (
          <li key={message.id}>
            <button
              type="button"
              className={message.id === open?.id ? 'active' : undefined}
              onClick={() => setOpenId(message.id)}
            >
              <span className="mail-row-top">
                <strong>{message.to.join(', ')}</strong>
                <time dateTime={message.receivedAt}>{formatTime(message.receivedAt)}</time>
              </span>
              <span className="mail-subject">{message.subject || t('sandbox.noSubject')}</span>
            </button>
          </li>
        ))}
      </ul>
      {open && <MailPreview key={open.id} mail={open} />}
    </div>
  );
}

function SmsInbox({ sms }: { sms: SandboxSms[] }) {
  const t = useT();
  const formatTime = useFormatTime();
  if (sms.length === 0) return <p className="empty">{t('sandbox.noSms')}</p>;
  return (
    <table className="journey-table sms-table" data-testid="sms-table">
      <thead>
        <tr>
          <th>{t('sandbox.col.time')}</th>
          <th>{t('sandbox.col.to')}</th>
          <th>{t('sandbox.col.text')}</th>
          <th>{t('sandbox.col.segments')}</th>
          <th>{t('sandbox.col.provider')}</th>
          <th>{t('sandbox.col.delivery')}</th>
        </tr>
      </thead>
      <tbody>
        {sms.map((message) => (
          <tr key={message.id}>
            <td className="nowrap">{formatTime(message.receivedAt)}</td>
            <td className="nowrap">{message.to}</td>
            <td className="sms-text">{message.body}</td>
            <td title={t(message.encoding === 'ucs2' ? 'sandbox.ucs2' : 'sandbox.gsm7')}>
              {message.segments}
            </td>
            <td className="nowrap">{PROVIDER_NAMES[message.provider] ?? message.provider}</td>
            <td className="nowrap">
              <DeliveryBadge receipts={message.receipts} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PROVIDER_NAMES: Record<string, string> = { twilio: 'Twilio', smsru: 'SMS.ru' };
