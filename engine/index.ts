/**
 * The engine's public surface: the server, the renderer and the CLI import the engine only from here.
 * Everything else under engine/ is internal and may change.
 */

// Loading and checking definitions
export { loadDefinition, DEFINITION_FILES, type LoadOptions } from './load/loadDefinition.js';
export { loadRegistry, definitionFolders, type Registry } from './load/loadRegistry.js';
export { runExample } from './load/loadExamples.js';

// The model
export type { Definition, Example, LoadResult, Step, SubmissionValidator, ValidationContext, ValidationOptions, ValidationResult } from './model/Definition.js';
export type { Attestation, DefinitionMeta, Scope, ScopeGroup, UseCase } from './model/DefinitionMeta.js';
export type { Actor, AuthorizationSnapshot, RequestSnapshot, RequestState, WorkflowEventInput } from './model/Request.js';
export type { JsonSchema } from './schema/JsonSchema.js';
export { itemSchemas, knownProperties, subschemasAt, titleAt } from './schema/subschemasAt.js';
export { toPointer } from './source/SourceFile.js';
export { formSchema } from './schema/formSchema.js';
export { annotatedFields } from './schema/annotatedFields.js';

// Issues
export type { Issue } from './issues/Issue.js';
export { ISSUE_CATALOGUE, isIssueCode, type IssueCode } from './issues/catalogue.js';
export { tooLongText } from './issues/tooLongText.js';

// Submissions
export { registerFormat, isKnownFormat, knownFormats, definitionTerms, TERMS_KEY, type EngineSubmissionValidator, type Term } from './validate/index.js';
export { isSiret, isSiren, luhn } from './formats/index.js';

// Workflow
export { transition, allowedEvents, actorRoles, roleLabel, BUILT_IN_ROLES, defaultWorkflowRegistry, createWorkflowRegistry, type Effect, type TransitionResult, type Workflow } from './workflow/index.js';

// Stages
export { inheritedData } from './stage/inheritedData.js';

// Conventions and types
export { CONVENTION_CONTEXT } from './convention/conventionContext.js';
export { CONVENTION_HELPERS } from './convention/helpers.js';
export { grantedScopes, type GrantedScopeGroup } from './convention/grantedScopes.js';
export { createConventionRenderer, type ConventionContext, type ConventionRenderer } from './convention/conventionRenderer.js';
// Convention rendering: strict templates, their errors, the context they read, the generic convention
export { GENERIC_CONVENTION, type ConventionDefinition } from './convention/conventionRenderer.js';
export { ConventionRenderError } from './convention/ConventionRenderError.js';
export { buildConventionContext, exampleConventionContext, EXAMPLE_ORGANIZATION, type ConventionContextInput, type ExampleVariant } from './convention/buildConventionContext.js';
export { genericSections, type GenericSection } from './convention/genericSections.js';
export { checkConventionRenders } from './check/checkConventionRenders.js';
export { generateTypes, typeName } from './types/generateTypes.js';
export { WIDGET_NAMES } from './ui/widgetNames.js';

// What a convention's HTML document and PDF (renderer/convention) print around its body
export { conventionIdentifiers, type ConventionMeta } from './convention/ConventionMeta.js';
export { conventionMetaOf } from './convention/conventionMetaOf.js';
