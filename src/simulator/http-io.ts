/** Request bodies and responses the way Evolution's Express stack handles them (body-parser, res.json, compression). */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { HttpParseError } from "./evolution-errors.ts";

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/**
 * `express.json()` + `express.urlencoded()`: JSON only for `application/json`, forms flattened, anything else `{}`.
 * Invalid JSON throws the parser's SyntaxError (answered 400).
 */
export function parseBody(request: IncomingMessage, raw: Buffer): unknown {
  const contentType = (request.headers["content-type"] ?? "").toLowerCase();
  const text = raw.toString("utf8");
  if (contentType.startsWith("application/json")) {
    if (text.trim() === "") return {};
    const first = text.trimStart()[0];
    // body-parser's strict mode: only objects and arrays at the top level.
    if (first !== "{" && first !== "[") throw new HttpParseError(`Unexpected token ${first} in JSON at position 0`);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new HttpParseError((error as Error).message);
    }
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  return {};
}

/** `res.status(status).json(body)`, gzipped like `compression()` does for bodies of 1 KiB or more. */
export function sendJson(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body) ?? "";
  let payload = Buffer.from(json, "utf8");
  const headers: Record<string, string> = {
    "X-Powered-By": "Express",
    "Content-Type": "application/json; charset=utf-8",
  };
  if (payload.length >= 1024 && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
    payload = gzipSync(payload);
    headers["Content-Encoding"] = "gzip";
    headers.Vary = "Accept-Encoding";
  }
  headers["Content-Length"] = String(payload.length);
  response.writeHead(status, headers);
  response.end(payload);
}

export function sendHtml(response: ServerResponse, html: string): void {
  const payload = Buffer.from(html, "utf8");
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": String(payload.length) });
  response.end(payload);
}

/** Express route matching: case-insensitive, optional trailing slash, `:param` segments URL-decoded. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split("/").filter(Boolean);
  const pathParts = pathname
    .replace(/\/$/, "")
    .split("/")
    .filter((part, index) => index > 0 || part !== "");
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index]!;
    if (part.startsWith(":")) {
      if (actual === "") return null;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part.toLowerCase() !== actual.toLowerCase()) {
      return null;
    }
  }
  return params;
}
