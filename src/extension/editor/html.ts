/**
 * The page of SFT Studio's webviews (the pair editor, the annotations view, the coverage
 * report): a fresh nonce per render, the strict CSP (no inline script or style), assets from
 * `dist` only. No document text is put in the page: the webview asks for it with `ready` (a
 * `</script>` in a prompt cannot break out of anything).
 */
import * as vscode from 'vscode';

/** A random nonce for one render (Web Crypto: the web build has no Node `crypto`). */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A webview's bundle (`dist/webview/<name>.js` and `.css`), its title and its root's test id. */
export interface WebviewPage {
  name: string;
  title: string;
  testid: string;
}

/** The page of a pair editor webview whose local resources are `dist`. */
export function pairEditorHtml(webview: vscode.Webview, dist: vscode.Uri): string {
  return webviewHtml(webview, dist, {
    name: 'editor',
    title: 'Pair Editor',
    testid: 'pair-editor',
  });
}

/** The page of one of SFT Studio's webviews whose local resources are `dist`. */
export function webviewHtml(webview: vscode.Webview, dist: vscode.Uri, page: WebviewPage): string {
  const n = nonce();
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(dist, name)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} blob:`,
    `font-src ${webview.cspSource}`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('codicons/codicon.css')}">
<link rel="stylesheet" href="${asset(`webview/${page.name}.css`)}">
<title>${page.title}</title>
</head>
<body>
<div id="app" data-testid="${page.testid}"></div>
<script nonce="${n}" src="${asset(`webview/${page.name}.js`)}"></script>
</body>
</html>`;
}
