import type { MapVariant } from '../../../shared/model';
import type { PlatformBridge, SavedFile } from '../../../shared/platform/bridge';
import { fileNameFor } from '../exportWorkshop';
import { svgToPng } from './rasterise';

export type ImageFormat = 'png' | 'svg';

const MIME_TYPES: Readonly<Record<ImageFormat, string>> = { png: 'image/png', svg: 'image/svg+xml' };

/** `買掛金支払-As-Is`: the file names say As-Is / To-Be in every UI language, as BPMN tools and IT do. */
export const variantFileSuffix = (variant: MapVariant): string => (variant === 'asIs' ? 'As-Is' : 'To-Be');

/** Saves a drawing as SVG, or as PNG at twice its size, through the platform's save dialog or download. */
export async function saveDiagram(
  bridge: PlatformBridge,
  request: { format: ImageFormat; baseName: string; svg: string; filterName: string; title?: string },
): Promise<SavedFile | null> {
  const data = request.format === 'svg' ? new TextEncoder().encode(request.svg) : await svgToPng(request.svg);
  return bridge.saveFile({
    ...(request.title ? { title: request.title } : {}),
    suggestedName: fileNameFor(request.baseName, request.format),
    filters: [{ name: request.filterName, extensions: [request.format] }],
    mimeType: MIME_TYPES[request.format],
    data,
  });
}
