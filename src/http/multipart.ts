import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type busboy from 'busboy';
import { BodyAborted, bodyTooLarge, contentTypeOf, hasBody, isFormType, readBody, unreadable, unsupportedMediaType } from './body.js';
import { HttpException } from './exceptions.js';

// Loaded with the first form, so apps without forms start without it.
let busboyModule: typeof busboy | undefined;
const loadBusboy = (): typeof busboy => (busboyModule ??= createRequire(import.meta.url)('busboy') as typeof busboy);

/**
 * Caps on a form body, all enforced while it streams in; passing one answers 413. Files are
 * held in memory, so `bodyBytes` is also the most a form can cost.
 */
export interface FormLimits {
  /** The whole body. */
  bodyBytes: number;
  /** Each file. */
  fileBytes: number;
  /** How many file parts. */
  files: number;
  /** How many non-file fields. */
  fields: number;
  /** Each field's name and each field's value. */
  fieldBytes: number;
}

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * 16 MiB in all, files of up to 10 MiB (at most 10), up to 100 fields of up to 64 KiB each.
 * Every cap holds on its own: ten 10 MiB files still stop at `bodyBytes`.
 */
export const DEFAULT_FORM_LIMITS: Readonly<FormLimits> = Object.freeze({
  bodyBytes: 16 * MIB,
  fileBytes: 10 * MIB,
  files: 10,
  fields: 100,
  fieldBytes: 64 * KIB,
});

/** One uploaded file, read into memory in full (up to `fileBytes`). */
export interface UploadedFile {
  /** The form field it was sent under. */
  fieldName: string;
  /** The client's name for it, without any directory part; `''` when none was sent. */
  filename: string;
  mimeType: string;
  /** The part's `content-transfer-encoding`, `7bit` by default. */
  encoding: string;
  size: number;
  buffer: Buffer;
  /** The content decoded as UTF-8. */
  text(): string;
  /** A fresh stream over the buffered content, for APIs that take one. */
  stream(): Readable;
}

/** A parsed form: every value of every field, in the order sent. */
export interface FormData {
  fields: Map<string, string[]>;
  files: Map<string, UploadedFile[]>;
}

type FormKind = 'multipart' | 'urlencoded';

/**
 * Parses an `application/x-www-form-urlencoded` or `multipart/form-data` body as it streams,
 * with busboy. Limits answer 413, a malformed body 400; a request without a body gives an empty
 * form. A body of another content type is refused with 415 (`Request.form()`), or, for a route's
 * form parameters (`otherTypes: 'empty'`), read and taken as an empty form, as FastAPI does: each
 * field is then missing.
 */
export async function parseForm(req: IncomingMessage, limits: FormLimits = DEFAULT_FORM_LIMITS, otherTypes: 'refuse' | 'empty' = 'refuse'): Promise<FormData> {
  if (!hasBody(req)) return emptyForm();
  const type = contentTypeOf(req);
  if (!isFormType(type)) {
    if (otherTypes === 'refuse') throw unsupportedMediaType();
    await readBody(req, limits.bodyBytes);
    return emptyForm();
  }
  if (Number(req.headers['content-length']) > limits.bodyBytes) throw bodyTooLarge(limits.bodyBytes);
  const failure = unreadable(req);
  if (failure) throw failure;
  const kind: FormKind = type === 'multipart/form-data' ? 'multipart' : 'urlencoded';
  let parser: busboy.Busboy;
  try {
    parser = loadBusboy()({
      headers: req.headers,
      // Browsers send UTF-8 filenames raw, not in RFC 5987 `filename*`.
      defParamCharset: 'utf8',
      limits: {
        fileSize: limits.fileBytes,
        files: limits.files,
        fields: limits.fields,
        fieldSize: limits.fieldBytes,
        fieldNameSize: limits.fieldBytes,
      },
    });
  } catch (err) {
    throw malformed(kind, err);
  }
  return collect(req, parser, limits, kind);
}

function collect(req: IncomingMessage, parser: busboy.Busboy, limits: FormLimits, kind: FormKind): Promise<FormData> {
  const form: FormData = { fields: new Map(), files: new Map() };
  return new Promise((resolve, reject) => {
    let settled = false;
    let size = 0;
    const detach = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
    };
    // The parser is left as it stands, unfed: its later events find the promise settled. The
    // request stays flowing with no listener, so the rest of the body is read and discarded.
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      detach();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.bodyBytes) fail(bodyTooLarge(limits.bodyBytes));
      else parser.write(chunk);
    };
    const onEnd = () => {
      detach();
      parser.end();
    };
    const onAbort = (cause?: Error) => fail(new BodyAborted({ cause }));

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) fail(exceeded('fieldBytes', limits.fieldBytes, 'bytes per field'));
      else append(form.fields, name, value);
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(exceeded('fileBytes', limits.fileBytes, 'bytes per file')));
      stream.on('error', (err) => fail(malformed(kind, err)));
      stream.on('end', () => append(form.files, name, uploadedFile(name, info, chunks)));
    });
    parser.on('filesLimit', () => fail(exceeded('files', limits.files, 'files')));
    parser.on('fieldsLimit', () => fail(exceeded('fields', limits.fields, 'fields')));
    parser.on('error', (err) => fail(malformed(kind, err)));
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve(form);
    });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}

function uploadedFile(fieldName: string, info: busboy.FileInfo, chunks: Buffer[]): UploadedFile {
  const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  return {
    fieldName,
    filename: info.filename ?? '',
    mimeType: info.mimeType,
    encoding: info.encoding,
    size: buffer.length,
    buffer,
    text: () => buffer.toString('utf8'),
    stream: () => Readable.from(buffer, { objectMode: false }),
  };
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

function exceeded(limit: keyof FormLimits, value: number, unit: string): HttpException {
  return new HttpException(413, `${limit} limit exceeded (${value} ${unit})`);
}

function malformed(kind: FormKind, err: unknown): HttpException {
  return new HttpException(400, `Malformed ${kind} body: ${(err as Error).message}`);
}

function emptyForm(): FormData {
  return { fields: new Map(), files: new Map() };
}
