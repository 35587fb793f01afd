// The PGlite extensions every embedded database needs; shared by the worker, the build of the
// prebuilt data directory and the tests, so all three open the same kind of database.
import { postgis } from '@electric-sql/pglite-postgis';

export const pgliteExtensions = { postgis };
