import { useTranslation } from 'react-i18next';
import {
  alignSteps,
  distributeSteps,
  LANE_COLORS,
  mapMetrics,
  moveLane,
  recordsOf,
  updateConnection,
  updateLane,
  updateStep,
} from '../../../shared/editor';
import { sortLanes } from '../../../shared/editor/geometry';
import {
  connectionKindSchema,
  laneKindSchema,
  stepFrequencySchema,
  stepTypeSchema,
  type Connection,
  type Lane,
  type LaneId,
  type Participant,
  type Performer,
  type Step,
  type StepId,
} from '../../../shared/model';
import { nameErrorMessage } from '../ui/validation';
import { RiskLists } from '../capture/RiskLists';
import { StickyPanel } from '../workshopMode/StickyPanel';
import { PainPointSection, StepAnnotations } from '../capture/StepAnnotations';
import { useEditor } from './editorStore';
import { CommitList, CommitText, parseAmount } from './fields';

interface InspectorPanelProps {
  readonly participants: readonly Participant[];
  readonly onDeleteLane: (laneId: LaneId) => void;
}

/** The right-hand panel: attributes of what is selected, or the map's figures when nothing is. */
export function InspectorPanel({ participants, onDeleteLane }: InspectorPanelProps) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const selection = useEditor((state) => state.selection);
  const ids = [...selection];
  const steps = ids.map((id) => model.steps.get(id as StepId)).filter((step): step is Step => step !== undefined);
  const lane = ids.length === 1 ? model.lanes.get(ids[0] as LaneId) : undefined;
  const connection = ids.length === 1 ? model.connections.get(ids[0] as never) : undefined;
  const sticky = ids.length === 1 ? model.stickyNotes.get(ids[0] as never) : undefined;

  const mapId = useEditor((state) => state.mapId);

  let body;
  if (steps.length === 1 && steps[0]) {
    body = (
      <>
        <StepAnnotations step={steps[0]} participants={participants} />
        <StepPanel step={steps[0]} participants={participants} />
      </>
    );
  } else if (sticky) body = <StickyPanel note={sticky} participants={participants} />;
  else if (steps.length > 1) body = <MultiStepPanel stepIds={steps.map((step) => step.id)} />;
  else if (lane) {
    body = (
      <>
        <LanePanel lane={lane} onDelete={() => onDeleteLane(lane.id)} />
        <div className="inspector-section">
          <PainPointSection target={{ kind: 'lane', laneId: lane.id }} participants={participants} />
        </div>
      </>
    );
  } else if (connection) {
    body = (
      <>
        <ConnectionPanel connection={connection} />
        <div className="inspector-section">
          <PainPointSection target={{ kind: 'connection', connectionId: connection.id }} participants={participants} />
        </div>
      </>
    );
  } else {
    body = (
      <>
        {mapId ? (
          <div className="inspector-section">
            <h2>{t('capture.mapPainPoints')}</h2>
            <PainPointSection target={{ kind: 'map', mapId }} participants={participants} />
          </div>
        ) : null}
        <div className="inspector-section">
          <RiskLists participants={participants} />
        </div>
        <MapSummary />
      </>
    );
  }

  return (
    <div className="inspector" aria-label={t('editor.inspector')}>
      {body}
    </div>
  );
}

