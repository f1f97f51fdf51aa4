/**
 * A streaming XML tokenizer for the parts of an .xlsx: text goes in piece by piece, and element
 * opens, closes and text come out to a handler, with names stripped of their namespace prefix.
 * It checks that elements nest, refuses a DOCTYPE (Excel never writes one: no entity can be
 * declared, so none can expand), and keeps no more than one unfinished tag between pieces.
 * Text is handed over raw (entities not decoded) in as many pieces as it arrived: a handler that
 * wants it joins and decodes it, one that does not (a sheet's formulas) pays nothing for it.
 */

import { PackageError } from "./packageError";

export interface XmlHandler {
  /** `attrs` is the raw attribute text of the tag; read it with `attr`. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text, entities still encoded, unless `cdata`. */
  text(raw: string, cdata: boolean): void;
}

/** An unfinished tag longer than this is no part of a workbook a person made. */
const MAX_TAG = 1 << 20;

const localName = (qname: string): string => {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
};

export class XmlTokenizer {
  private buf = "";
  private readonly stack: string[] = [];
  private sawRoot = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
  ) {}

  private fail(what: string): never {
    throw new PackageError(`${this.part} is not well-formed XML (${what})`);
  }

  write(piece: string): void {
    let buf = this.buf.length > 0 ? this.buf + piece : piece;
    if (!this.sawRoot && this.stack.length === 0 && buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    const len = buf.length;
    let pos = 0;
    while (pos < len) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) {
        this.emitText(buf.slice(pos));
        pos = len;
        break;
      }
      if (lt > pos) this.emitText(buf.slice(pos, lt));
      const next = this.token(buf, lt);
      if (next < 0) {
        pos = lt;
        break;
      }
      pos = next;
    }
    this.buf = pos < len ? buf.slice(pos) : "";
    if (this.buf.length > MAX_TAG) this.fail("a tag that never ends");
  }

  end(): void {
    if (this.buf.length > 0) this.fail("it ends inside a tag");
    if (this.stack.length > 0) this.fail(`<${this.stack[this.stack.length - 1]}> is never closed`);
    if (!this.sawRoot) this.fail("it has no root element");
  }

  private emitText(raw: string): void {
    if (this.stack.length > 0) this.handler.text(raw, false);
    else if (raw.trim() !== "") this.fail("text outside the root element");
  }

  /** Handles the markup starting at `lt`; returns where the next token starts, or -1 for more input. */
  private token(buf: string, lt: number): number {
    const c1 = buf.charCodeAt(lt + 1);
    if (Number.isNaN(c1)) return -1;
    if (c1 === 0x21 /* ! */) {
      if (buf.startsWith("<!--", lt)) {
        const end = buf.indexOf("-->", lt + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (buf.startsWith("<![CDATA[", lt)) {
        const end = buf.indexOf("]]>", lt + 9);
        if (end < 0) return -1;
        if (this.stack.length === 0) this.fail("CDATA outside the root element");
        this.handler.text(buf.slice(lt + 9, end), true);
        return end + 3;
      }
      if (buf.length - lt < 9) return -1;
      if (buf.startsWith("<!DOCTYPE", lt)) throw new PackageError(`${this.part} declares a DOCTYPE, which Excel files never do`);
      this.fail("an unknown <! declaration");
    }
    if (c1 === 0x3f /* ? */) {
      const end = buf.indexOf("?>", lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    // An element tag: its end is the first ">" outside a quoted attribute value.
    let quote = 0;
    let gt = -1;
    for (let j = lt + 1; j < buf.length; j++) {
      const ch = buf.charCodeAt(j);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e) {
        gt = j;
        break;
      } else if (ch === 0x3c) this.fail("a '<' inside a tag");
    }
    if (gt < 0) return -1;
    if (c1 === 0x2f /* / */) {
      const name = localName(buf.slice(lt + 2, gt).trim());
      const open = this.stack.pop();
      if (open !== name) this.fail(open === undefined ? `</${name}> closes nothing` : `</${name}> closes <${open}>`);
      this.handler.close(name);
      return gt + 1;
    }
    const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
    const bodyEnd = selfClosing ? gt - 1 : gt;
    let n = lt + 1;
    while (n < bodyEnd) {
      const ch = buf.charCodeAt(n);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
      n++;
    }
    const qname = buf.slice(lt + 1, n);
    if (qname === "") this.fail("a tag without a name");
    if (this.stack.length === 0 && this.sawRoot) this.fail("a second root element");
    this.sawRoot = true;
    const name = localName(qname);
    if (!selfClosing) this.stack.push(name);
    this.handler.open(name, buf.slice(n, bodyEnd), selfClosing);
    if (selfClosing) this.handler.close(name);
    return gt + 1;
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Encodes text for an XML text node or a double-quoted attribute (decodeXml's inverse). */
export function encodeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Decodes the five XML entities and character references. */
export function decodeXml(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named];
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

const attrPatterns = new Map<string, RegExp>();

/**
 * One attribute's decoded value by its local name, ignoring any prefix ("id" finds r:id), or
 * undefined. Cells' attributes (r, s, t) are looked up a million times: each name's pattern is
 * compiled once.
 */
export function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[A-Za-z_][\\w.-]*:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2]);
}
