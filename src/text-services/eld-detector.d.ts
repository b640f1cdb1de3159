/**
 * eld's detector module. The package exports only entries with one n-gram database built in
 * (as a JavaScript literal, slow to evaluate); the detector itself, handed the database in
 * the form of src/text-services/eld-tables.ts, is this module (esbuild.mjs resolves the path).
 */
declare module 'eld/src/languageDetector.js' {
  interface EldInstance {
    detect(text: string): {
      language: string;
      isReliable(): boolean;
      getScores(): Record<string, number>;
    };
  }
  /** A detector without data, and the hook that loads an n-gram database into it. */
  export function createEld(): { instance: EldInstance; loadData(data: unknown): string };
}
