export { createPresentation, type CreatePresentationOptions } from './create-presentation.js';
export { verifyPresentation, type VerifyPresentationOptions } from './verify-presentation.js';
export { PRESENTATION_CHECK_IDS, type PresentationCheck, type PresentationCheckId, type PresentationReport } from './presentation-report.js';
export { formatPresentationReport } from './format-presentation-report.js';
export { envelopeJwt } from '../verify/jwt/enveloped.js';
