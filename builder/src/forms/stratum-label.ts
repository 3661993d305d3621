import type { HoldoutStratum } from '@touchpoint/language';
import { useT } from '../i18n/i18n';

/** A stratum factor in the marketer's words: "RFM cell", "Attribute “region”", "Total spend: <100, 100–500, ≥500". */
export function useStratumLabel(): (stratum: HoldoutStratum) => string {
  const t = useT();
  return (stratum) => {
    switch (stratum.kind) {
      case 'segmentFamily':
        return t(`holdout.family.${stratum.family}`);
      case 'attribute':
        return t('holdout.attributeLabel', { name: stratum.name });
      case 'factBucket':
        return t('holdout.factLabel', {
          fact: t(`holdout.fact.${stratum.fact}`),
          bounds: stratum.bounds.join(' · '),
        });
      default: {
        const unhandled: never = stratum;
        throw new Error(`Unknown stratum ${JSON.stringify(unhandled)}`);
      }
    }
  };
}
