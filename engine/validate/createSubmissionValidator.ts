import type { ValidateFunction } from 'ajv';
import type { Issue } from '../issues/Issue.js';
import type { Step, SubmissionValidator, ValidationContext, ValidationOptions, ValidationResult } from '../model/Definition.js';
import type { DefinitionMeta, UseCase } from '../model/DefinitionMeta.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { createBranchTests } from './branchTests.js';
import { createNormalizer } from './createNormalizer.js';
import { deriveSchema, type ShapeCache } from './deriveSchema.js';
import { engineAjv } from './engineAjv.js';
import { createIssueMaker } from './errorsToIssues.js';
import { createFieldLabeler } from './fieldLabel.js';
import { prepareSchema } from './prepareSchema.js';
import { resolveContext } from './ResolvedContext.js';
import { selectorIssues } from './selectorIssues.js';

/** What a definition's validator is built from (the loader has all three once the folder checks). */
export interface SubmissionValidatorInput {
  /** The bundled draft-07 schema (only local `#/definitions/…` references). */
  schema: JsonSchema;
  meta: DefinitionMeta;
  /** The top-level steps, in order. */
  steps: Step[];
}

/** Which validator: a context, and the use case whose limits apply. */
export interface ValidatorSelector {
  context: ValidationContext;
  useCaseId?: string;
}

/** A SubmissionValidator with what the loader, the benchmark and the tests need besides. */
export interface EngineSubmissionValidator extends SubmissionValidator {
  /**
   * Compile one validator now (by default the full submit validator without use case) and report a
   * compile error as text instead of throwing, so a broken schema becomes a load issue.
   */
  precompile(selector?: ValidatorSelector): string | undefined;
  /** The compiled ajv function behind `validate` for this selector (compiled on first use, then reused). */
  compiled(selector: ValidatorSelector): ValidateFunction;
  /** The schema that function was compiled from: the bundled schema with the context's and use case's rules. */
  derivedSchema(selector: ValidatorSelector): JsonSchema;
  /** Remove this definition's compiled schemas from the shared ajv (when a definition is reloaded). */
  dispose(): void;
}

interface Compiled {
  fn: ValidateFunction;
  schema: JsonSchema;
  toIssues: (errors: ValidateFunction['errors']) => Issue[];
}

/** The validators of one use case, by context. */
interface CompiledContexts {
  save?: Compiled;
  submit?: Compiled;
  steps: Map<string, Compiled>;
}

/**
 * Build the validator of one definition. Nothing is compiled until first use; each (use case × context)
 * validator is then compiled once on the engine's shared ajv and cached, so validating is a Map lookup
 * and one call to a precompiled function, with no other work when the data is valid.
 */
export function createSubmissionValidator({ schema, meta, steps }: SubmissionValidatorInput): EngineSubmissionValidator {
  const prepared = prepareSchema(schema, meta, steps);
  const labeler = createFieldLabeler(prepared.base);
  const useCases = new Map((meta.use_cases ?? []).map((u) => [u.id, u]));
  const shapes: ShapeCache = {};
  const cache = new Map<string, CompiledContexts>();
  const tests = createBranchTests(prepared.source);
  const normalizer = createNormalizer(prepared, tests);

  /** The cached validator of a selector, without building anything (the valid path's only lookup). */
  const cached = (context: ValidationContext, useCaseId: string | undefined): Compiled | undefined => {
    const byUseCase = cache.get(useCaseId ?? '');
    if (byUseCase === undefined) return undefined;
    if (context === 'submit') return byUseCase.submit;
    if (context === 'save') return byUseCase.save;
    return typeof context === 'object' && context !== null ? byUseCase.steps.get(context.step) : undefined;
  };

  /**
   * The compiled validator, or the issues saying why there is none. Refusals are not cached: step and use
   * case names may come from requests and must not grow the cache.
   */
  const entry = (selector: ValidatorSelector): Compiled | Issue[] => {
    const known = cached(selector.context, selector.useCaseId);
    if (known) return known;
    const useCase = selector.useCaseId === undefined ? undefined : useCases.get(selector.useCaseId);
    const context = resolveContext(selector.context, prepared.stepIds);
    if (!context || (selector.useCaseId !== undefined && !useCase)) {
      return selectorIssues(selector, { useCaseIds: [...useCases.keys()], stepIds: prepared.stepIds, useCaseFound: selector.useCaseId === undefined || !!useCase, contextFound: !!context });
    }
    const derived = deriveSchema(prepared, context, useCase, labeler, shapes);
    let fn: ValidateFunction;
    try {
      fn = engineAjv().compile(derived);
    } catch (error) {
      // ajv keeps what it started to compile; a broken schema must not stay in the shared instance.
      engineAjv().removeSchema(derived);
      throw error;
    }
    const built: Compiled = { fn, schema: derived, toIssues: createIssueMaker(derived, labeler) };
    let byUseCase = cache.get(selector.useCaseId ?? '');
    if (!byUseCase) cache.set(selector.useCaseId ?? '', (byUseCase = { steps: new Map() }));
    if (context.kind === 'step') byUseCase.steps.set(context.step, built);
    else byUseCase[context.kind] = built;
    return built;
  };

  const compiledEntry = (selector: ValidatorSelector): Compiled => {
    const found = entry(selector);
    if (Array.isArray(found)) throw new Error(found.map((i) => i.message).join(' '));
    return found;
  };

  return {
    validate(data: unknown, options: ValidationOptions): ValidationResult {
      const found = cached(options.context, options.useCaseId) ?? entry(options);
      if (Array.isArray(found)) return { valid: false, issues: found };
      // The options are the call's `this`, so the scope keyword reads createdAt without any allocation.
      if (found.fn.call(options, data) === true) return { valid: true, issues: [] };
      return { valid: false, issues: found.toIssues(found.fn.errors) };
    },

    normalize(data: Record<string, unknown>, options: { useCaseId?: string } = {}): Record<string, unknown> {
      // An unknown use case has no limits to apply here; validate() reports it.
      const useCase: UseCase | undefined = options.useCaseId === undefined ? undefined : useCases.get(options.useCaseId);
      return normalizer(data, useCase);
    },

    precompile(selector: ValidatorSelector = { context: 'submit' }): string | undefined {
      try {
        const found = entry(selector);
        return Array.isArray(found) ? found.map((i) => i.message).join(' ') : undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },

    compiled: (selector) => compiledEntry(selector).fn,
    derivedSchema: (selector) => compiledEntry(selector).schema,

    dispose(): void {
      const ajv = engineAjv();
      for (const byUseCase of cache.values()) {
        for (const found of [byUseCase.save, byUseCase.submit, ...byUseCase.steps.values()]) if (found) ajv.removeSchema(found.schema);
      }
      for (const s of tests.compiled()) ajv.removeSchema(s);
      cache.clear();
    },
  };
}
