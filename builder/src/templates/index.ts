import { abandonedBookingCall } from './abandoned-booking-call';
import { checkpointEscalation } from './checkpoint-escalation';
import { rfmWinBack } from './rfm-win-back';
import { smartTriggerWinBack } from './smart-trigger-win-back';
import type { JourneyTemplate } from './template';
import { welcomeSeries } from './welcome-series';

/** The gallery, in the order a marketer would read it. */
export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [
  smartTriggerWinBack,
  checkpointEscalation,
  welcomeSeries,
  abandonedBookingCall,
  rfmWinBack,
];

export type { JourneyTemplate };
