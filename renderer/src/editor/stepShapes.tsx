import type { StepType } from '../../../shared/model';
import { STEP_ICON_PATHS, isFilledIcon } from '../../../shared/diagram/shapes';

// The shapes and colours live in shared/, where the image export draws the same steps.
export { STEP_STYLES, shapePath, type StepStyle } from '../../../shared/diagram/shapes';

export function StepIcon({ type, color }: { type: StepType; color: string }) {
  const filled = isFilledIcon(type);
  return (
    <svg className="step-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <path d={STEP_ICON_PATHS[type]} fill={filled ? color : 'none'} stroke={color} strokeWidth={filled ? 0 : 1.8} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
