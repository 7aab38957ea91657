import { STATUS_CODES } from "node:http";

/**
 * Evolution's exceptions (`src/exceptions/*.ts`) are thrown plain objects `{status, error, message}` where `message`
 * is the array of constructor arguments (a plain string only for a bare 401). Its error middleware (`src/main.ts`)
 * wraps them as `{status, error, response: {message}}`; anything else becomes a 500 carrying the JS message.
 */
export class EvolutionException {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly message: unknown,
  ) {}

  /** What `error.toString()` yields when Evolution re-wraps a caught exception object. */
  toString(): string {
    return "[object Object]";
  }
}

const withArgs = (args: unknown[]): unknown[] | undefined => (args.length > 0 ? args : undefined);

export const badRequest = (...args: unknown[]) => new EvolutionException(400, "Bad Request", withArgs(args));
export const unauthorized = () => new EvolutionException(401, "Unauthorized", "Unauthorized");
export const forbidden = (...args: unknown[]) => new EvolutionException(403, "Forbidden", withArgs(args));
export const notFound = (...args: unknown[]) => new EvolutionException(404, "Not Found", withArgs(args));
export const internalError = (...args: unknown[]) =>
  new EvolutionException(500, "Internal Server Error", withArgs(args));

/** How a Boom error (Baileys' error type) serialises: its enumerable fields. */
export function boomJson(statusCode: number, message: string) {
  return {
    data: null,
    isBoom: true,
    isServer: statusCode >= 500,
    output: {
      statusCode,
      payload: { statusCode, error: STATUS_CODES[statusCode] ?? "Unknown", message },
      headers: {},
    },
  };
}

/** A failure raised by the (simulated) Baileys socket, such as "Connection Closed" (428). */
export class SocketError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = "Error";
  }

  toJSON() {
    return boomJson(this.statusCode, this.message);
  }
}

export const connectionClosed = () => new SocketError("Connection Closed", 428);

/** The body Express's error middleware writes for anything thrown out of a route. */
export function errorResponse(caught: unknown): { status: number; body: unknown } {
  if (caught instanceof EvolutionException) {
    return {
      status: caught.status,
      body: { status: caught.status, error: caught.error, response: { message: caught.message } },
    };
  }
  const message = caught instanceof Error ? caught.message : "Internal Server Error";
  const status = caught instanceof HttpParseError ? 400 : 500;
  return { status, body: { status, error: "Internal Server Error", response: { message } } };
}

/** body-parser's SyntaxError: status 400 but no `error` field, so the middleware labels it "Internal Server Error". */
export class HttpParseError extends Error {}
