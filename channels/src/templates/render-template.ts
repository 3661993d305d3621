import type { Liquid } from 'liquidjs';
import mjml2html from 'mjml';
import type { EmailMessage, SmsMessage, WebhookMessage } from '../outbound-message';
import {
  addTracking,
  buildTrackingUrls,
  buildUnsubscribeHeaders,
  type TrackingConfig,
} from '../email/tracking';
import { convertHtmlToText } from './html-to-text';
import { createSandboxedLiquid, findForbiddenTag, type FileTag } from './sandboxed-liquid';
import type {
  CallTemplate,
  EmailTemplate,
  SmsTemplate,
  TemplateVariables,
  WebhookTemplate,
} from './message-template';

/**
 * A template that does not parse or render; `field` names the part that failed, `forbiddenTag` the
 * file-reading tag it used, if that is why.
 */
export class TemplateRenderError extends Error {
  constructor(
    readonly templateId: string,
    readonly field: string,
    message: string,
    readonly forbiddenTag: FileTag | null = null,
  ) {
    super(`template ${templateId}, ${field}: ${message}`);
    this.name = 'TemplateRenderError';
  }
}

// HTML bodies escape interpolated values (a client name cannot inject markup); text parts do not.
// Neither can read a file: see createSandboxedLiquid.
const htmlLiquid = createSandboxedLiquid({ outputEscape: 'escape', strictFilters: true, cache: true });
const textLiquid = createSandboxedLiquid({ strictFilters: true, cache: true });

function toRenderError(templateId: string, field: string, error: unknown): TemplateRenderError {
  return new TemplateRenderError(templateId, field, (error as Error).message, findForbiddenTag(error));
}

/**
 * Save-time check of a template's raw source (before MJML, which could drop the markup a tag sits
 * in): throws {@link TemplateRenderError} with `forbiddenTag` set when the source uses a file tag.
 * Other parse errors are left to the trial render, which reports them against the compiled text.
 */
export function assertNoFileTags(templateId: string, field: string, source: string): void {
  try {
    textLiquid.parse(source);
  } catch (error) {
    const tag = findForbiddenTag(error);
    if (tag !== null) throw toRenderError(templateId, field, error);
  }
}

async function renderLiquid(
  engine: Liquid,
  templateId: string,
  field: string,
  source: string,
  scope: object,
) {
  try {
    return await engine.parseAndRender(source, scope);
  } catch (error) {
    throw toRenderError(templateId, field, error);
  }
}

// MJML compilation costs milliseconds of CPU per message; Liquid over the compiled HTML costs
// microseconds. MJML passes Liquid tags through untouched, so each template compiles once.
const compiledMjml = new Map<string, Promise<string>>();
const MAX_COMPILED = 500;

function compileMjml(templateId: string, source: string): Promise<string> {
  const cached = compiledMjml.get(source);
  if (cached) return cached;
  const compiled = mjml2html(source, { validationLevel: 'soft', ignoreIncludes: true }).then(
    ({ html, errors }) => {
      const first = errors[0];
      if (first) throw new TemplateRenderError(templateId, 'mjml', `line ${first.line}: ${first.message}`);
      return html;
    },
  );
  if (compiledMjml.size >= MAX_COMPILED) compiledMjml.delete(compiledMjml.keys().next().value!);
  compiledMjml.set(source, compiled);
  compiled.catch(() => compiledMjml.delete(source));
  return compiled;
}

/** Email options that do not come from the template. */
export interface EmailRenderOptions {
  messageId: string;
  to: string;
  tracking: TrackingConfig;
  /** Optional mailto target added to List-Unsubscribe. */
  unsubscribeMailto?: string;
}

/** Liquid over subject, MJML and text, MJML to responsive HTML, then tracking and unsubscribe headers. */
export async function renderEmail(
  template: EmailTemplate,
  variables: TemplateVariables,
  options: EmailRenderOptions,
): Promise<EmailMessage> {
  const links = { unsubscribe: buildTrackingUrls(options.messageId, options.tracking).unsubscribe };
  const scope = { ...variables, links };
  const subject = await renderLiquid(textLiquid, template.id, 'subject', template.subject, scope);
  const compiled = await compileMjml(template.id, template.mjml);
  const html = await renderLiquid(htmlLiquid, template.id, 'mjml', compiled, scope);
  const text =
    template.text === undefined
      ? convertHtmlToText(html)
      : await renderLiquid(textLiquid, template.id, 'text', template.text, scope);
  return {
    channel: 'email',
    messageId: options.messageId,
    to: options.to,
    subject: subject.trim(),
    html: addTracking(html, options.messageId, options.tracking),
    text,
    headers: buildUnsubscribeHeaders(options.messageId, options.tracking, options.unsubscribeMailto),
  };
}

/** Liquid over the SMS body. */
export async function renderSms(
  template: SmsTemplate,
  variables: TemplateVariables,
  options: { messageId: string; to: string },
): Promise<SmsMessage> {
  const body = await renderLiquid(textLiquid, template.id, 'body', template.body, variables);
  return { channel: 'sms', messageId: options.messageId, to: options.to, body: body.trim() };
}

/** Liquid over the operator's script. */
export async function renderCallScript(
  template: CallTemplate,
  variables: TemplateVariables,
): Promise<string> {
  return renderLiquid(textLiquid, template.id, 'script', template.script, variables);
}

/** Liquid over each string in the payload (one level deep and nested objects alike). */
export async function renderWebhook(
  template: WebhookTemplate,
  variables: TemplateVariables,
  options: { messageId: string },
): Promise<WebhookMessage> {
  const payload = (await renderValue(template.id, 'payload', template.payload, variables)) as Record<
    string,
    unknown
  >;
  return { channel: 'webhook', messageId: options.messageId, url: template.url, payload };
}

async function renderValue(id: string, path: string, value: unknown, scope: object): Promise<unknown> {
  if (typeof value === 'string') return renderLiquid(textLiquid, id, path, value, scope);
  if (Array.isArray(value))
    return Promise.all(value.map((item, i) => renderValue(id, `${path}[${i}]`, item, scope)));
  if (value !== null && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [
        key,
        await renderValue(id, `${path}.${key}`, item, scope),
      ]),
    );
    return Object.fromEntries(entries);
  }
  return value;
}
