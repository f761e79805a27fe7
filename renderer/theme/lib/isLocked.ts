import type { FieldPathList } from '@rjsf/utils';
import type { DsfrFormContext } from '../DsfrFormContext.js';
import { pointerFromPath } from './jsonPointer.js';

/** Whether the use case locked the field at `path` itself (not one of its parents). */
export function isLocked(context: DsfrFormContext | undefined, path: FieldPathList): boolean {
  const locked = context?.locked;
  return Boolean(locked && path.length > 0 && locked.includes(pointerFromPath(path)));
}
