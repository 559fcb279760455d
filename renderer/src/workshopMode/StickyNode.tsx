import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useEditorActions } from '../editor/editorActions';
import type { StickyFlowNode } from '../editor/flowProjection';
import { InlineText } from '../editor/InlineText';

/** Colours chosen to stay apart for the common colour-vision deficiencies; the name is in the tooltip too. */
export const STICKY_COLORS = { yellow: '#fff3a3', pink: '#ffc9de', blue: '#c5e4ff', green: '#c9f2c7' } as const;

function StickyNodeView({ data, selected }: NodeProps<StickyFlowNode>) {
  const { t } = useTranslation();
  const actions = useEditorActions();
  const { note, editing, author } = data;
  return (
    <div
      className={`sticky-note${selected ? ' is-selected' : ''}`}
      style={{ background: STICKY_COLORS[note.color] }}
      data-testid="sticky-note"
      data-color={note.color}
      title={`${t('workshopMode.sticky')} (${t(`workshopMode.colors.${note.color}`)})`}
    >
      {editing ? (
        <InlineText initial={note.text} label={t('workshopMode.stickyText')} onCommit={(text) => actions.commitStickyText(note.id, text)} onCancel={actions.stopEditing} />
      ) : (
        <p className="sticky-text">{note.text || t('workshopMode.emptySticky')}</p>
      )}
      {author ? <span className="sticky-author">— {author}</span> : null}
    </div>
  );
}

export const StickyNode = memo(StickyNodeView);
