export { mapToSvg, comparisonToSvg, type DiagramOptions } from './svg';
export { mapRecordsOf } from './records';
export { diagramPhrases, type DiagramPhrases } from './phrases';
export { escapeXml, FONT_FAMILY, textWidth, wrapText } from './text';
export { connectionRoute, connectionSides, labelPoint, routeBetween, type Point, type Side } from './route';
export { HEAT_COLORS, SEVERITY_COLORS, severityColor, shapePath, STEP_ICON_PATHS, STEP_STYLES, type StepStyle } from './shapes';
