import type { ErrorObject } from 'ajv';
import { isIssueCode, type IssueCode } from '../issues/catalogue.js';
import type { Issue } from '../issues/Issue.js';
import type { JsonSchema } from '../schema/JsonSchema.js';
import { pointerSegments } from '../source/SourceFile.js';
import type { FieldLabeler } from './fieldLabel.js';
import { frenchPhrase, quote, sentence } from './frenchPhrases.js';
import { reachableSchemas } from './reachableSchemas.js';

const ENGINE_KEYWORD = 'datapass:';

const isSummary = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf';
const originals = (e: ErrorObject): ErrorObject[] => (e.keyword === 'errorMessage' && Array.isArray(e.params?.errors) ? (e.params.errors as ErrorObject[]) : []);
const escapeSegment = (s: unknown) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const within = (path: string, base: string) => path === base || path.startsWith(base + '/');

function codeOf(e: ErrorObject): IssueCode {
  switch (e.keyword) {
    case 'required':
    case 'dependencies':
      return 'FIELD_REQUIRED';
    // An empty text or list under a minimum is a field left empty, not a field too short.
    case 'minLength':
      return e.data === '' ? 'FIELD_REQUIRED' : 'FIELD_INVALID';
    case 'minItems':
      return Array.isArray(e.data) && e.data.length === 0 ? 'FIELD_REQUIRED' : 'FIELD_INVALID';
    case 'type':
      return 'FIELD_TYPE';
    case 'format':
    case 'pattern':
      return 'FIELD_FORMAT';
    case 'additionalProperties':
      return 'FIELD_UNKNOWN';
    default: {
      const code = e.params?.code;
      return e.keyword.startsWith(ENGINE_KEYWORD) && typeof code === 'string' && isIssueCode(code) ? code : 'FIELD_INVALID';
    }
  }
}

function pointerOf(e: ErrorObject): string {
  if (e.keyword === 'required' || e.keyword === 'dependencies') return `${e.instancePath}/${escapeSegment(e.params.missingProperty)}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escapeSegment(e.params.additionalProperty)}`;
  return e.instancePath;
}

/**
 * Turns ajv's errors into issues, one per problem, in French, naming fields by their titles:
 * - anyOf/oneOf: one issue for the rule, not one per failed branch (branch errors are found by the schemas
 *   reachable from the branches, so branches behind a $ref are recognised too);
 * - `if`: dropped, the then/else errors say what is wrong;
 * - `errorMessage` (ajv-errors) wins, its code and pointer taken from the errors it replaces; a message
 *   starting with a lower-case letter is a predicate and gets the field's label in front.
 * `root` is the schema the validator was compiled from; it is read on the error path only.
 */
