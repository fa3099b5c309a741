import { STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { realpath } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { send, type SendOptions } from '@fastify/send';
import contentDisposition from 'content-disposition';
import { HttpException } from './exceptions.js';

/** What `Response.file()` carries to the writer. */
export interface FileBody {
  path: string;
  filename?: string;
  contentType?: string;
}

/** A file found by `@fastify/send`, ready to write: its status, headers and body. */
export interface SentFile {
  status: number;
  headers: OutgoingHttpHeaders;
  stream: Readable;
  path: string;
}

export type FileLookup = SentFile | { status: number; headers: OutgoingHttpHeaders; redirect?: true };

/**
 * Asks `@fastify/send` for `urlPath` under `root`: it decodes the path, refuses `..` and NUL,
 * and answers `Range` (206/416), `If-None-Match`/`If-Modified-Since` (304) and `If-Match`/
 * `If-Unmodified-Since` (412). Header names come back lowercased.
 */
export async function lookupFile(req: IncomingMessage, root: string, urlPath: string, options: SendOptions): Promise<FileLookup> {
  const result = await send(req, urlPath, { ...options, root });
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = value as string;
  if (result.type === 'file') return { status: result.statusCode, headers, stream: result.stream, path: result.metadata.path };
  result.stream.destroy();
  if (result.type === 'directory') return { status: result.statusCode, headers, redirect: true };
  if (result.statusCode === 500) throw result.metadata.error;
  return { status: result.statusCode, headers };
}

/** Whether `path`, with its symlinks followed, lies inside `root` (itself resolved). */
export async function isInside(root: string, path: string): Promise<boolean> {
  try {
    const real = await realpath(path);
    return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
  } catch {
    return false;
  }
}

/** Writes a found file: headers, then its bytes unless HEAD or 304; resolves when sent or the client left. */
export async function writeSentFile(res: ServerResponse, file: SentFile, headers: OutgoingHttpHeaders, head: boolean): Promise<void> {
  res.writeHead(file.status, headers);
  if (head || file.status === 304) {
    file.stream.destroy();
    res.end();
    return;
  }
  try {
    await pipeline(file.stream, res);
  } catch (err) {
    // The client went away: pipeline destroyed the file stream, nothing is left to answer.
    if (res.destroyed && (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw err;
  }
}

/** Answers `Response.file()`: the file's own validators and ranges, the handler's headers on top. */
export async function writeFile(res: ServerResponse, extra: OutgoingHttpHeaders, body: FileBody, head: boolean): Promise<void> {
  const absolute = resolve(body.path);
  // The developer named this file: a dot in its name is no reason to hide it.
  const found = await lookupFile(res.req, dirname(absolute), `/${encodeURIComponent(basename(absolute))}`, { dotfiles: 'allow', index: false });
  if (!('stream' in found)) {
    if ('redirect' in found) throw new Error(`Response.file(): ${absolute} is a directory`);
    throw new HttpException(found.status, STATUS_CODES[found.status], rangeHeader(found.headers));
  }
  const headers = { ...found.headers, ...extra };
  if (body.contentType !== undefined && found.status !== 304) headers['content-type'] = body.contentType;
  if (body.filename !== undefined) headers['content-disposition'] = contentDisposition(body.filename, { fallback: asciiName(body.filename) });
  return writeSentFile(res, found, headers, head);
}

// Old clients read only `filename=`: accents dropped, other non-ASCII characters as `_`; the
// exact name goes in `filename*`.
function asciiName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_');
}

// A 416 tells the client the file's size.
function rangeHeader(headers: OutgoingHttpHeaders): Record<string, string> {
  const range = headers['content-range'];
  return typeof range === 'string' ? { 'content-range': range } : {};
}
