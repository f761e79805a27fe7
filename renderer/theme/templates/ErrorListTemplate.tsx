import type { ErrorListProps, RJSFSchema } from '@rjsf/utils';
import { toPath } from '@rjsf/utils';
import { errorTarget } from '../lib/errorTarget.js';

function heading(count: number): string {
  return `Le formulaire contient ${count} ${count > 1 ? 'erreurs' : 'erreur'}`;
}

/** The error summary at the top of the form: each error links to its field, named by its title. */
export function ErrorListTemplate(props: ErrorListProps<any, RJSFSchema, any>) {
  const { errors, schema, uiSchema, registry } = props;
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w dsfr-error-summary" role="alert" tabIndex={-1}>
      <h3 className="fr-alert__title">{heading(errors.length)}</h3>
      <ul>
        {errors.map((error, index) => {
          const path = error.property && error.property !== '.' ? toPath(error.property) : [];
          const { anchor, title } = errorTarget(path, schema, uiSchema, registry.globalFormOptions);
          const text = title ? `${title} : ${error.message ?? ''}` : (error.message ?? error.stack);
          return <li key={index}>{anchor ? <a href={`#${anchor}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </div>
  );
}
