/**
 * Close codes of RFC 6455 §7.4.1, by name. 1005 and 1006 are never sent: they report a
 * close frame without a code and a connection that ended without one.
 */
export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  NO_STATUS: 1005,
  ABNORMAL: 1006,
  INVALID_PAYLOAD: 1007,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  TRY_AGAIN_LATER: 1013,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

// RFC 6455 §5.5: a control frame carries at most 125 bytes, 2 of them the close code.
const MAX_REASON_BYTES = 123;

/** Whether an endpoint may put `code` in a close frame (RFC 6455 §7.4; the same check ws makes). */
export function isSendableCloseCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  return (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);
}

/** Cuts a close reason to the protocol's 123 bytes of UTF-8, between characters. */
export function truncateCloseReason(reason: string): string {
  const bytes = Buffer.from(reason, 'utf8');
  if (bytes.length <= MAX_REASON_BYTES) return reason;
  let end = MAX_REASON_BYTES;
  // Back up over continuation bytes (10xxxxxx) so the cut falls between characters.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
