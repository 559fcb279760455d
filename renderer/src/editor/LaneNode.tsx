import { memo, useState } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { LANE_HEADER_WIDTH } from '../../../shared/editor/geometry';
import { useEditorActions } from './editorActions';
import type { LaneFlowNode } from './flowProjection';
import { InlineText } from './InlineText';

function LaneNodeView({ data, selected, width, height }: NodeProps<LaneFlowNode>) {
  const { t } = useTranslation();
  const actions = useEditorActions();
  const [renaming, setRenaming] = useState(false);
  const { lane } = data;
  return (
    <div
      className={`lane-node${selected ? ' is-selected' : ''}`}
      style={{ width, height, borderColor: lane.color, background: `${lane.color}14` }}
      data-testid="lane-node"
    >
      <div className="lane-header" style={{ width: LANE_HEADER_WIDTH, background: `${lane.color}2e` }} onDoubleClick={() => setRenaming(true)}>
        <span className="lane-grip" title={t('editor.dragLane')} aria-hidden="true">
          ⋮⋮
        </span>
        {renaming ? (
          <InlineText
            initial={lane.name}
            label={t('editor.laneName')}
            multiline={false}
            onCommit={(name) => {
              setRenaming(false);
              actions.renameLane(lane.id, name);
            }}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <span className="lane-name">{lane.name}</span>
        )}
        <span className="lane-kind">{t(`laneKind.${lane.kind}`)}</span>
      </div>
    </div>
  );
}

export const LaneNode = memo(LaneNodeView);
