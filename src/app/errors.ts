/** A route table or module tree that cannot be built; the message names the culprit. */
export class BootstrapError extends Error {
  readonly code = 'BOOTSTRAP';

  constructor(message: string) {
    super(message);
    this.name = 'BootstrapError';
  }
}
