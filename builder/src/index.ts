// What other packages (tests, benchmarks) may use of the builder without a browser.
export { JOURNEY_TEMPLATES, type JourneyTemplate } from './templates';
export { canvasToDraft, draftToCanvas, type CanvasState, type StepNode } from './canvas/convert';
export { JourneyDraft } from './canvas/draft';
export { endpoints } from './api/endpoints';
