import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Larger photos are not QR codes a bot draws; decoding them would only cost time. */
const MAX_DECODED_BYTES = 2 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What a phone camera would offer for a photo: the web link its QR code holds (the payment QR opens the sandbox pay
 * page), so the chat page can offer the same link on a machine that has no phone to scan with. PNG only (what
 * the shop sends); decoded once per file.
 */
export class QrLinks {
  private readonly known = new Map<string, string | null>();

  linkIn(fileId: string, bytes: () => Buffer | undefined): string | null {
    const cached = this.known.get(fileId);
    if (cached !== undefined) return cached;
    const data = bytes();
    const link = data ? decodeLink(data) : null;
    this.known.set(fileId, link);
    return link;
  }
}

function decodeLink(bytes: Buffer): string | null {
  if (bytes.length > MAX_DECODED_BYTES || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  try {
    const image = PNG.sync.read(bytes);
    const text = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data;
    return text && /^https?:\/\/\S+$/i.test(text) ? text : null;
  } catch {
    return null;
  }
}
