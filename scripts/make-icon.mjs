// Draws the extension icon (128×128 PNG): a blue-pencil check mark on a paper-coloured square.
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  const i = (y * size + x) * 4;
  px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a;
};
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const r = 18;
  const cx = Math.min(Math.max(x, r), size - 1 - r);
  const cy = Math.min(Math.max(y, r), size - 1 - r);
  const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  set(x, y, inside ? [250, 246, 236] : [0, 0, 0, 0]);
}
// Ruled lines of a page.
for (const ly of [36, 52, 68, 84, 100]) for (let x = 22; x < 106; x++) for (let t = 0; t < 3; t++) set(x, ly + t, [190, 184, 170]);
// The blue-pencil check mark.
const stroke = (x0, y0, x1, y1, w) => {
  const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
  for (let i = 0; i <= n; i++) {
    const x = x0 + ((x1 - x0) * i) / n;
    const y = y0 + ((y1 - y0) * i) / n;
    for (let dx = -w; dx <= w; dx++) for (let dy = -w; dy <= w; dy++) if (dx * dx + dy * dy <= w * w) set(Math.round(x + dx), Math.round(y + dy), [29, 78, 216]);
  }
};
stroke(34, 66, 56, 92, 7);
stroke(56, 92, 100, 30, 7);
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0;
  px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
}
const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc = (buf) => {
  let c = -1;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
fs.mkdirSync('images', { recursive: true });
fs.writeFileSync('images/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
console.log('images/icon.png');
