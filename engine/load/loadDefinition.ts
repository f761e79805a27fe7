import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Issue } from '../issues/Issue.js';
import { fileIssue } from '../issues/makeIssue.js';
import { closest } from '../issues/didYouMean.js';
import type { Definition, LoadResult } from '../model/Definition.js';
import { bundleSchema } from '../schema/bundleSchema.js';
import { metaSchemaIssues } from '../source/metaSchemaIssues.js';
import { readSourceFile } from '../source/readSourceFile.js';
import { checkConvention } from '../check/checkConvention.js';
import { checkMetaConsistency } from '../check/checkMetaConsistency.js';
import { checkSchemaDocument, readSteps } from '../check/checkSchema.js';
import { checkScopes } from '../check/checkScopes.js';
import { checkUiSchema } from '../check/checkUiSchema.js';
import { checkUseCases } from '../check/checkUseCases.js';
import { createSubmissionValidator, schemaVocabulary, type EngineSubmissionValidator } from '../validate/index.js';
import { checkWorkflow } from '../workflow/index.js';
import { createLoadEnvironment, type LoadEnvironment } from './LoadEnvironment.js';
import { checkExample, readExamples, runExample } from './loadExamples.js';
import { definitionMetaSchema } from './metaSchemas/definitionMetaSchema.js';
import { uiMetaSchema } from './metaSchemas/uiMetaSchema.js';
import { withDefaults } from './withDefaults.js';
import { composeStageSchema, composeStageUi, previousStage } from './composeStage.js';

const draft07 = createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-07.json') as object;

/** The files a definition folder may hold. */
export const DEFINITION_FILES = ['definition.yaml', 'schema.json', 'ui.json', 'workflow.yaml', 'convention.hbs', 'examples', 'emails', 'types.ts', 'README.md'] as const;
const REQUIRED_FILES = ['definition.yaml', 'schema.json', 'ui.json', 'workflow.yaml'] as const;

export interface LoadOptions {
  /** The definitions root holding `_shared/` and `_workflows/`; defaults to the folder's parent. */
  definitionsRoot?: string;
  /** Reuse one environment across the folders of a root, so shared files are read once. */
  environment?: LoadEnvironment;
  /**
   * Also compile the validators, validate the use cases' prefills with them and run every example
   * (default true: what `datapass check` and the tests do). Without it, loading checks every file and
   * cross-reference but compiles nothing: validators compile on first use.
   */
  deep?: boolean;
  /**
   * Build a production stage on its sandbox (default true). The loader turns it off when it loads the
   * sandbox of a production stage, so stages that name each other in a loop cannot recurse.
   */
  composeStages?: boolean;
}

/**
 * Load and check one definition folder. Every issue of the folder is reported at once, each at its file,
 * line and pointer; the definition is returned only when there is none. Never throws on bad content.
 */
