/**
 * ColorBrewer YlOrRd, 4 classes: a single-hue ramp that stays in order for the common colour
 * vision deficiencies and in greyscale. Levels are also shown as numbers on the step.
 */
export const HEAT_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'] as const;

/** Severity 1–5 on pain-point badges: light to dark, with the number shown too. */
export const SEVERITY_COLORS = ['#fef3c7', '#fde68a', '#fdba74', '#f87171', '#b91c1c'] as const;

export function heatColor(level: number): string {
  return HEAT_COLORS[Math.min(Math.max(level, 1), 4) - 1] ?? HEAT_COLORS[0];
}

export function severityColor(severity: number): string {
  return SEVERITY_COLORS[Math.min(Math.max(severity, 1), 5) - 1] ?? SEVERITY_COLORS[0];
}
