import { textBundle, type TextDisplayOptions } from "./text_bundle.ts";
import { requireJupyter } from "./require_jupyter.ts";

export type { TextDisplayOptions };

/**
 * Displays long text or Markdown (`format: "markdown"`), cut to `maxLines` (default 200) and
 * `maxChars` (default 5,000) with a note saying how much was left out. Resolves once the
 * kernel has sent the output.
 *
 * Throws `NotInKernelError` outside the Deno Jupyter kernel.
 */
export async function displayText(text: string, options: TextDisplayOptions = {}): Promise<void> {
  const jupyter = requireJupyter("displayText");
  await jupyter.display(textBundle(text, options), { raw: true });
}
