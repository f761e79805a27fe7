import type { ErrorSchema, FieldProps, RJSFSchema } from '@rjsf/utils';
import { errorId } from '@rjsf/utils';
import type { DsfrFormContext } from '../DsfrFormContext.js';
import { classNames } from '../lib/classNames.js';
import { fieldTexts } from '../lib/fieldTexts.js';
import { isLocked } from '../lib/isLocked.js';
import { scopeGroupsFromSchema } from '../lib/scopeGroupsFromSchema.js';
import { scopeViews } from '../lib/scopeViews.js';
import { toggledScopes } from '../lib/toggledScopes.js';
import { ErrorText } from '../parts/ErrorText.js';
import { FieldHint } from '../parts/FieldHint.js';
import { ScopeCheckbox } from './ScopeCheckbox.js';

/** The errors of each selected scope, by value: the server points at the scope's index in the data. */
function errorsByValue(errorSchema: ErrorSchema | undefined, selected: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(errorSchema ?? {})) {
    const value = /^\d+$/.test(key) ? selected[Number(key)] : undefined;
    const messages = (entry as { __errors?: string[] } | undefined)?.__errors;
    if (value !== undefined && messages?.length) out.set(value, messages);
  }
  return out;
}

/**
 * The scopes step: one `fr-fieldset` per group of `formContext.scopes`, each scope a checkbox with its label,
 * help, documentation link and state (included, unavailable, deprecated), limited to the use case's scopes.
 * Ticking a box sets the list of values, in the order of definition.yaml.
 */
export function ScopesField(props: FieldProps<any, RJSFSchema, DsfrFormContext>) {
  const { schema, uiSchema, formData, onChange, fieldPathId, registry, name, disabled, readonly, rawErrors, hideError, errorSchema } = props;
  const id = fieldPathId.$id;
  const { title, description, help } = fieldTexts(schema, uiSchema, name);
  const context = registry.formContext?.scopes;
  const groups = context?.groups ?? scopeGroupsFromSchema(schema, registry.rootSchema, title);
  const selected = Array.isArray(formData) ? formData.filter((v): v is string => typeof v === 'string') : [];
  const locked = isLocked(registry.formContext, fieldPathId.path);
  const views = scopeViews(groups, selected, { allowed: context?.allowed, createdAt: context?.createdAt, frozen: disabled || readonly });
  const errors = hideError ? undefined : rawErrors;
  const hasErrors = Boolean(errors?.length);
  const itemErrors = hideError ? new Map<string, string[]>() : errorsByValue(errorSchema, selected);
  const toggle = (value: string, checked: boolean) => onChange(toggledScopes(views, groups, selected, value, checked), fieldPathId.path);
  return (
    <div className="dsfr-scopes" id={id}>
      {description || help || locked ? (
        <p className="fr-mb-2w">
          <FieldHint description={description} help={help} locked={locked} />
        </p>
      ) : null}
      <ErrorText id={id} errors={errors} />
      {views.map((group, index) => {
        const groupId = `${id}__group-${index}`;
        return (
          <fieldset
            key={group.group}
            className={classNames('fr-fieldset', hasErrors && 'fr-fieldset--error')}
            id={groupId}
            aria-labelledby={`${groupId}__legend`}
            aria-describedby={hasErrors ? errorId(id) : undefined}
          >
            <legend className="fr-fieldset__legend" id={`${groupId}__legend`}>
              {group.group}
            </legend>
            {group.items.map((view) => (
              <ScopeCheckbox
                key={view.scope.value}
                id={`${id}-${view.scope.value}`}
                name={fieldPathId.name ?? id}
                view={view}
                errors={itemErrors.get(view.scope.value)}
                onToggle={toggle}
              />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
