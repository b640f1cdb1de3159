/** The tool's name, version and documentation base, from package.json. */
// Named imports: the bundle keeps these two fields, not the whole manifest.
import { repository, version } from '../../package.json';

/** The CLI's version. */
export const VERSION: string = version;

/** Base URL of the repository's files; rule docs live at `docs/rules/<id>.md` below it. */
export const DOCS_BASE: string = `${repository.url.replace(/\.git$/, '')}/blob/main/`;
