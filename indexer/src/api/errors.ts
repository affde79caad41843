/**
 * API errors, sorted into those a client may retry (the chain could not be read) and those it
 * must not (the request is wrong). Every error answers `{ error, retryable }`.
 */
export abstract class ApiError extends Error {
  abstract readonly status: 400 | 404 | 503;
  abstract readonly retryable: boolean;
}

/** The request is malformed (a non-numeric id, an invalid address): not retryable. */
export class BadRequestError extends ApiError {
  override readonly name = "BadRequestError";
  readonly status = 400;
  readonly retryable = false;
}

/** Nothing indexed under that key: not retryable (until the chain has it). */
export class NotFoundError extends ApiError {
  override readonly name = "NotFoundError";
  readonly status = 404;
  readonly retryable = false;
}

/** The chain's RPC did not answer a read the response needs: retryable. */
export class ChainUnavailableError extends ApiError {
  override readonly name = "ChainUnavailableError";
  readonly status = 503;
  readonly retryable = true;
}

export interface ErrorBody {
  readonly error: string;
  readonly retryable: boolean;
}
