/** Thrown by `planEnrollmentMigration` when the version to migrate from or to is not published; nothing moved. */
export class MigrationVersionNotFoundError extends Error {
  constructor(
    readonly journeyId: string,
    /** The version number that has no published version. */
    readonly version: number,
  ) {
    super(`Journey ${journeyId} has no published version ${version}`);
    this.name = 'MigrationVersionNotFoundError';
  }
}
