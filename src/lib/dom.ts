// Parses HTML into a DOM (linkedom: fast, no layout engine) once per page.
import { DOMParser } from 'linkedom';

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
