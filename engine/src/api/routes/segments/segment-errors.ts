import { SegmentError } from '@touchpoint/domain';
import { ApiError } from '../../api-error';

/** Runs a segment function, answering its refusals with the API's codes (the field named in the issue). */
export async function answeringSegmentErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SegmentError)) throw error;
    switch (error.code) {
      case 'notFound':
        throw new ApiError('not_found', error.message);
      case 'keyTaken':
      case 'builtIn':
        throw new ApiError('conflict', error.message);
      case 'unknownSegment':
        throw new ApiError('validation_failed', error.message, {
          issues: [
            { path: `body.${error.field ?? 'rule'}`, message: error.message, code: 'unknown_segment' },
          ],
        });
    }
  }
}
