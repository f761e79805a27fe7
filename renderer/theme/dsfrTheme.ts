import type { ThemeProps } from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import type { DsfrFormContext } from './DsfrFormContext.js';
import { ContactField } from './fields/ContactField.js';
import { DocumentsField } from './fields/DocumentsField.js';
import { SchemaField } from './fields/SchemaField.js';
import { ScopesField } from './fields/ScopesField.js';
import { THEME_FIELDS } from './lib/customFieldFor.js';
import { ArrayFieldItemTemplate } from './templates/ArrayFieldItemTemplate.js';
import { ArrayFieldTemplate } from './templates/ArrayFieldTemplate.js';
import { BaseInputTemplate } from './templates/BaseInputTemplate.js';
import { AddButton } from './templates/buttons/AddButton.js';
import { ClearButton } from './templates/buttons/ClearButton.js';
import { CopyButton } from './templates/buttons/CopyButton.js';
import { MoveDownButton } from './templates/buttons/MoveDownButton.js';
import { MoveUpButton } from './templates/buttons/MoveUpButton.js';
import { RemoveButton } from './templates/buttons/RemoveButton.js';
import { SubmitButton } from './templates/buttons/SubmitButton.js';
import { DescriptionField } from './templates/DescriptionField.js';
import { ErrorListTemplate } from './templates/ErrorListTemplate.js';
import { FieldTemplate } from './templates/FieldTemplate.js';
import { ObjectFieldTemplate } from './templates/ObjectFieldTemplate.js';
import { TitleField } from './templates/TitleField.js';
import { CheckboxesWidget } from './widgets/CheckboxesWidget.js';
import { CheckboxWidget } from './widgets/CheckboxWidget.js';
import { DateWidget } from './widgets/DateWidget.js';
import { EmailWidget } from './widgets/EmailWidget.js';
import { RadioWidget } from './widgets/RadioWidget.js';
import { SelectWidget } from './widgets/SelectWidget.js';
import { TextareaWidget } from './widgets/TextareaWidget.js';
import { TextWidget } from './widgets/TextWidget.js';
import { UpDownWidget } from './widgets/UpDownWidget.js';
import { URLWidget } from './widgets/URLWidget.js';

/**
 * The DSFR theme of rjsf 6, registered the rjsf way: templates, widgets (by rjsf's names, so `ui:widget` values
 * keep working) and fields. The theme's fields are picked from the schema by its SchemaField.
 */
export const dsfrTheme: ThemeProps<any, RJSFSchema, DsfrFormContext> = {
  templates: {
    ArrayFieldItemTemplate,
    ArrayFieldTemplate,
    BaseInputTemplate,
    DescriptionFieldTemplate: DescriptionField,
    ErrorListTemplate,
    FieldTemplate,
    ObjectFieldTemplate,
    TitleFieldTemplate: TitleField,
    ButtonTemplates: { AddButton, ClearButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton, SubmitButton },
  },
  widgets: {
    CheckboxWidget,
    CheckboxesWidget,
    DateWidget,
    EmailWidget,
    RadioWidget,
    SelectWidget,
    TextWidget,
    TextareaWidget,
    URLWidget,
    UpDownWidget,
    // rjsf maps `format: "uri"` to URLWidget; the definitions say `format: "url"`, found in the registry by name.
    url: URLWidget,
  },
  fields: {
    SchemaField,
    [THEME_FIELDS.scopes]: ScopesField,
    [THEME_FIELDS.documents]: DocumentsField,
    [THEME_FIELDS.contact]: ContactField,
  },
};
