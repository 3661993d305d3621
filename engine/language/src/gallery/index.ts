import { abandonedBookingCall } from './abandoned-booking-call';
import { checkpointEscalation } from './checkpoint-escalation';
import { rfmWinBack } from './rfm-win-back';
import { smartTriggerWinBack } from './smart-trigger-win-back';
import type { JourneyTemplate } from './template';
import { welcomeSeries } from './welcome-series';

/**
 * The gallery, in the order a marketer would read it. It lives in the language, not the builder, because
 * the demo publishes some of it (`npm start`: the smart-trigger and RFM win-backs start on their own
 * from segment transitions) and the engine imports no builder code.
 */
export const JOURNEY_TEMPLATES: readonly JourneyTemplate[] = [
  smartTriggerWinBack,
  checkpointEscalation,
  welcomeSeries,
  abandonedBookingCall,
  rfmWinBack,
];

export type { JourneyTemplate };
export { rfmWinBack, smartTriggerWinBack };
