// Draws build/icon.png (1024×1024): an indigo arch bridge on a white rounded square.
// Uses only node:zlib, so no image tooling is needed. Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // 4×4 samples per pixel for smooth edges

const WHITE = [255, 255, 255];
const BORDER = [224, 227, 245];
const INDIGO = [55, 48, 163];
const LIGHT_INDIGO = [99, 102, 241];

const ARCH = { cx: 0.5, cy: 0.665, outer: 0.36, inner: 0.3 };
const DECK = { left: 0.1, right: 0.9, top: ARCH.cy - 0.18, bottom: ARCH.cy - 0.115 };

function insideRoundedSquare(x, y, inset, radius) {
  const dx = Math.max(inset + radius - x, 0, x - (1 - inset - radius));
  const dy = Math.max(inset + radius - y, 0, y - (1 - inset - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** Colour at a point in unit coordinates (y down), or null outside the icon. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 0, 0.2)) return null;
  if (!insideRoundedSquare(x, y, 0.012, 0.19)) return BORDER;
  const distance = Math.hypot(x - ARCH.cx, y - ARCH.cy);
  if (y <= ARCH.cy && distance <= ARCH.outer && distance >= ARCH.inner) return INDIGO;
  if (x >= DECK.left && x <= DECK.right && y >= DECK.top && y <= DECK.bottom) return INDIGO;
  // Hangers from the arch down to the deck.
  const hanger = [-0.16, -0.08, 0, 0.08, 0.16].some((offset) => Math.abs(x - ARCH.cx - offset) <= 0.011);
  if (hanger && y < DECK.top && distance < ARCH.inner) return LIGHT_INDIGO;
  // Abutments under the arch's feet.
  const foot = Math.abs(x - (ARCH.cx - 0.33)) <= 0.07 || Math.abs(x - (ARCH.cx + 0.33)) <= 0.07;
  if (foot && y > ARCH.cy && y <= ARCH.cy + 0.05) return INDIGO;
  return WHITE;
}

function renderRgba() {
  const rowBytes = SIZE * 4 + 1;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let py = 0; py < SIZE; py++) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
          if (colour === null) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      }
      const offset = py * rowBytes + 1 + px * 4;
      const covered = sum[3];
      raw[offset] = covered ? Math.round(sum[0] / covered) : 0;
      raw[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
      raw[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
      raw[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return raw;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(renderRgba(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
