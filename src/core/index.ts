/**
 * Core as one module, for a host that has nothing else: the entry of the browser bundle
 * (`node esbuild.mjs --web` writes dist/web/core.js), which the coming web build loads next to
 * the text services of src/browser/. The Node hosts import the modules themselves.
 */
export { FileLinter, type FileLintResult } from './lint';
export { defaultGuidelines, loadGuidelines, type Guidelines } from './guidelines';
export { parseSft, type SftFileModel } from './parse/parse';
export { computeCoverage, type Coverage } from './coverage';
export { WorkspaceIndex, indexFile } from './workspace/index';
export { applyEdits } from './edit/apply';
export {
  collectRecords,
  exportRecords,
  importRecords,
  EXPORT_FORMATS,
  type ExportFormat,
} from './export/index';
export type { TextServices, TokenCounter, LanguageDetector } from './services';
export type { Problem, TextEdit } from './types';
