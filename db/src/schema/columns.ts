import { timestamp } from 'drizzle-orm/pg-core';

/** Row creation time; every table has one so exports and audits can order rows. */
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Last change time; queries that update a row set it explicitly (no triggers to hide writes). */
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** A nullable point in time, always with time zone. */
export const moment = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
