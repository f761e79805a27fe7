import { useCallback, useEffect, useRef, useState } from 'react';
import type { JsonSchema } from '../../engine/schema/JsonSchema.js';
import { deepEqual } from '../../engine/validate/jsonValue.js';
import { StepForm, type DsfrFormContext } from '../theme/index.js';
import { ApiError, callApi, type ApiIssue } from './apiClient.js';
import { ConflictChoice, type Choice } from './ConflictChoice.js';
import { conflictViews } from './conflictViews.js';
import { mergeByPointer, type MergeConflict } from './mergeByPointer.js';
import { issuesOfOtherSteps, OtherStepsErrors } from './OtherStepsErrors.js';
import { recall, remember } from './requestMemory.js';
import { SaveStatus, type SaveState } from './SaveStatus.js';
import { stepUrl, summaryUrl, type StepIslandProps } from './StepIslandProps.js';
import { withEmptyObjects } from './withEmptyObjects.js';
import { withValueAt } from './withValueAt.js';

const AUTOSAVE_MS = 2500;
/** Saves refused 409 in a row before giving up: each is followed by a merge, so more means the request keeps changing elsewhere. */
const MAX_ATTEMPTS = 3;

type ServerRequest = { version: number; data: Record<string, unknown>; updatedAt: string };
interface Saved {
  request: ServerRequest;
}

const failureOf = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, [{ pointer: '', message: String(error) }], undefined));

/**
 * One step of the form, rendered on the server and hydrated in the browser: « Enregistrer » saves without
 * validating, « Suivant » validates this step (and the earlier ones) on the server and moves on, and every
 * change is saved a few seconds after the last keystroke. Errors come back from the server in French and
 * show next to their field and in the summary at the top; errors of earlier steps link to those steps.
 *
 * Nothing typed is lost: the page is flushed when hidden (a keepalive save, and a copy in the tab's session
 * storage that the next page of the request takes back), re-read when restored from the back-forward cache
 * or rendered older than what the tab has seen, and a save refused because the request changed elsewhere
 * merges the server's data with the page's by JSON pointer and is sent again; a field changed on both sides
 * is the applicant's to choose.
 */
