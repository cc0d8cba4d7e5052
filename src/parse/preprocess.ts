// Clean-ups done on the text before the XML parser sees it.

const MAX_ENTITY_VALUE = 1000;
const MAX_ENTITIES = 200;

/**
 * Internal DTD subsets: simple `<!ENTITY name "value">` declarations are
 * substituted once (never recursively, so an entity bomb cannot expand), and
 * the DOCTYPE is removed; external entities are never fetched.
 */
export function stripDoctype(xml: string): string {
  const start = xml.search(/<!DOCTYPE/i);
  if (start < 0 || start > 4096) return xml;
  // Find the end of the DOCTYPE, skipping over an internal subset in [...].
  let i = start + 9;
  let depth = 0;
  for (; i < xml.length; i++) {
    const c = xml[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) break;
  }
  if (i >= xml.length) return xml;
  const doctype = xml.slice(start, i + 1);
  let rest = xml.slice(0, start) + xml.slice(i + 1);
  const entities = new Map<string, string>();
  const re = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(doctype)) && entities.size < MAX_ENTITIES) {
    const value = (m[2] ?? m[3] ?? '').slice(0, MAX_ENTITY_VALUE);
    // Values that themselves reference entities are dropped: that is how bombs grow.
    if (!/&[A-Za-z_][\w.-]*;/.test(value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, ''))) entities.set(m[1]!, value);
  }
  if (entities.size) {
    rest = rest.replace(/&([A-Za-z_][\w.-]*);/g, (all, name: string) => {
      const v = entities.get(name);
      return v === undefined ? all : v.replace(/&/g, '&amp;').replace(/&amp;(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '&$1;');
    });
  }
  return rest;
}

/**
 * Problems we refuse rather than half-parse: a second XML declaration means a
 * server spliced two documents (typically an error page into a truncated feed).
 */
export function structuralProblem(xml: string): string | undefined {
  const decls = xml.match(/<\?xml\s/gi);
  if (decls && decls.length > 1) return 'malformed feed: more than one XML declaration (truncated or spliced document)';
  return undefined;
}

/** Leading junk before the first '<' (whitespace, BOMs, stray bytes) and comments before the declaration. */
export function trimLeading(xml: string): string {
  let s = xml.replace(/^[\ufeff\ufffe\u0000\s]+/, '');
  const lt = s.indexOf('<');
  if (lt > 0 && lt < 1024) s = s.slice(lt);
  return s;
}