function StepPanel({ step, participants }: { step: Step; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const apply = useEditor((state) => state.apply);
  const change = (changes: Partial<Step>) => apply(updateStep(model, step.id, changes));
  const lanes = sortLanes(model.lanes.values());
  const hasParticipant = (participantId: string) => step.performers.some((performer) => performer.kind === 'participant' && performer.participantId === participantId);
  const roles = step.performers.filter((performer): performer is Extract<Performer, { kind: 'role' }> => performer.kind === 'role').map((performer) => performer.role);
  const toggleParticipant = (participant: Participant) => {
    const performers: Performer[] = hasParticipant(participant.id)
      ? step.performers.filter((performer) => !(performer.kind === 'participant' && performer.participantId === participant.id))
      : [...step.performers, { kind: 'participant', participantId: participant.id }];
    change({ performers });
  };

  return (
    <div className="inspector-section" data-testid="step-panel">
      <h2>{t('editor.stepPanel')}</h2>
      <CommitText label={t('editor.stepLabel')} value={step.label} multiline onCommit={(label) => change({ label })} testId="step-label-field" />
      <div className="field">
        <label htmlFor="step-type">{t('editor.stepTypeField')}</label>
        <select id="step-type" value={step.type} onChange={(event) => change({ type: stepTypeSchema.parse(event.target.value) })}>
          {stepTypeSchema.options.map((type) => (
            <option key={type} value={type}>
              {t(`stepType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="step-lane">{t('editor.laneField')}</label>
        <select id="step-lane" value={step.laneId} onChange={(event) => change({ laneId: event.target.value as LaneId })}>
          {lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>
              {lane.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field performers">
        <legend>{t('editor.performers')}</legend>
        {participants.length === 0 ? <p className="secondary">{t('editor.noParticipants')}</p> : null}
        {participants.map((participant) => (
          <label key={participant.id} className="checkbox">
            <input type="checkbox" checked={hasParticipant(participant.id)} onChange={() => toggleParticipant(participant)} />
            <span>
              {participant.name}
              {participant.role ? <span className="secondary"> · {participant.role}</span> : null}
            </span>
          </label>
        ))}
        <CommitList
          label={t('editor.performerRoles')}
          placeholder={t('editor.performerRolesPlaceholder')}
          values={roles}
          onCommit={(newRoles) =>
            change({
              performers: [
                ...step.performers.filter((performer) => performer.kind === 'participant'),
                ...newRoles.filter((role) => nameErrorMessage(t, role) === null).map((role): Performer => ({ kind: 'role', role })),
              ],
            })
          }
        />
      </fieldset>
      <CommitText label={t('editor.system')} placeholder={t('editor.systemPlaceholder')} value={step.system} onCommit={(system) => change({ system })} />
      <CommitList label={t('editor.tools')} placeholder={t('editor.toolsPlaceholder')} values={step.tools} onCommit={(tools) => change({ tools })} />
      <div className="field">
        <label htmlFor="step-frequency">{t('editor.frequency')}</label>
        <select
          id="step-frequency"
          value={step.frequency ?? ''}
          onChange={(event) => change({ frequency: event.target.value === '' ? null : stepFrequencySchema.parse(event.target.value) })}
        >
          <option value="">{t('editor.notSet')}</option>
          {stepFrequencySchema.options.map((frequency) => (
            <option key={frequency} value={frequency}>
              {t(`frequency.${frequency}`)}
            </option>
          ))}
        </select>
      </div>
      <CommitText label={t('editor.volume')} placeholder={t('editor.volumePlaceholder')} value={step.volume} onCommit={(volume) => change({ volume })} />
      <div className="field-row">
        <CommitText
          label={t('editor.touchMinutes')}
          type="number"
          value={step.touchMinutes === null ? '' : String(step.touchMinutes)}
          onCommit={(text) => change({ touchMinutes: parseAmount(text) })}
        />
        <CommitText
          label={t('editor.waitMinutes')}
          type="number"
          value={step.waitMinutes === null ? '' : String(step.waitMinutes)}
          onCommit={(text) => change({ waitMinutes: parseAmount(text) })}
        />
      </div>
      <CommitList label={t('editor.inputs')} placeholder={t('editor.documentsPlaceholder')} values={step.inputs} onCommit={(inputs) => change({ inputs })} />
      <CommitList label={t('editor.outputs')} placeholder={t('editor.documentsPlaceholder')} values={step.outputs} onCommit={(outputs) => change({ outputs })} />
      <CommitText label={t('editor.notes')} value={step.notes} multiline onCommit={(notes) => change({ notes })} />
    </div>
  );
}

const ALIGN_EDGES = ['left', 'centerX', 'right', 'top', 'middle', 'bottom'] as const;

function MultiStepPanel({ stepIds }: { stepIds: StepId[] }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const apply = useEditor((state) => state.apply);
  return (
    <div className="inspector-section">
      <h2>{t('editor.selectedCount', { count: stepIds.length })}</h2>
      <h3>{t('editor.align')}</h3>
      <div className="button-grid">
        {ALIGN_EDGES.map((edge) => (
          <button key={edge} type="button" onClick={() => apply(alignSteps(model, stepIds, edge))}>
            {t(`editor.alignEdge.${edge}`)}
          </button>
        ))}
      </div>
      <h3>{t('editor.distribute')}</h3>
      <div className="button-grid">
        <button type="button" disabled={stepIds.length < 3} onClick={() => apply(distributeSteps(model, stepIds, 'horizontal'))}>
          {t('editor.distributeHorizontal')}
        </button>
        <button type="button" disabled={stepIds.length < 3} onClick={() => apply(distributeSteps(model, stepIds, 'vertical'))}>
          {t('editor.distributeVertical')}
        </button>
      </div>
    </div>
  );
}

function LanePanel({ lane, onDelete }: { lane: Lane; onDelete: () => void }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const apply = useEditor((state) => state.apply);
  const lanes = sortLanes(model.lanes.values());
  const index = lanes.findIndex((candidate) => candidate.id === lane.id);
  return (
    <div className="inspector-section" data-testid="lane-panel">
      <h2>{t('editor.lanePanel')}</h2>
      <CommitText
        label={t('editor.laneName')}
        value={lane.name}
        onCommit={(name) => nameErrorMessage(t, name) === null && apply(updateLane(model, lane.id, { name }))}
      />
      <div className="field">
        <label htmlFor="lane-kind">{t('editor.laneKindField')}</label>
        <select id="lane-kind" value={lane.kind} onChange={(event) => apply(updateLane(model, lane.id, { kind: laneKindSchema.parse(event.target.value) }))}>
          {laneKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`laneKind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('editor.laneColor')}</legend>
        <div className="swatches">
          {LANE_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch${color === lane.color ? ' is-current' : ''}`}
              style={{ background: color }}
              aria-label={color}
              aria-pressed={color === lane.color}
              onClick={() => apply(updateLane(model, lane.id, { color }))}
            />
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={index <= 0} onClick={() => apply(moveLane(model, lane.id, index - 1))}>
          {t('editor.laneUp')}
        </button>
        <button type="button" disabled={index >= lanes.length - 1} onClick={() => apply(moveLane(model, lane.id, index + 1))}>
          {t('editor.laneDown')}
        </button>
        <button type="button" className="danger-text" onClick={onDelete}>
          {t('editor.deleteLane')}
        </button>
      </div>
    </div>
  );
}

function ConnectionPanel({ connection }: { connection: Connection }) {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const apply = useEditor((state) => state.apply);
  const source = model.steps.get(connection.sourceStepId);
  const target = model.steps.get(connection.targetStepId);
  return (
    <div className="inspector-section" data-testid="connection-panel">
      <h2>{t('editor.connectionPanel')}</h2>
      <p className="secondary">
        {source?.label || t('editor.untitled')} → {target?.label || t('editor.untitled')}
      </p>
      <CommitText label={t('editor.connectionLabel')} placeholder={t('editor.connectionLabelPlaceholder')} value={connection.label} onCommit={(label) => apply(updateConnection(model, connection.id, { label }))} />
      <div className="field">
        <label htmlFor="connection-kind">{t('editor.connectionKind')}</label>
        <select id="connection-kind" value={connection.kind} onChange={(event) => apply(updateConnection(model, connection.id, { kind: connectionKindSchema.parse(event.target.value) }))}>
          {connectionKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`connectionKind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function MapSummary() {
  const { t } = useTranslation();
  const model = useEditor((state) => state.model);
  const metrics = mapMetrics(recordsOf(model));
  return (
    <div className="inspector-section" data-testid="map-summary">
      <h2>{t('editor.mapFigures')}</h2>
      <dl className="metrics">
        <dt>{t('metrics.stepCount')}</dt>
        <dd>{metrics.stepCount}</dd>
        <dt>{t('metrics.manualSteps')}</dt>
        <dd>{metrics.manualSteps}</dd>
        <dt>{t('metrics.spreadsheetSteps')}</dt>
        <dd>{metrics.spreadsheetSteps}</dd>
        <dt>{t('metrics.handoffs')}</dt>
        <dd>{metrics.handoffs}</dd>
        <dt>{t('metrics.touchMinutes')}</dt>
        <dd>{t('metrics.minutes', { count: metrics.touchMinutes })}</dd>
        <dt>{t('metrics.waitMinutes')}</dt>
        <dd>{t('metrics.minutes', { count: metrics.waitMinutes })}</dd>
      </dl>
      <h3>{t('editor.shortcutsTitle')}</h3>
      <ul className="shortcuts">
        {(['tab', 'enter', 'arrows', 'altArrows', 'delete', 'copy', 'undo', 'find', 'fit', 'doubleClick', 'painPoint', 'exception', 'heatmap'] as const).map((key) => (
          <li key={key}>{t(`editor.shortcuts.${key}`)}</li>
        ))}
      </ul>
    </div>
  );
}
