/** An error the HTTP server answers with `status` and `{ ok: false, error: message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
