import { useLocaleStore, useT, type MessageKey } from '../../i18n/i18n';
import { formatPoints, formatSignedMoney, formatSignedPercent } from './format-uplift';
import { describeStratumKey } from './stratum-names';

const FACTOR_KEYS: Record<string, MessageKey> = {
  rfmCell: 'holdout.family.rfmCell',
  lifecycleStage: 'holdout.family.lifecycleStage',
  purchaseCount: 'holdout.fact.purchaseCount',
  totalValue: 'holdout.fact.totalValue',
  averageValue: 'holdout.fact.averageValue',
};

/** The uplift pages' formatters in the interface language: points, percents, money, stratum names. */
export function useUpliftWords() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  return {
    t,
    locale,
    points: (value: number) => formatPoints(value, locale, t('uplift.pointsUnit')),
    percent: (value: number | null) => formatSignedPercent(value, locale),
    money: (value: number) => formatSignedMoney(value, locale),
    count: (value: number) => value.toLocaleString(locale),
    stratum: (key: string) =>
      describeStratumKey(key, {
        factor: (name) => (FACTOR_KEYS[name] ? t(FACTOR_KEYS[name]) : name),
        any: t('uplift.stratumAny'),
        unknown: t('uplift.stratumUnknown'),
        everyone: t('uplift.everyone'),
      }),
  };
}
