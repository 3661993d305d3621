import type { audiencesEn } from './audiences-en';

/** Русские тексты аудиторий: размер сегмента в выборе, запуск клиентов вручную и из CSV. */
export const audiencesRu: Record<keyof typeof audiencesEn, string> = {
  'audience.matchNow': 'Сейчас подходят клиентов: {count}',
  'audience.sample': 'Некоторые из них',
  'audience.chooseSegment': 'Выберите сегмент',
  'audience.enroll.open': 'Запустить клиентов',
  'audience.enroll.title': 'Запустить клиентов в действующую версию',
  'audience.tab.manual': 'Вручную',
  'audience.tab.csv': 'Из файла CSV',
  'audience.manual.ids': 'Id клиентов из CRM (по одному в строке или через запятую)',
  'audience.manual.enroll': 'Запустить клиентов: {count}',
  'audience.manual.done': 'Запущено в версию {version}: {enrolled}.',
  'audience.outcome.enrolled': 'запущен',
  'audience.failed': 'Не удалось запустить: {message}',
  'audience.csv.file': 'Файл CSV со строкой заголовков',
  'audience.csv.rows': '{name}: строк {rows}',
  'audience.csv.column': 'Столбец с id клиента',
  'audience.csv.upload': 'Загрузить и запустить',
  'audience.csv.progress': 'Обработано строк',
  'audience.csv.running': 'Обработано {done} из {total}: запущено {enrolled}, отклонено {failed}…',
  'audience.csv.finished': 'Готово: {done} из {total} строк, запущено {enrolled}, отклонено {failed}.',
  'audience.rejected.title': 'Отклонённые строки',
  'audience.rejected.line': 'Строка',
  'audience.rejected.client': 'Id клиента',
  'audience.rejected.reason': 'Причина',
  'audience.rejected.unknownClient': 'такого клиента нет',
  'audience.rejected.alreadyEnrolled':
    'уже в этой цепочке (правило повторного входа не даёт запустить снова)',
  'audience.rejected.duplicateRow': 'уже был выше в файле',
};
