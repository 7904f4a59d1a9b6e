import { fileURLToPath } from "node:url";

/** Absolute path of the repository's `datasets/` folder, which contains the built-in sets. */
export const DEFAULT_DATASETS_DIR: string = fileURLToPath(new URL("../../datasets/", import.meta.url));
