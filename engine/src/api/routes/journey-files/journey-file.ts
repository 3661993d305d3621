import { z } from 'zod';
import { TemplateBody } from '../templates/template-body';

/** What a journey file says it is, so a stray JSON file is refused by name, not by its shape. */
export const JOURNEY_FILE_FORMAT = 'touchpoint.journey';

/**
 * A journey as a file, for keeping journeys in git and moving them between installs: the draft's
 * definition (layout included) and every template it sends, in the API's own template shape.
 */
export const JourneyFile = z
  .strictObject({
    format: z.literal(JOURNEY_FILE_FORMAT).describe(`always "${JOURNEY_FILE_FORMAT}"`),
    formatVersion: z.literal(1).describe('the version of this file format: 1'),
    name: z.string().min(1).max(200).describe("the journey's name (1–200 characters)"),
    description: z.string().max(2000).optional().describe('what the journey is for'),
    definition: z
      .record(z.string(), z.unknown())
      .describe('the journey definition (nodes, edges, goal, settings, layout), as in a draft'),
    templates: z
      .array(TemplateBody)
      .max(500)
      .describe('every template the journey sends, one entry per key and channel'),
  })
  .describe('a journey with the templates it uses');
export type JourneyFile = z.infer<typeof JourneyFile>;
