import { HEAT_COLORS } from '../../../shared/diagram';

/** The palettes live with the drawing code (ColorBrewer YlOrRd), so canvas, images and report agree. */
export { HEAT_COLORS, severityColor } from '../../../shared/diagram';

export function heatColor(level: number): string {
  return HEAT_COLORS[Math.min(Math.max(level, 1), 4) - 1] ?? HEAT_COLORS[0];
}
