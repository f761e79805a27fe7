import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { IChangeEvent } from '@rjsf/core';
import type { Experimental_DefaultFormStateBehavior, RJSFSchema, UiSchema } from '@rjsf/utils';
import { DsfrForm } from './DsfrForm.js';
import type { DsfrFormContext } from './DsfrFormContext.js';
import { errorSchemaFromIssues, type FormIssue } from './errorSchemaFromIssues.js';
import { formValidator } from './formValidator.js';
import { escapeSegment } from './lib/jsonPointer.js';
import { stepSchema } from './stepSchema.js';

export interface StepFormProps {
  /** The whole form schema (`formSchema(definition)`), with its top-level `definitions`. */
  schema: RJSFSchema;
  /** The whole ui.json. */
  uiSchema: UiSchema;
  stepId: string;
  /** The whole request data. */
  data: Record<string, unknown>;
  /** The server's issues, for the whole form: only this step's are shown. */
  issues?: FormIssue[];
  context: DsfrFormContext;
  /** Called when the applicant changes the step, with the whole data, this step replaced. */
  onChange?: (data: Record<string, unknown>) => void;
  /** The page's buttons, rendered inside the `<form>`. */
  children?: ReactNode;
  formId?: string;
  /** Shows the step read-only, e.g. a step a production stage carries over from its sandbox. */
  readonly?: boolean;
}

/**
 * Defaults rjsf fills in: those of shared blocks too (a contact is an `allOf`), but never an answer the applicant
 * must give: no `const` (an attestation would come ticked), no first `oneOf` option, no `false` for a required
 * box, no empty items for a list's `minItems` (an empty document reference).
 */
const DEFAULTS: Experimental_DefaultFormStateBehavior = {
  allOf: 'populateDefaults',
  constAsDefaults: 'never',
  requiredBooleanDefault: 'skip',
  arrayMinItems: { populate: 'never' },
};

/** The issues about `stepId` or something inside it. */
function stepIssues(issues: readonly FormIssue[], stepId: string): FormIssue[] {
  const pointer = `/${escapeSegment(stepId)}`;
  return issues.filter((issue) => issue.pointer === pointer || issue.pointer.startsWith(`${pointer}/`));
}

/**
 * One step of a request's form, DSFR-themed. The server validates (in French) and its issues come back as
 * `extraErrors`, shown beside each field and in the summary at the top from the very first render, the
 * server's included; the browser does not validate (`noValidate`).
 */
export function StepForm({ schema, uiSchema, stepId, data, issues, context, onChange, children, formId, readonly }: StepFormProps) {
  const formSchema = stepSchema(schema, stepId);
  const stepUi = uiSchema[stepId] as UiSchema | undefined;
  const formUiSchema = useMemo<UiSchema>(() => (stepUi ? { [stepId]: stepUi } : {}), [stepId, stepUi]);
  // An absent step stays absent: a key holding `undefined` would keep rjsf from filling in the step's defaults.
  const formData = useMemo(() => (data[stepId] === undefined ? {} : { [stepId]: data[stepId] }), [stepId, data]);
  const extraErrors = useMemo(() => {
    const own = stepIssues(issues ?? [], stepId);
    return own.length ? errorSchemaFromIssues(own) : undefined;
  }, [issues, stepId]);

  // rjsf reports the defaults it fills in while it is first rendered: that is not the applicant's doing, and a
  // parent's state must not change during a render. Only changes made once mounted are reported.
  const mounted = useRef(false);
  const latest = useRef({ data, onChange, stepId });
  latest.current = { data, onChange, stepId };
  const report = useCallback((event: IChangeEvent<Record<string, unknown>>) => {
    const { data: whole, onChange: notify, stepId: step } = latest.current;
    if (mounted.current) notify?.({ ...whole, [step]: event.formData?.[step] });
  }, []);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  return (
    <DsfrForm
      id={formId}
      className="dsfr-form"
      schema={formSchema}
      uiSchema={formUiSchema}
      formData={formData}
      formContext={context}
      validator={formValidator}
      extraErrors={extraErrors}
      noValidate
      noHtml5Validate
      showErrorList="top"
      experimental_defaultFormStateBehavior={DEFAULTS}
      readonly={readonly}
      onChange={report}
    >
      {children}
    </DsfrForm>
  );
}
