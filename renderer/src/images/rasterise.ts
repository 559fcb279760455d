/**
 * An SVG document drawn onto a canvas and encoded as PNG, in the renderer: the browser's own
 * SVG renderer draws it, so the picture matches the SVG file exactly. Needs `img-src blob:` in
 * the Content-Security-Policy (it is there).
 */

/** Twice the SVG's size: sharp on high-density screens and when printed. */
export const PNG_SCALE = 2;
/** Chromium refuses canvases beyond 32,767 px a side or about 268 million pixels; stay well inside. */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 100_000_000;

/** The scale a `width` × `height` drawing is rendered at: `wanted`, or less when the canvas would be too large. */
export function pngScale(width: number, height: number, wanted: number = PNG_SCALE): number {
  if (width <= 0 || height <= 0) return wanted;
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

/** The width and height the root element of an SVG document declares. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0) || !(height > 0)) throw new Error('The SVG has no width and height.');
  return { width, height };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The drawing could not be rendered as an image.'));
    image.src = url;
  });
}

export async function svgToPng(svg: string, scale: number = PNG_SCALE, doc: Document = document): Promise<Uint8Array<ArrayBuffer>> {
  const { width, height } = svgSize(svg);
  const factor = pngScale(width, height, scale);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const canvas = doc.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * factor));
    canvas.height = Math.max(1, Math.round(height * factor));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded as PNG.'))), 'image/png'),
    );
    return new Uint8Array(await png.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
