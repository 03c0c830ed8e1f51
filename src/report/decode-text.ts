// Bytes of a text file (a JSON report now; published report text later) to a string, in the
// encodings Chinese offices actually save: UTF-8 with or without BOM, UTF-16 with BOM, and GB18030
// (GBK, what Chinese Windows writes as "ANSI"). Anything else is refused rather than read garbled.
//
// Built on the standard TextDecoder with `fatal: true`, which Node 20 (full ICU) and every browser
// the task pane runs in provide with gb18030 (the Encoding Standard requires it); unlike iconv-lite
// it refuses invalid bytes instead of silently writing U+FFFD, and it adds nothing to the bundle.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type TextProblem =
  /** Holds NUL bytes: a binary file, not text. */
  | 'binary'
  /** Looks like UTF-16 (every other byte NUL) but has no byte order mark to say which order. */
  | 'utf16WithoutBom'
  /** Starts with a UTF-8 or UTF-16 byte order mark but the bytes after it are not that encoding. */
  | 'badAfterBom'
  /** Valid GB18030 bytes, but they read as rare characters: another legacy encoding (Big5, Shift-JIS, Latin-1). */
  | 'otherEncoding'
  /** Neither UTF-8 nor GB18030. */
  | 'unknownEncoding'
  /** This runtime has no GB18030 decoder (a Node built with small ICU). */
  | 'gb18030Unsupported';

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName; readonly bom: boolean }
  | { readonly ok: false; readonly problem: TextProblem; readonly encoding?: TextEncodingName };

/** The bytes decoded as `label`, or undefined where they are not valid in it. */
export function decodeStrict(label: TextEncodingName, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: false (the default) drops a leading BOM of the named encoding.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether this engine's TextDecoder knows GB18030 (Node with small ICU does not). */
export function gb18030Available(): boolean {
  try {
    new TextDecoder('gb18030');
    return true;
  } catch {
    return false;
  }
}

/** True if NUL bytes sit on one parity of offsets: ASCII text in UTF-16 without a BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = n / 2;
  return (odd > half * 0.3 && even < half * 0.05) || (even > half * 0.3 && odd < half * 0.05);
}

/**
 * Share of the double-byte and four-byte GB18030 sequences that lie outside GB2312's two-byte
 * area (lead and trail 0xA1–0xFE, lead ≤ 0xF7: the symbols and the 6,763 common hanzi). Text
 * saved by Chinese Windows lies almost wholly inside; Big5 or Shift-JIS bytes, which also decode
 * as GB18030, mostly outside (measured: Big5 46 %, Shift-JIS 100 %, a GBK report 0 %).
 */
function rareShare(bytes: Uint8Array): { multi: number; rare: number } {
  let multi = 0;
  let rare = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x81 || lead === 0xff) continue; // ASCII, or 0x80 (€ as one byte)
    const trail = bytes[i + 1] ?? 0;
    multi++;
    if (trail >= 0x30 && trail <= 0x39) {
      rare++; // four-byte sequence
      i += 3;
      continue;
    }
    if (!(lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe)) rare++;
    i++;
  }
  return { multi, rare };
}

/** Above this share of rare sequences (and at least two), the bytes are taken for another encoding. */
const RARE_SHARE_LIMIT = 1 / 3;

/**
 * Decodes a text file. UTF-8 is tried before GB18030: ASCII is both, and GBK bytes of Chinese text
 * are almost never valid UTF-8 (a GBK lead byte 0x81–0xFE is followed by a byte that UTF-8 does not
 * allow there), while the reverse test would accept nearly anything.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return finish(decodeStrict('utf-8', b), 'utf-8', true);
  if (b[0] === 0xff && b[1] === 0xfe) return finish(decodeStrict('utf-16le', b), 'utf-16le', true);
  if (b[0] === 0xfe && b[1] === 0xff) return finish(decodeStrict('utf-16be', b), 'utf-16be', true);
  if (b.includes(0)) return { ok: false, problem: looksLikeUtf16(b) ? 'utf16WithoutBom' : 'binary' };
  const utf8 = decodeStrict('utf-8', b);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };
  if (!gb18030Available()) return { ok: false, problem: 'gb18030Unsupported' };
  const gb = decodeStrict('gb18030', b);
  if (gb === undefined) return { ok: false, problem: 'unknownEncoding' };
  const { multi, rare } = rareShare(b);
  if (rare >= 2 && rare > multi * RARE_SHARE_LIMIT) return { ok: false, problem: 'otherEncoding', encoding: 'gb18030' };
  return { ok: true, text: gb, encoding: 'gb18030', bom: false };
}

function finish(text: string | undefined, encoding: TextEncodingName, bom: boolean): DecodedText {
  if (text === undefined) return { ok: false, problem: 'badAfterBom', encoding };
  if (text.includes('\u0000')) return { ok: false, problem: 'binary', encoding };
  return { ok: true, text, encoding, bom };
}
