/**
 * How an SMS text splits into billed segments. Pure, in the language so the builder counts as the
 * marketer types with the very function the preview and the SMS sandbox use.
 */
// GSM 03.38 default alphabet (one septet each) and its extension table (escape + char = two septets).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

/** How a text is encoded on the air: GSM-7 when every character fits, UCS-2 (Cyrillic, emoji…) otherwise. */
export const SMS_ENCODINGS = ['gsm7', 'ucs2'] as const;
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

/** Segment count and encoding; providers bill per segment. */
export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units left in the last segment before another one starts. */
  remaining: number;
}

/**
 * Single messages hold 160 septets / 70 UCS-2 units; concatenated ones lose room to the UDH header,
 * leaving 153 / 67 per segment. An extension character (€, [, ]…) never straddles two segments, so
 * GSM-7 is packed septet by septet rather than divided.
 */
export function countSmsSegments(text: string): SmsSegmentCount {
  const chars = [...text];
  const isGsm = chars.every((char) => BASIC.has(char) || EXTENDED.has(char));
  if (isGsm) {
    const widths = chars.map((char) => (EXTENDED.has(char) ? 2 : 1));
    return pack(widths, 'gsm7', 160, 153);
  }
  // Astral characters (most emoji) take two UTF-16 units and are not split across segments.
  return pack(
    chars.map((char) => char.length),
    'ucs2',
    70,
    67,
  );
}

function pack(widths: number[], encoding: SmsEncoding, single: number, multi: number): SmsSegmentCount {
  const units = widths.reduce((sum, width) => sum + width, 0);
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, remaining: single - units };
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > multi) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments, remaining: multi - used };
}
