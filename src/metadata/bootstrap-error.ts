/**
 * A declaration the app cannot serve — a route table, module tree or dependency that cannot be
 * built, or a dependency override that cannot replace what it names; the message names the culprit.
 */
export class BootstrapError extends Error {
  readonly code = 'BOOTSTRAP';

  constructor(message: string) {
    super(message);
    this.name = 'BootstrapError';
  }
}
