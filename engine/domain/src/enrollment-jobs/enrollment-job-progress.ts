import { enrollmentJobs, type EnrollmentJobRow } from '@touchpoint/db';
import { getTableColumns } from 'drizzle-orm';

/** A CSV enrollment job's progress as the API shows it: every column but the stored upload. */
export type EnrollmentJobProgress = Omit<EnrollmentJobRow, 'rows'>;

const { rows: _rows, ...columns } = getTableColumns(enrollmentJobs);
/** The columns of {@link EnrollmentJobProgress}, for a select or a returning. */
export const enrollmentJobProgressColumns = columns;
