import { isValidElement, type ReactElement, type ReactNode } from 'react';

/**
 * The elements of a React tree as a hook-free component returned it, without rendering the components it
 * names: enough to find a control and call its handler in a test without a DOM.
 */
export function findElements(node: ReactNode, predicate: (element: ReactElement<Record<string, unknown>>) => boolean): ReactElement<Record<string, unknown>>[] {
  const out: ReactElement<Record<string, unknown>>[] = [];
  const visit = (n: ReactNode): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!isValidElement<Record<string, unknown>>(n)) return;
    if (predicate(n)) out.push(n);
    visit(n.props.children as ReactNode);
  };
  visit(node);
  return out;
}
