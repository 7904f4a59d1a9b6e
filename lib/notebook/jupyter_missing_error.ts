/** Error raised when a Jupyter component is not installed and the runner may not install it. */
export class JupyterMissingError extends Error {
  /** Missing component, e.g. `Jupyter Server`. */
  readonly component: string;
  /** Shell command that installs it. */
  readonly installCommand: string;

  constructor(component: string, installCommand: string, reason: string, options?: ErrorOptions) {
    super(`${component} is not installed (${reason}); install it with:\n  ${installCommand}`, options);
    this.name = "JupyterMissingError";
    this.component = component;
    this.installCommand = installCommand;
  }
}
