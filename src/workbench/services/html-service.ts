/**
 * HtmlService / HtmlOutput: https://developers.google.com/apps-script/reference/html/html-service
 * createHtmlOutputFromFile(name) reads <distDir>/<name>.html.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Execution } from './context';
import { unwrap, wrap } from './counter';
import { SandboxMode, XFrameOptionsMode } from './enums';

export class HtmlOutputImpl {
  _title = '';
  _width?: number;
  _height?: number;
  constructor(
    readonly _ctx: Execution,
    public _content: string,
  ) {}
  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content ?? '');
    return this;
  }
  /**
   * As is, no escaping: "Use this only for content from a trusted source, because it is not
   * escaped." (https://developers.google.com/apps-script/reference/html/html-output#append(String)).
   */
  append(addedContent: string): this {
    this._content += String(addedContent ?? '');
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += String(addedContent ?? '').replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
    );
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): this {
    this._title = String(title ?? '');
    return this;
  }
  getWidth(): number | null {
    return this._width ?? null;
  }
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  getHeight(): number | null {
    return this._height ?? null;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  setSandboxMode(_mode: unknown): this {
    return this;
  }
  setXFrameOptionsMode(_mode: unknown): this {
    return this;
  }
  addMetaTag(_name: string, _content: string): this {
    return this;
  }
  setFaviconUrl(_iconUrl: string): this {
    return this;
  }
}

export function htmlOutputOf(ctx: Execution, v: unknown): HtmlOutputImpl {
  const impl = unwrap(v);
  if (!(impl instanceof HtmlOutputImpl)) throw ctx.exception('Workbench: expected an HtmlOutput');
  return impl;
}

export function createHtmlService(ctx: Execution): unknown {
  const out = (html: string): unknown => wrap(ctx, 'HtmlOutput', new HtmlOutputImpl(ctx, html));
  return wrap(ctx, 'HtmlService', {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput(html?: unknown): unknown {
      return out(html === undefined || html === null ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: string): unknown {
      const name = String(filename);
      const candidates = [path.join(ctx.distDir, `${name}.html`), path.join(ctx.distDir, name)];
      const file = candidates.find(
        (f) => path.dirname(f) === path.resolve(ctx.distDir) && fs.existsSync(f) && fs.statSync(f).isFile(),
      );
      if (!file) throw ctx.exception(`No HTML file named ${name} was found.`);
      return out(fs.readFileSync(file, 'utf8'));
    },
  });
}