export function createIssueMaker(root: JsonSchema, labeler: FieldLabeler): (errors: readonly ErrorObject[] | null | undefined) => Issue[] {
  const reachable = new WeakMap<object, Set<object>>();
  const reachableFrom = (summary: ErrorObject) => {
    const branches = Array.isArray(summary.schema) ? summary.schema : [];
    let set = reachable.get(branches);
    if (!set) reachable.set(branches, (set = reachableSchemas(root, branches)));
    return set;
  };
  const path = (pointer: string) => pointerSegments(pointer);
  const label = (pointer: string) => labeler.label(path(pointer));

  return (errors) => {
    const all = errors ?? [];
    const summaries = all.flatMap((e) => (isSummary(e) ? [e] : originals(e).filter(isSummary)));
    const children = new Map<ErrorObject, ErrorObject[]>();
    const absorbed = new Set<ErrorObject>();
    for (const summary of summaries) {
      const reach = reachableFrom(summary);
      const kids = all.filter(
        (e) => e !== summary && !originals(e).includes(summary) && within(e.instancePath, summary.instancePath) && e.parentSchema !== undefined && reach.has(e.parentSchema),
      );
      kids.forEach((k) => absorbed.add(k));
      children.set(summary, kids);
    }
    const leaves = (e: ErrorObject): ErrorObject[] => {
      if (e.keyword === 'errorMessage') return originals(e).flatMap(leaves);
      if (isSummary(e)) {
        const kids = children.get(e) ?? [];
        return kids.length ? kids.flatMap(leaves) : [e];
      }
      return e.keyword === 'if' ? [] : [e];
    };

    const plain = (e: ErrorObject): Issue => {
      const code = codeOf(e);
      const pointer = pointerOf(e);
      const p = e.params as Record<string, unknown>;
      let message: string;
      if (e.keyword.startsWith(ENGINE_KEYWORD)) message = e.message ?? '';
      else if (e.keyword === 'additionalProperties') {
        const parent = path(e.instancePath);
        message = `« ${p.additionalProperty} »${parent.length ? ` (${labeler.title(parent)})` : ''} n'est pas un champ du formulaire.`;
      } else if (e.keyword === 'dependencies') {
        message = `${label(pointer)} est obligatoire quand « ${labeler.title([...path(e.instancePath), String(p.property)])} » est renseigné.`;
      } else if (code === 'FIELD_REQUIRED') message = `${label(pointer)} est obligatoire.`;
      else message = `${label(pointer)} ${frenchPhrase(e)}.`;
      return { code, message, pointer };
    };

    const summaryIssue = (s: ErrorObject): Issue => {
      const where = label(s.instancePath);
      if (s.keyword === 'oneOf' && Array.isArray(s.params?.passingSchemas)) {
        return { code: 'FIELD_INVALID', pointer: s.instancePath, message: `${where} correspond à plusieurs choix qui s'excluent.` };
      }
      const kids = leaves(s).filter((k) => k !== s);
      if (kids.length && kids.every((k) => k.keyword === 'required' && k.instancePath === s.instancePath)) {
        const names = [...new Set(kids.map((k) => `« ${labeler.title([...path(s.instancePath), String(k.params.missingProperty)])} »`))];
        return { code: 'FIELD_REQUIRED', pointer: s.instancePath, message: `${where} : renseignez ${names.join(' ou ')}.` };
      }
      if (kids.length && kids.every((k) => (k.keyword === 'const' || k.keyword === 'enum') && k.instancePath === s.instancePath)) {
        const value = typeof s.data === 'string' || typeof s.data === 'number' ? ` (${quote(s.data)} n'en fait pas partie)` : '';
        return { code: 'FIELD_INVALID', pointer: s.instancePath, message: `${where} doit être l'une des valeurs proposées${value}.` };
      }
      return { code: 'FIELD_INVALID', pointer: s.instancePath, message: `${where} ne correspond à aucun des cas prévus.` };
    };

    const custom = (e: ErrorObject): Issue[] => {
      const text = (e.message ?? '').trim();
      const predicate = /^\p{Ll}/u.test(text);
      const say = (pointer: string) => sentence(predicate ? `${label(pointer)} ${text}` : text);
      const direct = originals(e);
      // A message for `required` given once for several missing fields: one issue per field.
      if (predicate && direct.length > 1 && direct.every((o) => o.keyword === 'required')) {
        return direct.map((o) => ({ code: 'FIELD_REQUIRED' as const, pointer: pointerOf(o), message: say(pointerOf(o)) }));
      }
      const under = direct.flatMap(leaves);
      const codes = [...new Set(under.map(codeOf))];
      const code = codes.length === 1 ? codes[0]! : (codes.find((c) => c !== 'FIELD_REQUIRED') ?? 'FIELD_INVALID');
      const pointers = [...new Set(under.map(pointerOf))];
      const pointer = pointers.length === 1 && !direct.some(isSummary) ? pointers[0]! : e.instancePath;
      return [{ code, pointer, message: say(pointer) }];
    };

    const issues: Issue[] = [];
    const seen = new Set<string>();
    for (const e of all) {
      if (absorbed.has(e) || e.keyword === 'if') continue;
      const made = isSummary(e) ? [summaryIssue(e)] : e.keyword === 'errorMessage' ? custom(e) : [plain(e)];
      for (const issue of made) {
        const key = `${issue.code}\u0000${issue.pointer}\u0000${issue.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        issues.push(issue);
      }
    }
    return oneIssuePerValue(issues);
  };
}

/**
 * Where one value breaks several rules for one reason, keep the telling issue: a box not ticked says it
 * better than its type; a value of the wrong type makes its list of values or its format beside the point.
 */
function oneIssuePerValue(issues: Issue[]): Issue[] {
  const terms = new Set(issues.filter((i) => i.code === 'TERMS_NOT_ACCEPTED').map((i) => i.pointer));
  const typed = new Set(issues.filter((i) => i.code === 'FIELD_TYPE').map((i) => i.pointer));
  if (!terms.size && !typed.size) return issues;
  return issues.filter((i) => {
    if (terms.has(i.pointer)) return i.code === 'TERMS_NOT_ACCEPTED';
    return !(typed.has(i.pointer) && (i.code === 'FIELD_INVALID' || i.code === 'FIELD_FORMAT'));
  });
}
