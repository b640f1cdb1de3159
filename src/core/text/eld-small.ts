/**
 * The `eld` language detector with its small n-gram tables. eld is an ES module; this
 * re-export lets `language.ts` load it with a lazy `require`, so bundles only parse its
 * tables (~0.3 s) the first time a text needs it.
 */
export { eld } from 'eld/small';
