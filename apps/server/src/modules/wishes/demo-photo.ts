// Delivery photos for the demo, drawn by code: a small PNG per fulfilled wish (a sky, a floor and
// a shape in the category's colour), so the wish pages show pictures without shipping any.
import { PNG } from 'pngjs';

const COLOUR: Record<string, [number, number, number]> = {
  goods: [214, 96, 77],
  repair: [70, 130, 180],
  service: [60, 160, 110],
  companionship: [230, 160, 50],
  other: [140, 110, 180],
};

/** A 160×120 PNG; `seed` moves the shape so no two photos are identical. */
export function demoPhoto(category: string, seed: number): Buffer {
  const w = 160;
  const h = 120;
  const png = new PNG({ width: w, height: h });
  const [r, g, b] = COLOUR[category] ?? COLOUR.other!;
  const cx = 50 + ((seed * 37) % 60);
  const cy = 55 + ((seed * 13) % 20);
  const radius = 22 + (seed % 9);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (w * y + x) << 2;
      const floor = y > 85;
      const inShape = (x - cx) ** 2 + (y - cy) ** 2 < radius ** 2;
      const sky = 235 - Math.round(y / 3);
      png.data[i] = inShape ? r : floor ? 190 : sky;
      png.data[i + 1] = inShape ? g : floor ? 170 : sky;
      png.data[i + 2] = inShape ? b : floor ? 140 : 250;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
