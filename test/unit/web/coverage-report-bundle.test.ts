import { strict as assert } from 'node:assert';
import { assertNoNodeApi, BUDGET, webviewBundle } from './browser-build';

describe('coverage report bundles', function () {
  this.timeout(60000);

  it('the webview (JS, its CSS and the codicons stylesheet) stays within 300 KB', () => {
    const { files, size } = webviewBundle('src/webview/coverage/main.ts');
    assert.ok(size <= BUDGET, `${Math.round(size / 1024)} KB`);
    // User text only as text: the report never parses markup.
    assert.doesNotMatch(files.get('.js')!, /innerHTML|outerHTML|insertAdjacentHTML/);
  });

  it('the panel, its data and the protocol build for a browser: no Node API', () => {
    for (const entry of [
      'src/extension/coverage/coverage-report.ts',
      'src/extension/coverage/report-data.ts',
      'src/shared/coverage-protocol.ts',
      'src/core/coverage-format.ts',
      'src/core/work-list.ts',
    ])
      assertNoNodeApi(entry);
  });
});
