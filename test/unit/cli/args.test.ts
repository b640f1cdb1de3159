import * as assert from 'node:assert/strict';
import { sft } from './run-cli';

describe('cli: commands, help and usage errors', function () {
  // Each test starts the CLI as a child process; machines under load start node slowly.
  this.timeout(60_000);
  it('prints help for sft and for each command, exit 0', () => {
    const top = sft(['--help']);
    assert.equal(top.code, 0);
    for (const name of ['lint', 'coverage', 'export', 'import']) {
      assert.match(top.stdout, new RegExp(`\\n  ${name} `));
      const r = sft([name, '--help']);
      assert.equal(r.code, 0, name);
      assert.match(r.stdout, new RegExp(`^Usage: sft ${name}`));
    }
  });

  it('prints the version', () => {
    const r = sft(['--version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  const cases: [string[], RegExp][] = [
    [['lnt'], /^sft: unknown command "lnt" \(did you mean lint\?\); see sft --help\n$/],
    [['lint', '--fromat', 'json'], /^sft: unknown option --fromat \(did you mean --format\?\)\n$/],
    [
      ['lint', '--format', 'jsn'],
      /^sft: invalid value "jsn" for --format \(did you mean json\?\); expected one of stylish, json, sarif\n$/,
    ],
    [
      ['lint', '--max-warnings', 'many'],
      /^sft: option --max-warnings needs a whole number, not "many"\n$/,
    ],
    [['lint', '--format'], /^sft: option --format needs a value\n$/],
    [['lint', '--quiet=yes'], /^sft: option --quiet takes no value\n$/],
    [['lint', 'no/such/path'], /^sft: no such file or directory: no\/such\/path\n$/],
    [['lint', 'nothing-*.sft.yaml'], /^sft: no \.sft\.yaml files match nothing-\*\.sft\.yaml\n$/],
    [['export', 'examples'], /^sft: option --format is required/],
    [
      ['export', '--format', 'openai', '--status', 'aproved', 'examples'],
      /^sft: invalid status "aproved" for --status \(did you mean approved\?\)/,
    ],
    [['import', '--format', 'jsonl'], /^sft: sft import needs an input file/],
    [
      ['import', '--format', 'jsonl', '--id-prefix', 'a b', 'x.jsonl'],
      /^sft: invalid --id-prefix "a b"/,
    ],
  ];
  for (const [args, message] of cases) {
    it(`sft ${args.join(' ')}: one line, exit 2`, () => {
      const r = sft(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.split('\n').length, 2, 'one line, no stack trace');
      assert.equal(r.stdout, '');
    });
  }

  it('without a command prints help and exits 2', () => {
    const r = sft([]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^Usage: sft <command>/);
  });
});
