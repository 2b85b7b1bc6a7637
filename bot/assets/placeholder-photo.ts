import { deflateSync } from 'node:zlib';

// A product without a photo still gets a picture card: a small PNG drawn here once (a shopping bag on a soft
// background), so the bot ships no binary asset and needs no image library.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  // The table has 256 entries and the index is masked to a byte.
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Rgb = readonly [number, number, number];

/** Encodes 8-bit RGB pixels as a PNG (filter 0 on every row). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const SIZE = 320;
const BACKGROUND: Rgb = [236, 240, 245];
const BAG: Rgb = [120, 144, 176];

function bagPixel(x: number, y: number): Rgb {
  const inBody = x >= 90 && x < 230 && y >= 130 && y < 250;
  const dx = x - 160;
  const dy = y - 130;
  const ring = Math.sqrt(dx * dx + dy * dy);
  const inHandle = y < 130 && ring >= 38 && ring <= 48;
  return inBody || inHandle ? BAG : BACKGROUND;
}

let cached: Buffer | null = null;

export function placeholderPhoto(): Buffer {
  cached ??= encodePng(SIZE, SIZE, bagPixel);
  return cached;
}
