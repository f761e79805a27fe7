import { useCallback, useEffect, useRef, useState } from 'react';
import { StepForm, type DsfrFormContext } from '../theme/index.js';
import { ApiError, callApi, type ApiIssue } from './apiClient.js';
import { SaveStatus, type SaveState } from './SaveStatus.js';
import { withEmptyObjects } from './withEmptyObjects.js';
import type { JsonSchema } from '../../engine/schema/JsonSchema.js';
import { stepUrl, summaryUrl, type StepIslandProps } from './StepIslandProps.js';

const AUTOSAVE_MS = 2500;

interface Saved {
  request: { version: number; data: Record<string, unknown>; updatedAt: string };
}

/**
 * One step of the form, rendered on the server and hydrated in the browser: « Enregistrer » saves without
 * validating, « Suivant » validates this step (and the earlier ones) on the server and moves on, and every
 * change is saved a few seconds after the last keystroke. Errors come back from the server in French and
 * show next to their field and in the summary at the top.
 */
export function StepPageApp(props: StepIslandProps) {
  const { request, steps, stepIndex, csrfToken } = props;
  const step = steps[stepIndex]!;
  const [data, setData] = useState(request.data);
  const [issues, setIssues] = useState<ApiIssue[]>(props.issues ?? []);
  const [status, setStatus] = useState<SaveState>({ kind: 'saved', at: request.updatedAt });
  const [busy, setBusy] = useState(false);
  const version = useRef(request.version);
  const latest = useRef(data);
  const edits = useRef(0);
  /** How many edits the server has stored: the page has unsaved changes while `edits` is ahead of it. */
  const savedEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflict = useRef(false);

  const save = useCallback(
    async (validateStep?: string): Promise<boolean> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
      if (conflict.current) return false;
      const sentEdits = edits.current;
      // « Suivant » on untouched blocks: empty objects, so each missing field gets its own error.
      const data = validateStep ? withEmptyObjects(props.schema as JsonSchema, validateStep, latest.current) : latest.current;
      setStatus({ kind: 'saving' });
      try {
        const saved = await callApi<Saved>(csrfToken, 'PATCH', `/api/requests/${request.id}`, { data, version: version.current, ...(validateStep ? { step: validateStep } : {}) });
        version.current = saved.request.version;
        savedEdits.current = Math.max(savedEdits.current, sentEdits);
        // The server's normalised data replaces ours only if nothing was typed meanwhile.
        if (edits.current === sentEdits) {
          latest.current = saved.request.data;
          setData(saved.request.data);
          setStatus({ kind: 'saved', at: saved.request.updatedAt });
        } else setStatus({ kind: 'dirty' });
        setIssues([]);
        return true;
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError(0, [{ pointer: '', message: String(error) }], undefined);
        if (failure.status === 409) conflict.current = true;
        if (failure.status === 422) {
          setIssues(failure.issues);
          // The server refused the whole write: the page keeps the typed data, still to be saved.
          setStatus({ kind: 'dirty' });
        } else {
          setStatus({ kind: 'failed', message: failure.status === 409 ? 'la demande a été modifiée ailleurs (autre onglet ou autre personne). Rechargez la page pour voir sa dernière version.' : failure.message });
        }
        return false;
      }
    },
    [csrfToken, request.id, props.schema],
  );

  const onChange = useCallback(
    (next: Record<string, unknown>) => {
      latest.current = next;
      edits.current++;
      setData(next);
      setStatus({ kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [save],
  );

  // Leaving with unsaved changes: the browser finishes the save after the page is gone.
  useEffect(() => {
    const flush = () => {
      // Only changes the server has not stored yet: a page left right after a save sends nothing.
      if (edits.current === savedEdits.current || conflict.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
      savedEdits.current = edits.current;
      void fetch(`/api/requests/${request.id}`, {
        method: 'PATCH',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ data: latest.current, version: version.current }),
      });
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [csrfToken, request.id]);

  // A link of the site followed with unsaved changes: save first, then go, so the next page reads this
  // save's version (a save sent while leaving could land after the next page was rendered).
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target || link.origin !== window.location.origin || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (edits.current === savedEdits.current || conflict.current) return;
      event.preventDefault();
      void save().then((ok) => {
        if (ok) window.location.assign(link.href);
      });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [save]);

  useEffect(() => {
    if (issues.length) document.querySelector<HTMLElement>('#contenu .fr-alert--error')?.focus();
  }, [issues]);

  const next = async () => {
    setBusy(true);
    const ok = await save(step.id);
    setBusy(false);
    if (ok) window.location.assign(stepIndex + 1 < steps.length ? stepUrl(request.id, steps[stepIndex + 1]!.id) : summaryUrl(request.id));
  };

  const context: DsfrFormContext = {
    ...(props.context as DsfrFormContext),
    uploadDocuments: async (pointer: string, files: File[]) => {
      const form = new FormData();
      form.append('field', pointer);
      for (const file of files) form.append('files', file);
      try {
        const answer = await callApi<{ documents: { id: string; filename: string; content_type: string; size: number }[] }>(csrfToken, 'POST', `/api/requests/${request.id}/documents`, form);
        return answer.documents;
      } catch (error) {
        throw new Error(error instanceof Error ? error.message : String(error));
      }
    },
  };

  return (
    <>
      <SaveStatus state={status} now={props.now} />
      <StepForm schema={props.schema} uiSchema={props.uiSchema} stepId={step.id} data={data} issues={issues} context={context} onChange={onChange} formId="formulaire-etape" readonly={step.inherited === true}>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          {stepIndex > 0 ? (
            <li>
              <a className="fr-btn fr-btn--tertiary" href={stepUrl(request.id, steps[stepIndex - 1]!.id)}>Précédent</a>
            </li>
          ) : null}
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" disabled={busy} onClick={() => void save()}>Enregistrer</button>
          </li>
          <li>
            <button type="button" className="fr-btn" disabled={busy} onClick={() => void next()}>Suivant</button>
          </li>
        </ul>
      </StepForm>
    </>
  );
}
