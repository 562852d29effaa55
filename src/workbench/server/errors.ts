/** An error the HTTP server answers with `status` and `{ ok: false, error: message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `message` with every absolute file path (two or more segments) replaced by `<path>`: for a
 * bug's message sent to the client, whose details (and paths) go to the server log only.
 */
export function withoutPaths(message: string): string {
  return message.replace(/(?:[A-Za-z]:)?(?:[\\/][^\\/\s'"`()<>]+){2,}[\\/]?/g, '<path>');
}
