import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { stepSize } from '../../../shared/editor/geometry';
import { useEditorActions } from './editorActions';
import type { StepFlowNode } from './flowProjection';
import { InlineText } from './InlineText';
import { STEP_STYLES, StepIcon, shapePath } from './stepShapes';
import { HeatValue, StepBadgeRow } from '../capture/StepBadges';
import { heatColor } from '../capture/heatColors';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

function StepNodeView({ data, selected }: NodeProps<StepFlowNode>) {
  const { t } = useTranslation();
  const actions = useEditorActions();
  const { step, editing, badges, heat } = data;
  const size = stepSize(step.type);
  const style = STEP_STYLES[step.type];
  const compact = step.type === 'start' || step.type === 'end';
  return (
    <div
      className={`step-node step-${step.type}${selected ? ' is-selected' : ''}`}
      style={{ width: size.width, height: size.height }}
      data-testid="step-node"
      data-step-type={step.type}
      data-heat-level={heat?.level}
      title={`${t(`stepType.${step.type}`)}: ${step.label}`}
    >
      <svg className="step-shape" width={size.width} height={size.height} aria-hidden="true">
        <path
          d={shapePath(step.type, size.width, size.height)}
          fill={heat ? heatColor(heat.level) : style.fill}
          stroke={selected ? '#f0a000' : style.stroke}
          strokeWidth={selected ? 3 : step.type === 'end' ? 3 : 1.6}
          strokeDasharray={style.dashed ? '5 3' : undefined}
        />
      </svg>
      {SIDES.map(([id, position]) => (
        <Handle key={id} id={id} type="source" position={position} className="step-handle" />
      ))}
      <div className={`step-content${compact ? ' step-content-compact' : ''}`}>
        {compact ? null : <StepIcon type={step.type} color={style.stroke} />}
        {editing ? (
          <InlineText
            initial={step.label}
            label={t('editor.stepLabel')}
            onCommit={(label) => actions.commitLabel(step.id, label)}
            onCancel={actions.stopEditing}
          />
        ) : compact ? null : (
          <span className="step-label">{step.label || t('editor.untitled')}</span>
        )}
        {step.type === 'systemTask' && step.system && !editing ? <span className="step-system">{step.system}</span> : null}
      </div>
      {compact && step.label ? <span className="step-caption">{step.label}</span> : null}
      {badges ? <StepBadgeRow badges={badges} /> : null}
      {heat ? <HeatValue heat={heat} /> : null}
    </div>
  );
}

export const StepNode = memo(StepNodeView);
