/**
 * The tiny page behind the unsubscribe link: a confirm button (a POST to the same URL) or the
 * confirmation. No user data is echoed, so there is nothing to escape.
 */
export function renderUnsubscribePage(channel: string, state: 'confirm' | 'done'): string {
  const body =
    state === 'confirm'
      ? `<p>Stop receiving ${channel} messages from us?</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`
      : `<p>You are unsubscribed: we will send you no more ${channel} messages.</p>`;
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Unsubscribe</title></head>
<body style="font-family:sans-serif;max-width:32rem;margin:4rem auto">${body}</body></html>`;
}
