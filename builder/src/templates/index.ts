// The gallery's journeys live in the language (the demo publishes some of them); the builder shows them.
export { JOURNEY_TEMPLATES, type JourneyTemplate } from '@touchpoint/language';
