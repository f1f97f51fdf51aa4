#!/usr/bin/env node
/**
 * Draws the add-in's icons as PNG files in assets/, with no dependency beyond Node's zlib.
 * Usage: node scripts/make-icons.js   (npm run icons)
 *
 * Each icon is a set of shapes in a unit square, rasterised with 8x8 supersampling so that the edges are
 * smooth at every size. The app icon is a navy rounded square with three rising bars in Red, Amber and
 * Green; the button icons are glyphs on a transparent ground, as Office ribbon icons are.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const COLOURS = {
  navy: [0x1f, 0x3a, 0x5f, 255],
  red: [0xd1, 0x34, 0x38, 255],
  amber: [0xf2, 0xa9, 0x00, 255],
  green: [0x1e, 0x9e, 0x4a, 255],
  white: [255, 255, 255, 255],
  paper: [0xfa, 0xfa, 0xfa, 255],
  edge: [0x5c, 0x6b, 0x7a, 255],
  line: [0x9a, 0xa5, 0xb1, 255],
  blue: [0x2f, 0x6f, 0xb5, 255],
};

// ---- shapes: each returns true when the point (x, y) in [0, 1] is inside ----

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function circle(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A thick segment with round ends (for the check mark). */
function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };
}

/** A sheet of paper: an outlined rounded rectangle, drawn as edge then paper inset. */
function sheet(x0, y0, x1, y1) {
  return [
    [roundedRect(x0, y0, x1, y1, 0.08), COLOURS.edge],
    [roundedRect(x0 + 0.06, y0 + 0.06, x1 - 0.06, y1 - 0.06, 0.04), COLOURS.paper],
  ];
}

// ---- the icons: layers painted in order ----

const ICONS = {
  icon: [
    [roundedRect(0.02, 0.02, 0.98, 0.98, 0.2), COLOURS.navy],
    [roundedRect(0.17, 0.56, 0.35, 0.82, 0.05), COLOURS.red],
    [roundedRect(0.41, 0.38, 0.59, 0.82, 0.05), COLOURS.amber],
    [roundedRect(0.65, 0.18, 0.83, 0.82, 0.05), COLOURS.green],
  ],
  // Joint Action Plan: a list of actions, each with its RAG dot.
  jap: [
    ...sheet(0.1, 0.02, 0.9, 0.98),
    [circle(0.3, 0.26, 0.09), COLOURS.red],
    [rect(0.45, 0.22, 0.78, 0.3), COLOURS.line],
    [circle(0.3, 0.5, 0.09), COLOURS.amber],
    [rect(0.45, 0.46, 0.78, 0.54), COLOURS.line],
    [circle(0.3, 0.74, 0.09), COLOURS.green],
    [rect(0.45, 0.7, 0.78, 0.78), COLOURS.line],
  ],
  // Joint Business Plan: a yearly grid, four quarterly bars rising towards the target line.
  jbp: [
    ...sheet(0.1, 0.02, 0.9, 0.98),
    [rect(0.22, 0.18, 0.78, 0.23), COLOURS.green],
    [rect(0.22, 0.62, 0.32, 0.84), COLOURS.blue],
    [rect(0.36, 0.52, 0.46, 0.84), COLOURS.blue],
    [rect(0.5, 0.41, 0.6, 0.84), COLOURS.blue],
    [rect(0.64, 0.3, 0.74, 0.84), COLOURS.blue],
  ],
  // Check plan: a green disc with a white tick.
  check: [
    [circle(0.5, 0.5, 0.47), COLOURS.green],
    [segment(0.27, 0.52, 0.43, 0.68, 0.075), COLOURS.white],
    [segment(0.43, 0.68, 0.74, 0.35, 0.075), COLOURS.white],
  ],
  // Record review: a month's page (its header bar) with the colours review after review.
  review: [
    ...sheet(0.1, 0.02, 0.9, 0.98),
    [rect(0.22, 0.16, 0.78, 0.26), COLOURS.navy],
    [circle(0.3, 0.5, 0.08), COLOURS.red],
    [circle(0.5, 0.5, 0.08), COLOURS.amber],
    [circle(0.7, 0.5, 0.08), COLOURS.green],
    [circle(0.3, 0.74, 0.08), COLOURS.amber],
    [circle(0.5, 0.74, 0.08), COLOURS.green],
    [circle(0.7, 0.74, 0.08), COLOURS.green],
  ],
};

