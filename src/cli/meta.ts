/** The tool's name, version and documentation base, from package.json. */
import pkg from '../../package.json';

/** The CLI's version. */
export const VERSION: string = pkg.version;

/** Base URL of the repository's files; rule docs live at `docs/rules/<id>.md` below it. */
export const DOCS_BASE: string = `${pkg.repository.url.replace(/\.git$/, '')}/blob/main/`;
