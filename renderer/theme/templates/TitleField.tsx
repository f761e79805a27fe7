import type { RJSFSchema, TitleFieldProps } from '@rjsf/utils';
import { RequiredMark } from '../parts/RequiredMark.js';

/** A title that rjsf places itself (objects and lists of this theme use a legend instead). */
export function TitleField({ id, title, required }: TitleFieldProps<any, RJSFSchema, any>) {
  if (!title) return null;
  return (
    <p className="fr-text--lg fr-text--bold fr-mb-2w" id={id}>
      {title}
      <RequiredMark required={required} />
    </p>
  );
}
