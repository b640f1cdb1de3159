// SFT Studio e2e driver: what the extension manifests say about command titles and webview
// types. The workbench's DOM names neither a command's id nor a webview's view type, so the
// driver reads the manifests of the extension under development and of VS Code's built-in
// extensions (code-server's lib/vscode/extensions) to turn an id into what a person sees, and a
// custom editor's or webview view's type into the extension that draws it.
import fs from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_DIR } from '../host/lib.mjs';

const BUILTIN_DIR = path.join(CODE_SERVER_DIR, 'lib/vscode/extensions');

/** One extension's package.json with its `%key%` strings replaced from package.nls.json. */
function readManifest(dir) {
  const file = path.join(dir, 'package.json');
  if (!fs.existsSync(file)) return undefined;
  const nlsFile = path.join(dir, 'package.nls.json');
  const nls = fs.existsSync(nlsFile) ? JSON.parse(fs.readFileSync(nlsFile, 'utf8')) : {};
  const text = (v) => {
    const key = typeof v === 'string' && /^%(.+)%$/.exec(v)?.[1];
    if (!key) return v;
    const m = nls[key];
    return typeof m === 'object' && m ? m.message : (m ?? v);
  };
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const contributes = json.contributes ?? {};
  return {
    id: `${json.publisher}.${json.name}`,
    activationEvents: json.activationEvents ?? [],
    commands: (contributes.commands ?? []).map((c) => ({
      id: c.command,
      title: text(c.title),
      category: text(c.category),
    })),
    customEditors: (contributes.customEditors ?? []).map((e) => ({
      viewType: e.viewType,
      displayName: text(e.displayName),
    })),
    views: Object.values(contributes.views ?? {})
      .flat()
      .map((v) => ({ id: v.id, name: text(v.name), webview: v.type === 'webview' })),
  };
}

/** The manifests the driver knows: the extension under development first, then the built-ins. */
export class Manifests {
  constructor(extensionPath) {
    this.all = [];
    const own = extensionPath && readManifest(extensionPath);
    if (own) this.all.push(own);
    this.own = own;
    if (fs.existsSync(BUILTIN_DIR))
      for (const name of fs.readdirSync(BUILTIN_DIR).sort()) {
        const m = readManifest(path.join(BUILTIN_DIR, name));
        if (m) this.all.push(m);
      }
  }

  /** Also know the extension (under development) in `dir`, ahead of the built-ins. */
  add(dir) {
    const m = readManifest(dir);
    if (m && !this.all.some((x) => x.id === m.id)) this.all.unshift(m);
  }

  /** The name a view's header shows, from the manifest that contributes view `id`. */
  viewName(id) {
    for (const m of this.all) {
      const v = m.views.find((x) => x.id === id);
      if (v) return v.name;
    }
    return undefined;
  }

  /** The palette label of a command id (`Category: Title`), or undefined when no manifest has it. */
  commandLabel(id) {
    for (const m of this.all) {
      const c = m.commands.find((x) => x.id === id);
      if (c) return c.category ? `${c.category}: ${c.title}` : c.title;
    }
    return undefined;
  }

  /** The id of the extension under development's first command whose palette title matches `re`. */
  ownCommandTitled(re) {
    return this.own?.commands.find((c) => re.test(c.title))?.id;
  }

  /** The custom editor contributed for `viewType` (its `displayName` is what "Reopen Editor With..." lists). */
  customEditor(viewType) {
    for (const m of this.all) {
      const e = m.customEditors.find((x) => x.viewType === viewType);
      if (e) return { ...e, extensionId: m.id };
    }
    return undefined;
  }

  /**
   * Which extension owns webviews of `viewType`, and what kind they are: `editor` (a custom
   * editor) or `view` (a webview view in a side bar or panel); anything else is taken for a
   * `panel` (createWebviewPanel), which its tab names by view type.
   */
  webviewOwner(viewType) {
    for (const m of this.all) {
      if (m.customEditors.some((e) => e.viewType === viewType))
        return { extensionId: m.id, kind: 'editor' };
      if (m.views.some((v) => v.webview && v.id === viewType))
        return { extensionId: m.id, kind: 'view' };
    }
    return { kind: 'panel' };
  }
}
