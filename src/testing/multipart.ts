import { randomBytes } from 'node:crypto';

/** A file for a multipart test request. */
export interface TestFile {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

/** Encodes fields and files as `multipart/form-data` (RFC 7578). */
export function encodeMultipart(fields: Record<string, string | string[]>, files: Record<string, TestFile | TestFile[]>): { body: Buffer; contentType: string } {
  const boundary = `----zigmund${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
    }
  }
  for (const [name, value] of Object.entries(files)) {
    for (const file of [value].flat()) {
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`;
      parts.push(Buffer.from(head), Buffer.from(file.content), Buffer.from('\r\n'));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
