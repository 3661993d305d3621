import { useState } from 'react';
import { localizeDefinition } from '../templates/localize-template';
import { useLocaleStore, useT } from '../i18n/i18n';
import { JOURNEY_TEMPLATES } from '../templates';
import { LadderAxis } from '../forms/ladder-axis';
import { NODE_LOOKS } from '../nodes/looks';
import { createAndOpenJourney } from './create-journey';
import { ServerError } from './server-error';

/** Ready journeys from the seeds' practice; using one creates a draft from it and opens the editor. */
export function TemplatesPage() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const [createError, setCreateError] = useState<{ failure: unknown } | null>(null);
  return (
    <div className="templates-page">
      <h1>{t('templates.title')}</h1>
      {createError && (
        <ServerError
          error={createError.failure}
          wrap={(text) => t('serverError.createFailed', { message: text })}
        />
      )}
      <div className="template-grid">
        {JOURNEY_TEMPLATES.map((template) => {
          const ladder = template.definition.nodes.find((node) => node.kind === 'escalationLadder');
          return (
            <article key={template.id} className="template-card" data-testid={`template-${template.id}`}>
              <h2>{template.name[locale]}</h2>
              <p>{template.description[locale]}</p>
              <div className="template-kinds">
                {template.definition.nodes.map((node) => (
                  <span
                    key={node.id}
                    title={t(`node.${node.kind}`)}
                    style={{ color: NODE_LOOKS[node.kind].color }}
                  >
                    {NODE_LOOKS[node.kind].icon}
                  </span>
                ))}
              </div>
              {ladder && <LadderAxis config={ladder.config} compact />}
              <p className="muted">{t('templates.steps', { count: template.definition.nodes.length })}</p>
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void createAndOpenJourney(
                    template.name[locale],
                    localizeDefinition(template.definition, locale),
                  ).catch((failure: unknown) => setCreateError({ failure }))
                }
              >
                {t('templates.use')}
              </button>
            </article>
          );
        })}
      </div>
    </div>
  );
}
