import type { Response } from '../http/response.js';

/** Adds a token to `Vary`, keeping what the answer already varies by. */
export function addVary(res: Response, token: string): void {
  const current = res.headers.vary;
  const list = current === undefined ? [] : [current].flat().join(',').split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (list.includes('*') || list.some((v) => v.toLowerCase() === token.toLowerCase())) return;
  res.setHeader('vary', [...list, token].join(', '));
}
