// Bytes → text. Order of evidence: BOM, then the HTTP charset, then the XML
// declaration or HTML <meta>, then a UTF-8 validity check with windows-1252 as
// the fallback (what ISO-8859-1 labels mean in practice, per WHATWG).
import iconv from 'iconv-lite';

const ALIASES: Record<string, string> = {
  'latin1': 'windows-1252', 'latin-1': 'windows-1252', 'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252', 'us-ascii': 'windows-1252', 'ascii': 'windows-1252', 'cp1252': 'windows-1252',
  'utf8': 'utf-8', 'unicode': 'utf-16le', 'utf-16': 'utf-16', 'ucs-2': 'utf-16le', 'x-sjis': 'shift_jis',
};

export function normaliseCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return undefined;
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : undefined;
}

export function charsetFromContentType(ct: string | undefined | null): string | undefined {
  if (!ct) return undefined;
  const m = /charset\s*=\s*("?)([^";,\s]+)\1/i.exec(ct);
  return m ? normaliseCharset(m[2]) : undefined;
}

function bomCharset(b: Uint8Array): { charset: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { charset: 'utf-32le', skip: 4 };
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { charset: 'utf-32be', skip: 4 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return undefined;
}

/** `<?xml` written in a 16/32-bit encoding without a BOM. */
function sniffWide(b: Uint8Array): string | undefined {
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return 'utf-16le';
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return 'utf-16be';
  return undefined;
}

function declaredInDocument(b: Uint8Array): string | undefined {
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return normaliseCharset(xml[1]);
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return meta ? normaliseCharset(meta[1]) : undefined;
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Non-ASCII present and every byte sequence valid UTF-8: a strong sign the text is UTF-8 whatever the label says. */
function looksUtf8(b: Uint8Array): boolean {
  let high = false;
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) { high = true; break; }
  return high && isValidUtf8(b);
}

export interface Decoded {
  text: string;
  charset: string;
}

export function decodeBody(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = bomCharset(bytes);
  if (bom) return { text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.charset), charset: bom.charset };
  const wide = sniffWide(bytes);
  if (wide) return { text: iconv.decode(Buffer.from(bytes), wide), charset: wide };
  const declared = charsetFromContentType(contentType) ?? declaredInDocument(bytes);
  let charset = declared ?? 'utf-8';
  if (charset === 'utf-16' ) charset = 'utf-16le';
  if (/^utf-(16|32)/.test(charset) && !wide) {
    // A 16-bit label on a document that starts with ASCII '<' is a lie; the XML declaration was readable as ASCII.
    if (bytes[0] === 0x3c && bytes[1] !== 0) charset = 'utf-8';
  }
  if (charset === 'utf-8' && !isValidUtf8(bytes)) charset = 'windows-1252';
  else if (charset === 'windows-1252' && looksUtf8(bytes)) charset = 'utf-8';
  const text = iconv.decode(Buffer.from(bytes), charset);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, charset };
}
