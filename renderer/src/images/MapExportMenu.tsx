import { useTranslation } from 'react-i18next';
import { mapToBpmn } from '../../../shared/bpmn';
import { comparisonToSvg, mapToSvg } from '../../../shared/diagram';
import { recordsOf, type MapRecords } from '../../../shared/editor';
import type { MapId, MapVariant, Participant, Process, WorkshopId } from '../../../shared/model';
import { languageSchema, type PlatformBridge } from '../../../shared/platform/bridge';
import { useDatabase } from '../db/DatabaseContext';
import type { KakehashiDatabase } from '../db/database';
import { useProcess, useWorkshop } from '../db/queries';
import { useSaveStatus } from '../db/saveStatus';
import { loadWorkshopDocument } from '../db/workshopRepository';
import { useEditor } from '../editor/editorStore';
import { fileNameFor } from '../exportWorkshop';
import { usePlatform } from '../platform/platform';
import { ExportMenu } from './ExportMenu';
import { saveDiagram, variantFileSuffix } from './saveDiagram';

/** Resolves once no write is in flight (or after `limitMs`), so an export reads what the user sees. */
export function writesSettled(limitMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    if (useSaveStatus.getState().pending === 0) {
      resolve();
      return;
    }
    const timer = setTimeout(finish, limitMs);
    const unsubscribe = useSaveStatus.subscribe((state) => {
      if (state.pending === 0) finish();
    });
    function finish() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

/** One map as a BPMN 2.0 file (`買掛金支払-As-Is.bpmn`), from the workshop as stored. */
export async function exportMapBpmn(
  db: KakehashiDatabase,
  bridge: PlatformBridge,
  request: { workshopId: WorkshopId; mapId: MapId; process: Process; variant: MapVariant; lang: 'ja' | 'en'; filterName: string },
) {
  await writesSettled();
  const document = await loadWorkshopDocument(db, request.workshopId);
  if (!document) throw new Error(`workshop ${request.workshopId} not found`);
  const xml = await mapToBpmn(document, request.mapId, { lang: request.lang });
  return bridge.saveFile({
    suggestedName: fileNameFor(`${request.process.name}-${variantFileSuffix(request.variant)}`, 'bpmn'),
    filters: [{ name: request.filterName, extensions: ['bpmn'] }],
    mimeType: 'application/xml',
    data: new TextEncoder().encode(xml),
  });
}

/** The map editor's export menu: BPMN 2.0, and the whole map as PNG or SVG with its lanes and badges. */
export function MapExportMenu() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const bridge = usePlatform();
  const workshopId = useEditor((state) => state.workshopId);
  const processId = useEditor((state) => state.processId);
  const mapId = useEditor((state) => state.mapId);
  const workshop = useWorkshop(workshopId ?? ('workshop:none' as WorkshopId));
  const process = useProcess(processId ?? ('process:none' as Process['id']));
  if (!workshopId || !mapId || !workshop || !process) return null;
  const lang = languageSchema.catch('ja').parse(i18n.language);
  const variant: MapVariant = process.asIsMapId === mapId ? 'asIs' : 'toBe';
  const baseName = `${process.name}-${variantFileSuffix(variant)}`;
  const svg = () =>
    mapToSvg(recordsOf(useEditor.getState().model), {
      lang,
      title: t('images.mapTitle', { name: process.name, variant: t(variant === 'asIs' ? 'editor.asIs' : 'editor.toBe') }),
      participants: workshop.participants,
    });
  return (
    <ExportMenu
      label={t('images.export')}
      testId="map-export"
      items={[
        {
          id: 'bpmn',
          label: t('images.bpmn'),
          run: () => exportMapBpmn(db, bridge, { workshopId, mapId, process, variant, lang, filterName: t('images.bpmnFilter') }),
        },
        { id: 'png', label: t('images.png'), run: () => saveDiagram(bridge, { format: 'png', baseName, svg: svg(), filterName: t('images.pngFilter') }) },
        { id: 'svg', label: t('images.svg'), run: () => saveDiagram(bridge, { format: 'svg', baseName, svg: svg(), filterName: t('images.svgFilter') }) },
      ]}
    />
  );
}

/** The comparison screen's export menu: both maps side by side with their marks, as PNG or SVG. */
export function CompareExportMenu({
  process,
  asIs,
  toBe,
  participants,
}: {
  process: Process;
  asIs: MapRecords;
  toBe: MapRecords;
  participants: readonly Participant[];
}) {
  const { t, i18n } = useTranslation();
  const bridge = usePlatform();
  const lang = languageSchema.catch('ja').parse(i18n.language);
  const baseName = `${process.name}-As-Is-To-Be`;
  const svg = () => comparisonToSvg(asIs, toBe, { lang, title: t('compare.title', { name: process.name }), participants });
  return (
    <ExportMenu
      label={t('images.exportComparison')}
      testId="compare-export"
      items={[
        { id: 'png', label: t('images.png'), run: () => saveDiagram(bridge, { format: 'png', baseName, svg: svg(), filterName: t('images.pngFilter') }) },
        { id: 'svg', label: t('images.svg'), run: () => saveDiagram(bridge, { format: 'svg', baseName, svg: svg(), filterName: t('images.svgFilter') }) },
      ]}
    />
  );
}