// At 16 px, shapes snapped to whole pixels read better than the scaled-down drawings: these variants
// are laid out on a 16-unit grid.
const px = (v) => v / 16;
const pxRect = (x0, y0, x1, y1) => rect(px(x0), px(y0), px(x1), px(y1));
const SHEET_16 = [
  [roundedRect(px(2), px(0), px(14), px(16), px(1.5)), COLOURS.edge],
  [pxRect(3, 1, 13, 15), COLOURS.paper],
];
const ICONS_16 = {
  icon: [
    [roundedRect(0, 0, 1, 1, px(3)), COLOURS.navy],
    [pxRect(3, 9, 5, 13), COLOURS.red],
    [pxRect(7, 6, 9, 13), COLOURS.amber],
    [pxRect(11, 3, 13, 13), COLOURS.green],
  ],
  jap: [
    ...SHEET_16,
    [pxRect(4, 3, 6, 5), COLOURS.red],
    [pxRect(7, 3, 12, 5), COLOURS.line],
    [pxRect(4, 7, 6, 9), COLOURS.amber],
    [pxRect(7, 7, 12, 9), COLOURS.line],
    [pxRect(4, 11, 6, 13), COLOURS.green],
    [pxRect(7, 11, 12, 13), COLOURS.line],
  ],
  jbp: [
    ...SHEET_16,
    [pxRect(4, 3, 12, 4), COLOURS.green],
    [pxRect(4, 9, 6, 13), COLOURS.blue],
    [pxRect(7, 7, 9, 13), COLOURS.blue],
    [pxRect(10, 5, 12, 13), COLOURS.blue],
  ],
  check: ICONS.check,
  review: [
    ...SHEET_16,
    [pxRect(4, 2, 12, 4), COLOURS.navy],
    [pxRect(4, 7, 6, 9), COLOURS.red],
    [pxRect(7, 7, 9, 9), COLOURS.amber],
    [pxRect(10, 7, 12, 9), COLOURS.green],
    [pxRect(4, 11, 6, 13), COLOURS.amber],
    [pxRect(7, 11, 9, 13), COLOURS.green],
    [pxRect(10, 11, 12, 13), COLOURS.green],
  ],
};

const SIZES = {
  icon: [16, 32, 64, 80, 128],
  jap: [16, 32, 80],
  jbp: [16, 32, 80],
  check: [16, 32, 80],
  review: [16, 32, 80],
};

const SUPERSAMPLE = 8;

/** Rasterises layers at size x size: RGBA, premultiplied while averaging, then straight alpha. */
function render(layers, size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          let colour = null;
          for (const [inside, c] of layers) if (inside(x, y)) colour = c;
          if (colour) {
            const alpha = colour[3] / 255;
            r += colour[0] * alpha;
            g += colour[1] * alpha;
            b += colour[2] * alpha;
            a += alpha;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((a / (SUPERSAMPLE * SUPERSAMPLE)) * 255);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8 bits a channel, colour type 6, no filtering). */
function encodePng(pixels, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * width * 4, (y + 1) * width * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, layers] of Object.entries(ICONS)) {
    for (const size of SIZES[name]) {
      const file = path.join(outDir, `${name}-${size}.png`);
      const drawing = size === 16 ? ICONS_16[name] : layers;
      fs.writeFileSync(file, encodePng(render(drawing, size), size, size));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, ICONS, SIZES };
