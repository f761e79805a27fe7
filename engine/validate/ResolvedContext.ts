import type { ValidationContext } from '../model/Definition.js';

/** A validation context checked against the form's steps. */
export type ResolvedContext = { kind: 'save' } | { kind: 'submit' } | { kind: 'step'; step: string; index: number };

/** The context, or undefined when it names a step the form does not have. */
export function resolveContext(context: ValidationContext, stepIds: readonly string[]): ResolvedContext | undefined {
  if (context === 'save' || context === 'submit') return { kind: context };
  if (context && typeof context === 'object' && typeof context.step === 'string') {
    const index = stepIds.indexOf(context.step);
    if (index >= 0) return { kind: 'step', step: context.step, index };
  }
  return undefined;
}

/** Whether the rules of `stepId` are enforced in this context (every step at submit, earlier ones at a step). */
export function enforces(context: ResolvedContext, stepId: string, stepIds: readonly string[]): boolean {
  if (context.kind === 'submit') return true;
  if (context.kind === 'save') return false;
  const index = stepIds.indexOf(stepId);
  return index >= 0 && index <= context.index;
}
