import { type ModelProfile, modelProfileSchema, PROFILE_FIELD_FIXES } from "./model_profile.ts";

/** A profile file that failed to load. `model` and `field` locate the bad value when known. */
export class ProfileFileError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly model: string | null,
    readonly field: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ProfileFileError";
  }
}

/** A model profile together with the name it is listed under. */
export interface NamedProfile {
  name: string;
  profile: ModelProfile;
}

/** The validated profiles of one file, looked up by requested model name. */
export class ProfileSet {
  constructor(readonly path: string, readonly profiles: ReadonlyMap<string, ModelProfile>) {}

  /**
   * Finds the profile for a requested model name: by listed name, then by reported
   * model version (so dated names such as `gpt-4o-2024-08-06` resolve), else `default`.
   */
  find(model: string): NamedProfile {
    const name = model.replace(/^models\//, "");
    const listed = this.profiles.get(name);
    if (listed && name !== "default") return { name, profile: listed };
    for (const [listedName, profile] of this.profiles) {
      if (profile.model_version === name && listedName !== "default") return { name: listedName, profile };
    }
    return { name: "default", profile: this.profiles.get("default")! };
  }
}

/**
 * Loads and validates a profiles JSON file. Top-level keys starting with `_` are notes;
 * every other key is a model name. A `default` profile is required because it serves
 * every model name that is not listed.
 */
export async function loadProfiles(path: string): Promise<ProfileSet> {
  if (typeof path !== "string" || path.length === 0) {
    throw new TypeError(`profiles path must be a non-empty string, got ${JSON.stringify(path)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await Deno.readTextFile(path));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ProfileFileError(
      `Cannot read model profiles from ${path}: ${reason}. Fix: pass profilesPath pointing to a valid JSON file.`,
      path,
      null,
      null,
      { cause },
    );
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ProfileFileError(
      `Model profiles file ${path} must contain a JSON object keyed by model name.`,
      path,
      null,
      null,
    );
  }

  const profiles = new Map<string, ModelProfile>();
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith("_")) continue;
    profiles.set(name, parseProfile(path, name, value));
  }
  if (!profiles.has("default")) {
    throw new ProfileFileError(
      `Model profiles file ${path} has no "default" profile. Fix: add a "default" entry; it serves unlisted model names.`,
      path,
      "default",
      null,
    );
  }
  return new ProfileSet(path, profiles);
}

function parseProfile(path: string, name: string, value: unknown): ModelProfile {
  const result = modelProfileSchema.safeParse(value);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const field = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".");
  const topField = String(issue.path[0] ?? "");
  const fix = issue.code === "unrecognized_keys"
    ? `remove ${field} or correct its spelling (known fields: ${Object.keys(PROFILE_FIELD_FIXES).join(", ")})`
    : PROFILE_FIELD_FIXES[topField] ?? "correct the value";
  const where = field ? `field "${field}"` : "profile";
  throw new ProfileFileError(
    `Invalid model profile "${name}" in ${path}: ${where}: ${issue.message}. Fix: ${fix}.`,
    path,
    name,
    field || null,
    { cause: result.error },
  );
}
