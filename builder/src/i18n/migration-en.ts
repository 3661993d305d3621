/** English texts of the "Move waiting clients" screen (spread into `en.ts`; `migration-ru.ts` has the same keys). */
export const migrationEn = {
  'migration.open': 'Move waiting clients…',
  'migration.title': 'Move waiting clients',
  'migration.intro':
    'Clients stay on the version they entered. Move the ones waiting on a step of one version onto a wait of another: the time they have waited counts on the new step. Clients you do not move stay where they are.',
  'migration.from': 'From',
  'migration.to': 'To',
  'migration.versionN': 'Version {number}',
  'migration.sameVersion': 'Pick two different versions.',
  'migration.hint':
    'Click a step with waiting clients on the left, then the wait on the right where they should continue.',
  'migration.hintPicked':
    'Now click the wait on the right where the clients of “{step}” continue (or “{step}” again to cancel).',
  'migration.counting': 'Counting waiting clients…',
  'migration.nobodyWaiting': 'Nobody is waiting on version {from}.',
  'migration.fromCanvas': 'Version {number}: where clients wait now',
  'migration.toCanvas': 'Version {number}: where they continue',
  'migration.waiting': '{count} waiting',
  'migration.arriving': '{count} arrive here',
  'migration.goesTo': '→ {step}',
  'migration.stays': 'stay on version {from}',
  'migration.rungOf': '{step}, rung {index}',
  'migration.col.step': 'Step of version {from}',
  'migration.col.waiting': 'Waiting',
  'migration.col.target': 'Continue on (version {to})',
  'migration.stay': 'Stay on version {from}',
  'migration.targetFor': 'Where the clients of “{step}” continue',
  'migration.check': 'Check',
  'migration.checking': 'Checking…',
  'migration.checked': 'Checked: {moving} clients move, {staying} stay on version {from}.',
  'migration.checkedLine': '{count} from “{step}” to “{target}”',
  'migration.checkProblems': 'The move cannot run, problems: {count}. They are marked on the steps.',
  'migration.checkFirst': 'Check the move to see who goes where before moving anyone.',
  'migration.move': 'Move {count} clients',
  'migration.moving': 'Moving {count} clients to version {to}…',
  'migration.progress': 'Clients being moved',
  'migration.moved':
    'Done: {signalled} clients were moved to version {to}; {staying} stay on version {from}.',
  'migration.movedNote': 'A client who went on to the next step during the move stays where it went.',
  'migration.recount': 'Count again',
  'migration.checkFailed': 'Could not check the move: {message}',
  'migration.moveFailed': 'Could not move the clients: {message}',
  'migration.problem.versionInvalid':
    'Version {from} or {to} cannot run as published: open it in the editor to see why.',
  'migration.problem.sourceUnknown': '“{step}” is not a step of version {from}.',
  'migration.problem.sourceNotWaiting':
    'Clients on “{step}” are still going through it (a send, a call awaiting its outcome): only clients on a wait step can move.',
  'migration.problem.targetUnknown': '“{target}” is not a step of version {to}.',
  'migration.problem.targetNotWaiting':
    '“{target}” is not a wait: moved clients must arrive on a wait of version {to}.',
} as const;
