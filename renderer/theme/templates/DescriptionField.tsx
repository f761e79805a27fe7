import type { DescriptionFieldProps, RJSFSchema } from '@rjsf/utils';

/** A description that rjsf places itself (FieldTemplate puts descriptions in the label's hint instead). */
export function DescriptionField({ id, description }: DescriptionFieldProps<any, RJSFSchema, any>) {
  if (!description) return null;
  return (
    <div className="fr-hint-text" id={id}>
      {description}
    </div>
  );
}
