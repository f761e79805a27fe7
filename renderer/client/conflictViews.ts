import type { JsonSchema } from '../../engine/schema/JsonSchema.js';
import { titleAt } from '../../engine/schema/subschemasAt.js';
import { segmentsFromPointer } from '../theme/lib/jsonPointer.js';
import type { ConflictView } from './ConflictChoice.js';
import type { MergeConflict } from './mergeByPointer.js';
import { valueText } from './valueText.js';

/**
 * Each conflict as the applicant reads it: the step's title and the field's label (the nearest title up the
 * path: an item of a list is named by its list), both values in words.
 */
export function conflictViews(schema: JsonSchema, steps: readonly { id: string; title: string }[], conflicts: readonly MergeConflict[]): ConflictView[] {
  return conflicts.map((c) => {
    const path = segmentsFromPointer(c.pointer);
    const step = steps.find((s) => s.id === path[0]);
    let field: string | undefined;
    for (let n = path.length; n > 1 && !field; n--) field = titleAt(schema, path.slice(0, n));
    const label = [step?.title ?? titleAt(schema, path.slice(0, 1)) ?? path[0], field].filter(Boolean).join(' – ');
    return { pointer: c.pointer, label, mine: valueText(schema, path, c.mine), theirs: valueText(schema, path, c.theirs) };
  });
}
