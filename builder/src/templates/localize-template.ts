import type { Locale } from '../i18n/i18n';

/**
 * Russian names of the templates' steps, exits, variants and goals, keyed by the English name the
 * definitions are written with. A Russian marketer starting from a template gets a journey whose
 * every label is Russian (a unit test checks none is missing).
 */
export const TEMPLATE_NAMES_RU: Record<string, string> = {
  'Overdue for a purchase': 'Опаздывает с покупкой',
  'We miss you': 'Мы скучаем',
  'Bought within a week?': 'Купил за неделю?',
  Bought: 'Купил',
  'Bigger discount': 'Скидка больше',
  'Won back': 'Вернулся',
  Finished: 'Завершено',
  Purchase: 'Покупка',
  'Bought something': 'Совершил покупку',
  'Remind, stimulate, escalate': 'Напомнить, простимулировать, эскалировать',
  'Did not come back': 'Не вернулся',
  'Signed up': 'Зарегистрировался',
  Welcome: 'Приветствие',
  'Opened it?': 'Открыл письмо?',
  Opened: 'Открыл',
  'Gentle nudge': 'Мягкое напоминание',
  'Which offer works?': 'Какое предложение сработает?',
  'Free delivery': 'Бесплатная доставка',
  '10% off': 'Скидка 10%',
  'First purchase': 'Первая покупка',
  'Booking abandoned': 'Бронь брошена',
  'One hour': 'Один час',
  'Finish your booking': 'Завершите бронирование',
  'Booked by tomorrow?': 'Забронировал до завтра?',
  Booked: 'Забронировал',
  'Call center': 'Колл-центр',
  'How did the call go?': 'Чем закончился звонок?',
  Meeting: 'Встреча',
  'No answer': 'Не ответил',
  'Call back': 'Перезвонить',
  Talked: 'Поговорили',
  Refused: 'Отказ',
  'Until tomorrow': 'До завтра',
  'Call again': 'Позвонить ещё раз',
  'How did the second call go?': 'Чем закончился второй звонок?',
  'Not booked': 'Не забронировал',
  Booking: 'Бронирование',
  'Entered R1F3M3': 'Попал в R1F3M3',
  'Still reads email?': 'Ещё читает письма?',
  'Opened in 30 days': 'Открывал за 30 дней',
  'Personal offer by email': 'Персональное предложение письмом',
  'Personal offer by SMS': 'Персональное предложение по SMS',
  'Bought within 10 days?': 'Купил за 10 дней?',
  'Personal manager calls': 'Звонит персональный менеджер',
  'Mark as called': 'Отметить звонок',
  'Came back': 'Вернулся',
};

const NAMES: Record<Locale, Record<string, string> | null> = { en: null, ru: TEMPLATE_NAMES_RU };

/** Every `name` in a template definition, wherever it sits (steps, exits, variants, branches, goal). */
export function collectNames(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectNames(item, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'name' && typeof item === 'string') into.add(item);
      else collectNames(item, into);
    }
  }
  return into;
}

function renameAll(value: unknown, names: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => renameAll(item, names));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'name' && typeof item === 'string' ? (names[item] ?? item) : renameAll(item, names),
    ]),
  );
}

/** A template definition with its labels in the interface language (ids and logic untouched). */
export function localizeDefinition<T>(definition: T, locale: Locale): T {
  const names = NAMES[locale];
  return names ? (renameAll(definition, names) as T) : definition;
}
