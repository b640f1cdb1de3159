import { strict as assert } from 'node:assert';
import { assertNoNodeApi, BUDGET, webviewBundle } from './browser-build';

describe('pair editor bundles', function () {
  this.timeout(60000);

  it('the webview (JS, its CSS and the codicons stylesheet) stays within 300 KB', () => {
    const { size } = webviewBundle('src/webview/editor/main.ts');
    assert.ok(size <= BUDGET, `${Math.round(size / 1024)} KB`);
  });

  it('the provider and the protocol build for a browser: no Node API', () => {
    for (const entry of [
      'src/extension/editor/pair-editor-provider.ts',
      'src/shared/editor-protocol.ts',
      'src/shared/editor-intents.ts',
    ])
      assertNoNodeApi(entry);
  });
});
