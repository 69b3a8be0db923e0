/**
 * The few DOM shapes the HTML readers use. linkedom's documents are not lib.dom's types, so
 * each reader names what it touches here, once.
 */

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  readonly parentElement: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  readonly previousElementSibling: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
  replaceWith(...nodes: DomElement[]): void;
}
export interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  readonly body: DomNode | null;
  readonly documentElement: DomNode | null;
}