export function StepPageApp(props: StepIslandProps) {
  const { request, steps, stepIndex, csrfToken } = props;
  const step = steps[stepIndex]!;
  const schema = props.schema as JsonSchema;
  const [data, setData] = useState(request.data);
  const [issues, setIssues] = useState<ApiIssue[]>(props.issues ?? []);
  const [status, setStatus] = useState<SaveState>({ kind: 'saved', at: request.updatedAt });
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<MergeConflict[]>([]);
  /** The version of the request the page last read from the server, and its data then: a merge's common base. */
  const version = useRef(request.version);
  const base = useRef(request.data);
  const latest = useRef(data);
  const edits = useRef(0);
  /** How many edits the server has stored: the page has unsaved changes while `edits` is ahead of it. */
  const savedEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The last queued server exchange: saves and re-reads run one after the other, each at the version the last one left. */
  const queue = useRef<Promise<boolean> | undefined>(undefined);
  /** Whether the issues shown came from « Suivant »: a plain save after it does not validate, so it leaves them. */
  const issuesOfStep = useRef((props.issues ?? []).length > 0);
  /** Fields changed on both sides wait for the applicant's choice: nothing is saved meanwhile. */
  const blocked = useRef(false);

  const show = (next: Record<string, unknown>) => {
    latest.current = next;
    setData(next);
  };

  const adopt = (server: ServerRequest) => {
    version.current = server.version;
    base.current = server.data;
    remember(request.id, { version: server.version });
  };

  /** Takes the server's newer data in, keeping the page's changes; false when fields changed on both sides. */
  const reconcile = (server: ServerRequest): boolean => {
    const merged = mergeByPointer(base.current, latest.current, server.data);
    adopt(server);
    show(merged.data);
    if (deepEqual(merged.data, server.data)) savedEdits.current = edits.current;
    else if (edits.current === savedEdits.current) edits.current++;
    if (merged.conflicts.length) {
      blocked.current = true;
      setConflicts(merged.conflicts);
      setStatus({ kind: 'conflict' });
      return false;
    }
    setStatus(edits.current === savedEdits.current ? { kind: 'saved', at: server.updatedAt } : { kind: 'dirty' });
    return true;
  };

  const readServer = async (): Promise<ServerRequest | undefined> => {
    try {
      return (await callApi<Saved>(csrfToken, 'GET', `/api/requests/${request.id}`)).request;
    } catch (error) {
      setStatus({ kind: 'failed', message: failureOf(error).message });
      return undefined;
    }
  };

  const enqueue = (task: () => Promise<boolean>): Promise<boolean> => {
    const run = (queue.current ?? Promise.resolve(true)).then(task, task);
    queue.current = run;
    void run.finally(() => {
      if (queue.current === run) queue.current = undefined;
    });
    return run;
  };

  const save = useCallback(
    (validateStep?: string): Promise<boolean> =>
      enqueue(async () => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = undefined;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          if (blocked.current) {
            // « Enregistrer » or « Suivant » while choices are pending: point at them rather than do nothing.
            document.getElementById('conflit-titre')?.focus();
            return false;
          }
          const sentEdits = edits.current;
          // « Suivant » on untouched blocks: empty objects, so each missing field gets its own error.
          const sent = validateStep ? withEmptyObjects(schema, validateStep, latest.current) : latest.current;
          setStatus({ kind: 'saving' });
          try {
            const saved = await callApi<Saved>(csrfToken, 'PATCH', `/api/requests/${request.id}`, { data: sent, version: version.current, ...(validateStep ? { step: validateStep } : {}) });
            adopt(saved.request);
            savedEdits.current = Math.max(savedEdits.current, sentEdits);
            // The server's normalised data replaces ours only if nothing was typed meanwhile.
            if (edits.current === sentEdits) {
              show(saved.request.data);
              setStatus({ kind: 'saved', at: saved.request.updatedAt });
            } else setStatus({ kind: 'dirty' });
            if (validateStep || !issuesOfStep.current) setIssues([]);
            return true;
          } catch (error) {
            const failure = failureOf(error);
            if (failure.status === 409) {
              // Changed elsewhere (another tab, a person, or this tab's save sent while leaving a page): merge, send again.
              const server = await readServer();
              if (!server || !reconcile(server)) return false;
              if (!validateStep && edits.current === savedEdits.current) return true;
              continue;
            }
            if (failure.status === 422) {
              setIssues(failure.issues);
              issuesOfStep.current = validateStep !== undefined;
              // The server refused the whole write; the page keeps the typed data, and a refused « Suivant » still saves it.
              setStatus({ kind: 'dirty' });
              if (validateStep) void save();
            } else setStatus({ kind: 'failed', message: failure.message });
            return false;
          }
        }
        setStatus({ kind: 'failed', message: 'la demande est modifiée ailleurs en ce moment même. Réessayez dans un instant.' });
        return false;
      }),
    // The refs hold the moving parts; these are fixed for the page's life.
    [csrfToken, request.id, schema],
  );

  /** Re-reads the request and merges it in, then saves what the page holds that the server lacks. */
  const refresh = useCallback(
    () =>
      enqueue(async () => {
        const server = await readServer();
        if (!server) return false;
        if (server.version === version.current && edits.current === savedEdits.current) return true;
        if (!reconcile(server)) return false;
        if (edits.current !== savedEdits.current) void save();
        return true;
      }),
    [save],
  );

  const onChange = useCallback(
    (next: Record<string, unknown>) => {
      latest.current = next;
      edits.current++;
      setData(next);
      if (blocked.current) return;
      setStatus({ kind: 'dirty' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [save],
  );

  // Arriving: changes this tab left on a page of this request, not confirmed by the server, are taken back and
  // merged with what the server holds now; a page older than what this tab has seen (a cached one) is re-read.
  useEffect(() => {
    const memory = recall(request.id);
    if (memory?.pending) {
      base.current = memory.pending.base;
      version.current = memory.pending.baseVersion;
      show(memory.pending.data);
      edits.current++;
      setStatus({ kind: 'dirty' });
      void refresh();
    } else if (memory && memory.version > request.version) void refresh();
    else remember(request.id, { version: request.version });
    // Once, when the page is shown.
  }, []);

  // Back from the back-forward cache: the page is as it was left, the server may have moved on since.
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) void refresh();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [refresh]);

  // Leaving with unsaved changes: a copy for this tab's next page of the request, and a save the browser
  // finishes after the page is gone.
  useEffect(() => {
    const flush = () => {
      const inFlight = queue.current !== undefined;
      if (edits.current === savedEdits.current && !inFlight) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
      remember(request.id, { version: version.current, pending: { baseVersion: version.current, base: base.current, data: latest.current } });
      // Fields waiting for the applicant's choice: sending the page's data would choose for them.
      if (blocked.current) return;
      // A save still on its way takes the request one version further if it lands: this one follows it.
      const at = inFlight ? version.current + 1 : version.current;
      fetch(`/api/requests/${request.id}`, {
        method: 'PATCH',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ data: latest.current, version: at }),
      }).catch(() => undefined);
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
      if ((edits.current === savedEdits.current && !queue.current) || blocked.current) return;
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

  const resolve = (choices: Map<string, Choice>) => {
    let next = latest.current;
    for (const c of conflicts) if (choices.get(c.pointer) === 'theirs') next = withValueAt(next, c.pointer, c.theirs);
    blocked.current = false;
    setConflicts([]);
    show(next);
    edits.current++;
    void save();
  };

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
      {conflicts.length ? <ConflictChoice key={conflicts.map((c) => c.pointer).join(' ')} conflicts={conflictViews(schema, steps, conflicts)} onResolve={resolve} /> : null}
      <OtherStepsErrors requestId={request.id} issues={issuesOfOtherSteps(issues, steps, step.id)} />
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
