import type { StepType } from '../model/map';

/**
 * Each accounting step type has its own outline, colour and icon, so a flow reads at a glance
 * on a projector and on paper: circles for start/end, a diamond for 分岐, a wavy-bottomed sheet
 * for 帳票, a cylinder for マスタ, a chevron for hand-offs. The editor's nodes and the exported
 * images draw from these same definitions.
 */
export interface StepStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly dashed?: boolean;
}

export const STEP_STYLES: Readonly<Record<StepType, StepStyle>> = {
  start: { fill: '#e7f6ec', stroke: '#2e8b57' },
  end: { fill: '#fbe9e7', stroke: '#b23c17' },
  manualTask: { fill: '#ffffff', stroke: '#4a5568' },
  systemTask: { fill: '#e8f0fe', stroke: '#1a56db' },
  decision: { fill: '#fff8e1', stroke: '#b7791f' },
  approval: { fill: '#fdeee4', stroke: '#c05621' },
  document: { fill: '#fffbea', stroke: '#8d6e00' },
  spreadsheet: { fill: '#e6f4ea', stroke: '#1e7e34' },
  master: { fill: '#f1e8fb', stroke: '#6b46c1' },
  handoff: { fill: '#eef1f5', stroke: '#5a6475' },
  external: { fill: '#f7f1ea', stroke: '#7b5e3b', dashed: true },
};

/** The outline of a step of `type` in a `w` × `h` box whose top-left corner is (0, 0). */
export function shapePath(type: StepType, w: number, h: number): string {
  switch (type) {
    case 'start':
    case 'end': {
      const r = Math.min(w, h) / 2 - 2;
      return `M ${w / 2 - r} ${h / 2} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
    }
    case 'decision':
      return `M ${w / 2} 2 L ${w - 2} ${h / 2} L ${w / 2} ${h - 2} L 2 ${h / 2} Z`;
    case 'document': {
      const wave = h * 0.14;
      return `M 2 2 H ${w - 2} V ${h - wave} C ${w * 0.75} ${h - 2 * wave - 2}, ${w * 0.5} ${h + 2}, ${w * 0.25} ${h - wave} S 6 ${h - 2 * wave}, 2 ${h - wave} Z`;
    }
    case 'master': {
      const ry = Math.min(10, h * 0.15);
      return `M 2 ${ry + 2} A ${w / 2 - 2} ${ry} 0 0 1 ${w - 2} ${ry + 2} V ${h - ry - 2} A ${w / 2 - 2} ${ry} 0 0 1 2 ${h - ry - 2} Z M 2 ${ry + 2} A ${w / 2 - 2} ${ry} 0 0 0 ${w - 2} ${ry + 2}`;
    }
    case 'handoff': {
      const tip = Math.min(18, w * 0.15);
      return `M 2 2 H ${w - tip} L ${w - 2} ${h / 2} L ${w - tip} ${h - 2} H 2 L ${tip} ${h / 2} Z`;
    }
    default: {
      const r = 8;
      return `M ${2 + r} 2 H ${w - 2 - r} Q ${w - 2} 2 ${w - 2} ${2 + r} V ${h - 2 - r} Q ${w - 2} ${h - 2} ${w - 2 - r} ${h - 2} H ${2 + r} Q 2 ${h - 2} 2 ${h - 2 - r} V ${2 + r} Q 2 2 ${2 + r} 2 Z`;
    }
  }
}

/** Each type's icon on a 24 × 24 grid. */
export const STEP_ICON_PATHS: Readonly<Record<StepType, string>> = {
  start: 'M8 5v14l11-7z',
  end: 'M6 6h12v12H6z',
  manualTask: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5z',
  systemTask: 'M3 4h18v12H3zM8 20h8M12 16v4',
  decision: 'M12 2l10 10-10 10L2 12z',
  approval: 'M9 3h6v6l3 3v3H6v-3l3-3zM5 19h14v2H5z',
  document: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  spreadsheet: 'M3 3h18v18H3zM3 9h18M3 15h18M9 3v18M15 3v18',
  master: 'M4 6c0-2 16-2 16 0v12c0 2-16 2-16 0zM4 6c0 2 16 2 16 0M4 12c0 2 16 2 16 0',
  handoff: 'M3 12h14M13 6l6 6-6 6',
  external: 'M3 21V8l9-5 9 5v13zM9 21v-6h6v6',
};

/** Start, end and decision icons are solid; the others are outlines. */
export const isFilledIcon = (type: StepType): boolean => type === 'start' || type === 'end' || type === 'decision';

/** ColorBrewer YlOrRd for heat levels 1–4: in order for the common colour-vision deficiencies and in greyscale. */
export const HEAT_COLORS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'] as const;

/** Severity 1–5 on pain-point badges: light to dark, with the number shown too. */
export const SEVERITY_COLORS = ['#fef3c7', '#fde68a', '#fdba74', '#f87171', '#b91c1c'] as const;

export function severityColor(severity: number): string {
  return SEVERITY_COLORS[Math.min(Math.max(severity, 1), 5) - 1] ?? SEVERITY_COLORS[0];
}
