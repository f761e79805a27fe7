import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { suggestion } from '../issues/didYouMean.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { itemSchemas, knownProperties, propertySchemas } from '../schema/subschemasAt.js';
import { toPointer, type SourceFile } from '../source/SourceFile.js';
import { WIDGET_NAMES } from '../ui/widgetNames.js';

/**
 * Check ui.json against the bundled schema: every field key names a property that exists at that place
 * (whatever branch declares it), `ui:order` lists only such properties, widgets are known.
 */
export function checkUiSchema(file: SourceFile, root: JsonSchema): Issue[] {
  const issues: Issue[] = [];
  const visit = (ui: unknown, schemas: JsonSchema[], path: string[]) => {
    if (!ui || typeof ui !== 'object' || Array.isArray(ui)) return;
    const known = new Set<string>();
    for (const s of schemas) for (const k of knownProperties(root, s)) known.add(k);
    const isArray = schemas.some((s) => s.type === 'array' || s.items);
    for (const [key, value] of Object.entries(ui)) {
      const pointer = toPointer([...path, key]);
      if (key === 'ui:widget') {
        if (typeof value === 'string' && !WIDGET_NAMES.has(value)) {
          issues.push(fileIssue(file, 'UI_UNKNOWN_WIDGET', pointer, `Unknown widget "${value}"`, suggestion(value, WIDGET_NAMES, 'Known widgets')));
        }
      } else if (key === 'ui:order') {
        if (Array.isArray(value)) {
          value.forEach((name, i) => {
            if (typeof name === 'string' && name !== '*' && !known.has(name)) {
              issues.push(fileIssue(file, 'UI_ORDER_UNKNOWN', `${pointer}/${i}`, `ui:order names "${name}", which is not a field here`, suggestion(name, known, 'Fields')));
            }
          });
        }
      } else if (key.startsWith('ui:')) {
        continue;
      } else if (key === 'items' && isArray) {
        visit(value, schemas.flatMap((s) => itemSchemas(root, s)), [...path, key]);
      } else if (!known.has(key)) {
        const where = path.length ? `under "${path.join('/')}"` : 'at the top level';
        issues.push(fileIssue(file, 'UI_UNKNOWN_FIELD', pointer, `ui.json names "${key}", which is not a field of the schema ${where}`, suggestion(key, known, 'Fields'), { key: true }));
      } else {
        visit(value, schemas.flatMap((s) => propertySchemas(root, s, key)), [...path, key]);
      }
    }
  };
  visit(file.value, [root], []);
  return issues;
}
