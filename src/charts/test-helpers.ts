/**
 * Helpers for the chart tests (not used by pages): a strict little XML well-formedness check and
 * attribute extraction, so tests need no DOM.
 */
import { overlappingPairs, type Box } from './svg.ts';

export interface Element {
  name: string;
  attrs: Record<string, string>;
}

/**
 * Throws unless `xml` is well-formed for our purposes: balanced tags, quoted attributes, no raw
 * "<" in text, and every "&" starting a known entity. Returns every element, in document order.
 */
export function parseSvg(xml: string): Element[] {
  const elements: Element[] = [];
  const stack: string[] = [];
  const entity = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  let i = 0;
  const checkText = (text: string, where: number) => {
    for (let k = 0; k < text.length; k++) {
      if (text[k] === '<') throw new Error(`raw "<" at ${where + k}`);
      if (text[k] === '&' && !entity.test(text.slice(k))) throw new Error(`bare "&" at ${where + k}`);
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      checkText(xml.slice(i), i);
      break;
    }
    checkText(xml.slice(i, lt), i);
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${lt}`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = /^([A-Za-z][\w:-]*)/.exec(body);
      if (!m) throw new Error(`bad tag <${tag}> at ${lt}`);
      const name = m[1]!;
      const rest = body.slice(name.length);
      const attrs: Record<string, string> = {};
      const attrRe = /\s+([\w:-]+)="([^"]*)"/y;
      let pos = 0;
      while (pos < rest.trimEnd().length) {
        attrRe.lastIndex = pos;
        const a = attrRe.exec(rest);
        if (!a) throw new Error(`bad attributes in <${tag}> at ${lt}`);
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} in <${name}>`);
        checkText(a[2]!, lt);
        attrs[a[1]!] = a[2]!;
        pos = attrRe.lastIndex;
      }
      elements.push({ name, attrs });
      if (!selfClosing) stack.push(name);
    }
    i = gt + 1;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return elements;
}

export function byClass(elements: Element[], cls: string): Element[] {
  return elements.filter((e) => (e.attrs.class ?? '').split(/\s+/).includes(cls));
}

export function num(e: Element | undefined, attr: string): number {
  if (!e) throw new Error('no element');
  const v = e.attrs[attr];
  if (v === undefined) throw new Error(`<${e.name}> has no ${attr}`);
  return Number(v);
}

export const TEST_WIDTHS = [320, 375, 720, 1000] as const;

/** Describe problems with a set of label boxes: overlaps, and boxes outside [0, width]. */
export function labelProblems(labels: Box[], width: number, height: number): string[] {
  const problems = overlappingPairs(labels).map(([a, b]) => `"${a.text}" overlaps "${b.text}"`);
  for (const l of labels) {
    if (l.x < -0.5 || l.x + l.width > width + 0.5) problems.push(`"${l.text}" outside 0..${width} (${l.x}..${l.x + l.width})`);
    if (l.y < -0.5 || l.y + l.height > height + 0.5) problems.push(`"${l.text}" outside 0..${height} vertically`);
  }
  return problems;
}

/** Every font-size in the markup (the root's 13 included). */
export function fontSizes(svg: string): number[] {
  return [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
}

/** The text content of every <text> element, unescaped. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
