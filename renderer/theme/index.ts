/**
 * The DSFR theme of rjsf 6 and the step form the pages render. Everything else under renderer/theme is internal.
 */
export { dsfrTheme } from './dsfrTheme.js';
export { DsfrForm } from './DsfrForm.js';
export type { CurrentUser, DocumentReference, DsfrFormContext } from './DsfrFormContext.js';
export { formValidator } from './formValidator.js';
export { StepForm, type StepFormProps } from './StepForm.js';
export { stepSchema } from './stepSchema.js';
export { errorSchemaFromIssues, type FormIssue } from './errorSchemaFromIssues.js';
