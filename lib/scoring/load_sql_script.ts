import { join } from "node:path";
import { DEFAULT_DATASETS_DIR } from "../datasets/default_datasets_dir.ts";

const DATABASE_NAME = /^[A-Za-z0-9_-]+$/;
const scripts = new Map<string, Promise<string>>();

/** Return the path of database `name`: `<datasetsDir>/sql/<name>.sql`. */
export function sqlScriptPath(name: string, datasetsDir: string = DEFAULT_DATASETS_DIR): string {
  if (!DATABASE_NAME.test(name)) {
    throw new RangeError(`database must be letters, digits, "_" or "-" (a file in sql/), got ${JSON.stringify(name)}`);
  }
  return join(datasetsDir, "sql", `${name}.sql`);
}

/**
 * Read the SQL script that creates and fills database `name`. Each file is read once
 * per process.
 */
export function loadSqlScript(name: string, datasetsDir: string = DEFAULT_DATASETS_DIR): Promise<string> {
  const path = sqlScriptPath(name, datasetsDir);
  let script = scripts.get(path);
  if (script === undefined) {
    script = Deno.readTextFile(path).catch((error) => {
      scripts.delete(path);
      throw new Error(`database "${name}" could not be read from ${path}: ${error.message}; ` +
        "add the .sql file or fix the scorer's database name", { cause: error });
    });
    scripts.set(path, script);
  }
  return script;
}
