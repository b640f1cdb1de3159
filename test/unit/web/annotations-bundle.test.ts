import { strict as assert } from 'node:assert';
import { assertNoNodeApi, webviewBundle } from './browser-build';

/** The annotations view loads with every sidebar: a third of the pair editor's budget. */
const BUDGET = 100 * 1024;

describe('annotations view bundles', function () {
  this.timeout(60000);

  it('the webview (JS, its CSS and the codicons stylesheet) stays within 100 KB', () => {
    const { size } = webviewBundle('src/webview/annotations/main.ts');
    assert.ok(size <= BUDGET, `${Math.round(size / 1024)} KB`);
  });

  it('the provider, its state and the protocol build for a browser: no Node API', () => {
    for (const entry of [
      'src/extension/annotations/annotations-view.ts',
      'src/extension/annotations/shown-pair.ts',
      'src/shared/annotations-protocol.ts',
    ])
      assertNoNodeApi(entry);
  });
});
