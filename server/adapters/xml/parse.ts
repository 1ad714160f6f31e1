// A safe XML reader for producers' documents (CAP alerts, Atom/RSS feeds): bytes in the declared encoding → a small
// element tree with namespace-free local names. No DTD is accepted at all (so no external entities, no entity
// expansion, no billion laughs: a standard CAP alert never carries one), only the five predefined entities and
// character references are known, and size and depth are bounded.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlElement {
  /** local name, without any namespace prefix */
  name: string;
  /** namespace URI ('' when none) */
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** the element's own text (its text children joined), untrimmed */
  text: string;
}

export class XmlRefused extends Error {
  constructor(readonly field: string, message: string) { super(`${field}: ${message}`); }
}

const MAX_DEPTH = 64;
const MAX_ELEMENTS = 50_000;

/** The encoding a document declares (BOM first, then <?xml ... encoding="..."?>), utf-8 when it declares none. */
export function declaredEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m ? m[1]!.toLowerCase() : 'utf-8';
}

/** Decodes the bytes in their declared encoding (ISO-8859-1, windows-1251, UTF-8, UTF-16...). */
export function decodeXml(bytes: Uint8Array): string {
  const encoding = declaredEncoding(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new XmlRefused('encoding', `unsupported encoding "${encoding}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new XmlRefused('encoding', `the bytes are not valid ${encoding}`);
  }
}

/** Parses a document (bytes or an already decoded string) into its root element. */
export function parseXml(input: Uint8Array | string): XmlElement {
  const text = typeof input === 'string' ? input : decodeXml(input);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let count = 0;
  let failure: XmlRefused | null = null;
  const refuse = (field: string, message: string) => {
    failure ??= new XmlRefused(field, message);
    throw failure;
  };
  parser.on('doctype', () => refuse('doctype', 'a DTD (<!DOCTYPE>) is not accepted; send the document without it'));
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++count > MAX_ELEMENTS) refuse('document', `more than ${MAX_ELEMENTS} elements`);
    if (stack.length >= MAX_DEPTH) refuse('document', `nested deeper than ${MAX_DEPTH} levels`);
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attributes[a.local] = a.value;
    const el: XmlElement = { name: tag.local, ns: tag.uri, attributes, children: [], text: '' };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  const addText = (t: string) => { const top = stack[stack.length - 1]; if (top) top.text += t; };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => { stack.pop(); });
  parser.on('error', (e: Error) => {
    if (failure) throw failure;
    const entity = /undefined entity|entity/i.test(e.message);
    failure = new XmlRefused(entity ? 'entity' : 'document',
      entity ? `only the predefined XML entities are accepted (${e.message})` : `not well-formed XML (${e.message})`);
    throw failure;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (failure) throw failure;
    throw new XmlRefused('document', `not well-formed XML (${(e as Error).message})`);
  }
  if (!root) throw new XmlRefused('document', 'no root element');
  return root;
}

/** Child elements with a local name. */
export const childrenNamed = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.name === name);
/** The trimmed text of the first child with a local name, or undefined. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = el.children.find((x) => x.name === name);
  return c === undefined ? undefined : c.text.trim();
}
