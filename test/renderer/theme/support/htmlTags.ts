/** One start tag of server-rendered HTML, with its attributes decoded. */
export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** Where the tag starts in the HTML. */
  index: number;
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every start tag of `html`, in order. React's server output is regular enough for a regular expression. */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of (match[2] ?? '').matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) attrs[a[1]!.toLowerCase()] = decode(a[2] ?? '');
    out.push({ name: match[1]!.toLowerCase(), attrs, index: match.index ?? 0 });
  }
  return out;
}

/** The tag with this id; fails the test when there is none or several. */
export function byId(html: string, id: string): Tag {
  const found = tags(html).filter((t) => t.attrs.id === id);
  if (found.length !== 1) throw new Error(`Expected one element with id "${id}", found ${found.length}.`);
  return found[0]!;
}

/** Every id of the HTML, to look for duplicates or dangling references. */
export function ids(html: string): string[] {
  return tags(html).flatMap((t) => (t.attrs.id ? [t.attrs.id] : []));
}

export function hasClass(tag: Tag, className: string): boolean {
  return (tag.attrs.class ?? '').split(/\s+/).includes(className);
}

/** The tags that carry this class. */
export function byClass(html: string, className: string): Tag[] {
  return tags(html).filter((t) => hasClass(t, className));
}

/** The text of the HTML, tags removed and entities decoded, spaces collapsed. */
export function text(html: string): string {
  return decode(html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The HTML of the element starting at `tag`, up to its matching end tag (for elements of the same name). */
export function outerHtml(html: string, tag: Tag): string {
  const open = new RegExp(`<${tag.name}[\\s>/]|</${tag.name}>`, 'g');
  open.lastIndex = tag.index + 1;
  let depth = 1;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(tag.index, m.index + m[0].length);
  }
  return html.slice(tag.index);
}
