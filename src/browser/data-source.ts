/**
 * Where a browser host's text services get their data: the files esbuild.mjs writes into
 * `data/` next to the web bundles (src/text-services/data-files.ts names them), fetched when a
 * service is first loaded, never bundled.
 */

/** Reads one data file by name. */
export type DataSource = (file: string) => Promise<Uint8Array>;

/** A data source that fetches each file relative to `base` (e.g. the URL of the bundle's `data/` folder). */
export function fetchDataSource(base: string | URL): DataSource {
  return async (file) => {
    const response = await fetch(new URL(file, base));
    if (!response.ok)
      throw new Error(
        `SFT Studio could not load ${file}: ${response.status} ${response.statusText}`,
      );
    return new Uint8Array(await response.arrayBuffer());
  };
}
