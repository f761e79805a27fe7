import { dataChanges, isPlainObject, mergeData } from '../dataChanges.js';
import { eventIssue } from '../eventIssue.js';
import type { EffectDefinition } from '../registry.js';

const storeData: EffectDefinition = {
  description:
    "Store the data given with the event, normalized by the definition's validator; on `create`, laid over the use case's prefill. Without data, the request keeps its data.",
  emits: [],
  apply(c, next) {
    const given = c.input.data;
    if (given !== undefined && !isPlainObject(given)) {
      return { issues: [eventIssue('EVENT_INPUT_INVALID', '/data', 'Les données de la demande doivent être un objet.')] };
    }
    let data: Record<string, unknown>;
    if (c.request === null) {
      const useCase = c.definition.meta.use_cases.find((u) => u.id === next.useCaseId);
      data = mergeData(structuredClone(useCase?.prefill ?? {}), structuredClone(given ?? {}));
    } else if (given === undefined) {
      return { next, effects: [] };
    } else {
      data = structuredClone(given);
    }
    const normalized = c.definition.validator.normalize(data, next.useCaseId ? { useCaseId: next.useCaseId } : {});
    return { next: { ...next, data: normalized }, effects: [] };
  },
};

const validateData: EffectDefinition<'save' | 'submit'> = {
  description:
    "Validate the request data in this context (`save`: shape only; `submit`: everything, terms included); the event is refused with the validator's issues when invalid.",
  argument: 'the validation context: `save` or `submit`',
  argumentSchema: { type: 'string', enum: ['save', 'submit'] },
  emits: [],
  apply(c, next, context) {
    const result = c.definition.validator.validate(next.data, {
      context,
      ...(next.useCaseId ? { useCaseId: next.useCaseId } : {}),
      createdAt: next.createdAt,
    });
    return result.valid ? { next, effects: [] } : { issues: result.issues };
  },
};

const storeSubmissionDiff: EffectDefinition = {
  description: 'Store what changed since the previous submission, and remember this submission and its date.',
  emits: ['store_submission_diff'],
  apply(c, next) {
    const previous = next.lastSubmittedData;
    const changes = previous ? dataChanges(previous, next.data) : [];
    return {
      next: { ...next, lastSubmittedData: structuredClone(next.data), lastSubmittedAt: c.now.toISOString() },
      effects: [{ type: 'store_submission_diff', first: !previous, changes }],
    };
  },
};

/** Effects on the request data. */
export const DATA_EFFECTS = {
  store_data: storeData,
  validate_data: validateData,
  store_submission_diff: storeSubmissionDiff,
};
