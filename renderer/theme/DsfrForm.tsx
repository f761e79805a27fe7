import type { FormProps } from '@rjsf/core';
// The package root also loads rjsf's test registry, which needs @rjsf/validator-ajv8: import the module itself.
import withTheme from '@rjsf/core/lib/withTheme.js';
import type { RJSFSchema } from '@rjsf/utils';
import type { DsfrFormContext } from './DsfrFormContext.js';
import { dsfrTheme } from './dsfrTheme.js';
import { frenchStringTranslator } from './frenchStringTranslator.js';

const ThemedForm = withTheme<any, RJSFSchema, DsfrFormContext>(dsfrTheme);

/**
 * rjsf's Form with the DSFR theme (`withTheme(dsfrTheme)`), speaking French unless given another
 * `translateString`. React 19 hands `ref` over as a prop, so a ref still reaches rjsf's Form.
 */
export function DsfrForm(props: FormProps<any, RJSFSchema, DsfrFormContext>) {
  return <ThemedForm translateString={frenchStringTranslator} {...props} />;
}
