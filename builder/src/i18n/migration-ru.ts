import type { migrationEn } from './migration-en';

/** Russian texts of the "Move waiting clients" screen: the same keys as `migration-en.ts`. */
export const migrationRu: Record<keyof typeof migrationEn, string> = {
  'migration.open': 'Перенести ожидающих клиентов…',
  'migration.title': 'Перенос ожидающих клиентов',
  'migration.intro':
    'Клиенты остаются на той версии, в которую вошли. Здесь можно перенести тех, кто ждёт на шаге одной версии, на ожидание другой: уже прошедшее время ожидания засчитывается на новом шаге. Остальные клиенты остаются на своих местах.',
  'migration.from': 'Из',
  'migration.to': 'В',
  'migration.versionN': 'Версия {number}',
  'migration.sameVersion': 'Выберите две разные версии.',
  'migration.hint':
    'Нажмите на шаг с ожидающими клиентами слева, затем на ожидание справа, где они продолжат путь.',
  'migration.hintPicked':
    'Теперь нажмите на ожидание справа, где продолжат путь клиенты шага «{step}» (или ещё раз на «{step}», чтобы отменить).',
  'migration.counting': 'Считаем ожидающих клиентов…',
  'migration.nobodyWaiting': 'В версии {from} никто не ждёт.',
  'migration.fromCanvas': 'Версия {number}: где клиенты ждут сейчас',
  'migration.toCanvas': 'Версия {number}: где они продолжат',
  'migration.waiting': 'Ждут: {count}',
  'migration.arriving': 'Придут сюда: {count}',
  'migration.goesTo': '→ {step}',
  'migration.stays': 'остаются в версии {from}',
  'migration.rungOf': '{step}, ступень {index}',
  'migration.col.step': 'Шаг версии {from}',
  'migration.col.waiting': 'Ждут',
  'migration.col.target': 'Продолжат на шаге (версия {to})',
  'migration.stay': 'Остаются в версии {from}',
  'migration.targetFor': 'Где продолжат путь клиенты шага «{step}»',
  'migration.check': 'Проверить',
  'migration.checking': 'Проверяем…',
  'migration.checked': 'Проверено: переходят {moving}, остаются в версии {from}: {staying}.',
  'migration.checkedLine': '{count} — из «{step}» в «{target}»',
  'migration.checkProblems': 'Перенос невозможен, проблем: {count}. Они отмечены на шагах.',
  'migration.checkFirst': 'Сначала проверьте перенос, чтобы увидеть, кто куда перейдёт.',
  'migration.move': 'Перенести клиентов: {count}',
  'migration.moving': 'Переносим клиентов в версию {to}: {count}…',
  'migration.progress': 'Клиенты в процессе переноса',
  'migration.moved':
    'Готово: в версию {to} перенесено клиентов: {signalled}; остаются в версии {from}: {staying}.',
  'migration.movedNote': 'Клиент, который во время переноса перешёл на следующий шаг, остаётся там.',
  'migration.recount': 'Пересчитать',
  'migration.checkFailed': 'Не удалось проверить перенос: {message}',
  'migration.moveFailed': 'Не удалось перенести клиентов: {message}',
  'migration.problem.versionInvalid':
    'Версия {from} или {to} не может работать в опубликованном виде: откройте её в редакторе, чтобы увидеть причину.',
  'migration.problem.sourceUnknown': '«{step}» — не шаг версии {from}.',
  'migration.problem.sourceNotWaiting':
    'Клиенты на шаге «{step}» ещё проходят его (отправка, звонок в ожидании результата): переносить можно только клиентов на шаге ожидания.',
  'migration.problem.targetUnknown': '«{target}» — не шаг версии {to}.',
  'migration.problem.targetNotWaiting':
    '«{target}» — не ожидание: перенесённые клиенты должны попасть на ожидание версии {to}.',
};
