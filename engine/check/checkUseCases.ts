import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { suggestion } from '../issues/didYouMean.js';
import type { Step, SubmissionValidator } from '../model/Definition.js';
import type { DefinitionMeta } from '../model/DefinitionMeta.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { knownProperties, subschemasAt } from '../schema/subschemasAt.js';
import { pointerSegments, toPointer, valueAtPointer, type SourceFile } from '../source/SourceFile.js';

/**
 * Use cases name fields, steps and values of the form: each must exist, prefilled values must be valid
 * (as a save), locked fields must be prefilled, and a step the use case hides must be complete from its
 * prefill alone, or the applicant could never submit.
 */
export function checkUseCases(
  file: SourceFile,
  meta: DefinitionMeta,
  schema: JsonSchema,
  steps: Step[],
  validator: SubmissionValidator | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const stepIds = steps.map((s) => s.id);
  meta.use_cases.forEach((useCase, i) => {
    const base = `/use_cases/${i}`;
    const prefill = useCase.prefill ?? {};
    let fieldsKnown = true;
    const walk = (value: unknown, path: string[]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return;
      for (const [key, sub] of Object.entries(value)) {
        const at = [...path, key];
        const schemas = subschemasAt(schema, at);
        if (!schemas.length) {
          fieldsKnown = false;
          const parent = subschemasAt(schema, path);
          const known = new Set(parent.flatMap((s) => [...knownProperties(schema, s)]));
          issues.push(fileIssue(file, 'USE_CASE_UNKNOWN_FIELD', `${base}/prefill${toPointer(at)}`, `Use case "${useCase.id}" prefills "${at.join('.')}", which is not a field of the schema`, suggestion(key, known, 'Fields there'), { key: true }));
        } else if (schemas.some((s) => s.type === 'object' || s.properties)) {
          walk(sub, at);
        }
      }
    };
    walk(prefill, []);
    useCase.locked?.forEach((pointer, j) => {
      const segments = pointerSegments(pointer);
      if (!subschemasAt(schema, segments).length) {
        issues.push(fileIssue(file, 'USE_CASE_UNKNOWN_FIELD', `${base}/locked/${j}`, `Use case "${useCase.id}" locks "${pointer}", which is not a field of the schema`, 'Write a JSON pointer to a field, e.g. /legal/cadre_juridique_nature.'));
      } else if (valueAtPointer(prefill, pointer) === undefined) {
        issues.push(fileIssue(file, 'USE_CASE_LOCKED_NOT_PREFILLED', `${base}/locked/${j}`, `Use case "${useCase.id}" locks "${pointer}" but does not prefill it`, `Add its value under ${base}/prefill, or the applicant will face an empty field they cannot fill.`));
      }
    });
    useCase.steps?.forEach((step, j) => {
      if (!stepIds.includes(step)) {
        issues.push(fileIssue(file, 'USE_CASE_UNKNOWN_STEP', `${base}/steps/${j}`, `Use case "${useCase.id}" shows step "${step}", which the schema does not have`, suggestion(step, stepIds, 'Steps')));
      }
    });
    if (!validator || !fieldsKnown) return;
    // The use case's own rules (its scopes, its locks) are checked above; the plain save validator,
    // compiled once for every use case, says whether the values themselves are valid.
    const saved = validator.validate(prefill, { context: 'save' });
    for (const issue of saved.issues) {
      issues.push(fileIssue(file, 'USE_CASE_PREFILL_INVALID', `${base}/prefill${issue.pointer}`, `Prefill of use case "${useCase.id}" is invalid: ${issue.message}`));
    }
    // A save checks shapes only; a prefilled value must also pass the submit rules (formats, lengths),
    // or every applicant of the use case would be stuck with it. Absent fields are the applicant's to fill.
    if (saved.valid) {
      for (const issue of validator.validate(prefill, { context: 'submit' }).issues) {
        if (issue.code === 'FIELD_REQUIRED' || issue.code === 'TERMS_NOT_ACCEPTED' || valueAtPointer(prefill, issue.pointer) === undefined) continue;
        issues.push(fileIssue(file, 'USE_CASE_PREFILL_INVALID', `${base}/prefill${issue.pointer}`, `Prefill of use case "${useCase.id}" is invalid: ${issue.message}`));
      }
    }
    const hidden = useCase.steps ? stepIds.filter((s) => !useCase.steps!.includes(s)) : [];
    if (hidden.length && saved.valid) {
      const submitted = validator.validate(validator.normalize(prefill, { useCaseId: useCase.id }), { context: 'submit', useCaseId: useCase.id });
      for (const issue of submitted.issues) {
        const step = pointerSegments(issue.pointer)[0];
        if (step && hidden.includes(step)) {
          issues.push(fileIssue(file, 'USE_CASE_HIDDEN_STEP_INCOMPLETE', `${base}/prefill`, `Use case "${useCase.id}" hides step "${step}" but its prefill leaves ${issue.pointer} invalid: ${issue.message}`, 'Prefill that field, or show the step.'));
        }
      }
    }
  });
  return issues;
}
