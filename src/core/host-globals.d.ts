/**
 * The few globals core may use because every host it runs in has them (Node, the VS Code
 * extension host, browsers and web workers). Core's tsconfig gives it no Node or DOM types,
 * so anything not declared here or in the ES library fails the typecheck.
 */

/** The monotonic clock, for the linter's per-rule profile. */
declare const performance: { now(): number };