export function loadDefinition(folder: string, options: LoadOptions = {}): LoadResult {
  const absolute = resolve(folder);
  const id = basename(absolute);
  const display = relative(process.cwd(), absolute) || '.';
  const deep = options.deep !== false;
  const env = options.environment ?? createLoadEnvironment(options.definitionsRoot ?? join(absolute, '..'));
  const issues: Issue[] = [];
  const result = (definition?: Definition): LoadResult => ({ id, folder: display, issues, ...(definition && !issues.length ? { definition } : {}) });

  let entries: string[];
  try {
    if (!statSync(absolute).isDirectory()) throw new Error('not a folder');
    entries = readdirSync(absolute);
  } catch (error) {
    issues.push({ code: 'FOLDER_UNREADABLE', message: `Cannot read the definition folder ${display}: ${(error as Error).message}.`, file: display, pointer: '' });
    return result();
  }
  for (const entry of entries) {
    if ((DEFINITION_FILES as readonly string[]).includes(entry)) continue;
    const near = closest(entry, DEFINITION_FILES);
    if (near && !entries.includes(near)) {
      issues.push({ code: 'FILE_NAME_TYPO', message: `File ${display}/${entry} is not a definition file and is ignored. Did you mean "${near}"?`, file: `${display}/${entry}`, pointer: '' });
    }
  }
  for (const name of REQUIRED_FILES) {
    if (!entries.includes(name)) {
      issues.push({ code: 'FILE_MISSING', message: `${display}/${name} is missing. Every definition folder needs ${REQUIRED_FILES.join(', ')}; \`datapass new\` scaffolds them.`, file: `${display}/${name}`, pointer: '' });
    }
  }
  const read = (name: string) => {
    if (!entries.includes(name)) return undefined;
    const r = readSourceFile(join(absolute, name), `${display}/${name}`);
    issues.push(...r.issues);
    return r.file && !r.issues.length ? r.file : undefined;
  };
  const metaFile = read('definition.yaml');
  const schemaFile = read('schema.json');
  const uiFile = read('ui.json');
  const workflowFile = read('workflow.yaml');

  // definition.yaml
  let meta: ReturnType<typeof withDefaults> | undefined;
  if (metaFile) {
    const shape = metaSchemaIssues(metaFile, definitionMetaSchema);
    issues.push(...shape);
    if (!shape.length) {
      meta = withDefaults(metaFile.value as Record<string, unknown>, id);
      issues.push(...checkMetaConsistency(metaFile, meta, id));
    }
  }

  // A production stage is built on its sandbox: its steps, its scopes unless it declares its own.
  let previous: Definition | undefined;
  if (meta?.stage?.kind === 'production' && metaFile && options.composeStages !== false) {
    const found = previousStage(metaFile, meta.stage.previous, env.root, (folder) => loadDefinition(folder, { environment: env, deep: false, composeStages: false }));
    issues.push(...found.issues);
    previous = found.previous;
    if (previous && !meta.scopes.length) meta = { ...meta, scopes: previous.meta.scopes };
  }

  // schema.json, with its shared fragments
  const vocabulary = schemaVocabulary();
  let bundled: ReturnType<typeof bundleSchema>['schema'] | undefined;
  let steps: ReturnType<typeof readSteps>['steps'] = [];
  if (schemaFile) {
    const shape = metaSchemaIssues(schemaFile, draft07).map((i) => ({ ...i, code: 'SCHEMA_INVALID' as const }));
    issues.push(...shape, ...checkSchemaDocument(schemaFile, vocabulary));
    const bundle = bundleSchema(schemaFile, env.shared);
    issues.push(...bundle.issues);
    for (const fragment of bundle.fragments) issues.push(...checkSchemaDocument(fragment, vocabulary));
    if (!shape.length) {
      const read = readSteps(schemaFile, bundle.schema);
      // A step behind a broken $ref would only repeat the $ref issue as "not an object".
      if (!bundle.issues.length) issues.push(...read.issues);
      steps = read.steps;
      bundled = bundle.schema;
      if (previous && bundled) {
        const composed = composeStageSchema(previous, bundled, schemaFile);
        issues.push(...composed.issues);
        bundled = composed.schema;
        steps = composed.steps(steps);
      }
    }
  }

  // ui.json
  let uiSchema: Record<string, unknown> | undefined;
  if (uiFile) {
    const shape = metaSchemaIssues(uiFile, uiMetaSchema);
    issues.push(...shape);
    if (!shape.length) {
      uiSchema = uiFile.value as Record<string, unknown>;
      if (previous) uiSchema = composeStageUi(previous, uiSchema);
      if (bundled && !issues.some((i) => i.code.startsWith('REF_'))) issues.push(...checkUiSchema(uiFile, bundled));
    }
  }

  // workflow.yaml
  let workflow: Definition['workflow'] | undefined;
  if (workflowFile) {
    const checked = checkWorkflow({
      file: workflowFile,
      loadBase: (name: string) => {
        const base = env.workflows.get(`${name}.yaml`);
        // A base that does not parse: its own syntax issues say where, better than "cannot be read".
        if (base?.issues.length) issues.push(...base.issues);
        return base?.file;
      },
      extraRoles: meta?.roles ?? [],
    });
    issues.push(...checked.issues);
    workflow = checked.workflow;
  }

  // What needs several files at once.
  let validator: EngineSubmissionValidator | undefined;
  if (meta && metaFile && bundled && schemaFile && !issues.some((i) => i.file === schemaFile.path || i.code.startsWith('REF_'))) {
    issues.push(...checkScopes(metaFile, meta, schemaFile, bundled));
    validator = createSubmissionValidator({ schema: bundled, meta, steps });
    const compileError = deep ? validator.precompile() : undefined;
    if (compileError) {
      issues.push(fileIssue(schemaFile, 'SCHEMA_INVALID', '', `schema.json cannot be compiled: ${compileError}`));
    }
    if (!issues.some((i) => i.code === 'UNKNOWN_SCOPE' || i.code === 'SCOPES_WITHOUT_STEP')) {
      issues.push(...checkUseCases(metaFile, meta, bundled, steps, deep && !compileError ? validator : undefined));
    }
    if (compileError) validator = undefined;
  }

  let convention: Definition['convention'];
  if (entries.includes('convention.hbs')) {
    const path = `${display}/convention.hbs`;
    let source: string | undefined;
    try {
      source = readFileSync(join(absolute, 'convention.hbs'), 'utf8');
    } catch (error) {
      issues.push({ code: 'FOLDER_UNREADABLE', message: `Cannot read ${path}: ${(error as Error).message}.`, file: path, pointer: '' });
    }
    if (source !== undefined) {
      convention = { file: path, source };
      if (bundled) issues.push(...checkConvention(path, source, bundled, env.partials));
    }
  }

  const examples: Definition['examples'] = [];
  if (meta) {
    const read = readExamples(absolute, display, meta);
    issues.push(...read.issues);
    examples.push(...read.examples.map((e) => e.example));
    if (validator && deep) {
      for (const { example, file } of read.examples) issues.push(...checkExample(file, example, runExample(example, validator)));
    }
    if (!read.issues.length && !examples.some((e) => !e.issues.length) && existsSync(join(absolute, 'definition.yaml'))) {
      issues.push({ code: 'EXAMPLE_MISSING', message: `${display}/examples has no valid example. Add one (e.g. examples/valid.yaml with the data of a complete request): tests, types and the convention preview use it.`, file: `${display}/examples`, pointer: '' });
    }
  }

  if (!meta || !bundled || !uiSchema || !workflow || !validator) return result();
  return result({ id, folder: display, meta, schema: bundled, uiSchema, steps, workflow, examples, validator, ...(convention ? { convention } : {}) });
}
