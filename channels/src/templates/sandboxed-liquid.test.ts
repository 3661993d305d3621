import { readFileSync } from 'node:fs';
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { assertNoFileTags, renderEmail, renderSms, TemplateRenderError } from './render-template';
import { createSandboxedLiquid, FILE_TAGS } from './sandboxed-liquid';

// A file every checkout has, read relative to the working directory as liquidjs's default root is.
const KNOWN_FILE = 'package.json';
const KNOWN_TEXT = 'Open-source journey orchestration';
const variables = { client: { firstName: 'Anna' }, offer: {}, journey: {} };
const sms = (body: string) =>
  renderSms({ channel: 'sms', id: 't', body }, variables, { messageId: 'm', to: '+1' });

describe('templates cannot read files', () => {
  it('the known file is readable by a stock liquidjs engine (so the cases below would leak)', async () => {
    expect(readFileSync(KNOWN_FILE, 'utf8')).toContain(KNOWN_TEXT);
    expect(await new Liquid().parseAndRender(`{% include '${KNOWN_FILE}' %}`)).toContain(KNOWN_TEXT);
  });

  it.each(FILE_TAGS)('refuses the %s tag while parsing, naming the tag', async (tag) => {
    const error = await sms(`Hi {% ${tag} '${KNOWN_FILE}' %}`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error).toMatchObject({ field: 'body', forbiddenTag: tag });
    expect((error as Error).message).toContain(`the {% ${tag} %} tag is not allowed`);
  });

  it('refuses file tags inside {% liquid %} blocks, dead branches and a variable name alike', async () => {
    for (const body of [
      `{% liquid\n include '${KNOWN_FILE}' %}`,
      `{% if false %}{% render '${KNOWN_FILE}' %}{% endif %}`,
      `{% assign f = '${KNOWN_FILE}' %}{% include f %}`,
    ]) {
      await expect(sms(body)).rejects.toMatchObject({ forbiddenTag: expect.any(String) });
    }
  });

  it('finds no file even when a tag is registered past the guard', async () => {
    const engine = createSandboxedLiquid({});
    // A stock include implementation put back on the sandboxed engine: the lookup still finds nothing.
    const stock = new Liquid();
    engine.registerTag('include', stock.tags['include']!);
    const read = engine.parseAndRender(`{% include '${KNOWN_FILE}' %}`);
    await expect(read).rejects.toThrow(/Failed to lookup|cannot read files/);
  });

  it('ignores <mj-include> in MJML instead of reading the file', async () => {
    const mjml = `<mjml><mj-body><mj-include path="./${KNOWN_FILE}" /><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>`;
    const message = await renderEmail({ channel: 'email', id: 'inc', subject: 's', mjml }, variables, {
      messageId: 'm',
      to: 'a@b.co',
      tracking: { baseUrl: 'https://tp.example.com', secret: 's' },
    });
    expect(message.html).not.toContain(KNOWN_TEXT);
    expect(message.html).toContain('Hi');
  });

  it('assertNoFileTags flags a raw source with a file tag and lets other parse errors through', () => {
    expect(() => assertNoFileTags('t', 'mjml', `<p>{% layout '${KNOWN_FILE}' %}</p>`)).toThrow(
      expect.objectContaining({ field: 'mjml', forbiddenTag: 'layout' }),
    );
    expect(() => assertNoFileTags('t', 'mjml', '{{ unclosed')).not.toThrow();
    expect(() => assertNoFileTags('t', 'mjml', 'Hello {{ client.firstName }}')).not.toThrow();
  });
});
