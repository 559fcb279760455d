import { useTranslation } from 'react-i18next';
import type { StepBadges, StepHeat } from '../../../shared/capture';
import { severityColor } from './heatColors';

/** Counts of what is noted on a step, above its top-right corner; each says what it counts. */
export function StepBadgeRow({ badges }: { badges: StepBadges }) {
  const { t } = useTranslation();
  const items: { key: string; text: string; title: string; style?: { background: string; color: string } }[] = [];
  if (badges.painPoints > 0) {
    items.push({
      key: 'pain',
      text: `⚠${badges.painPoints}`,
      title: t('capture.badge.painPoints', { count: badges.painPoints, severity: badges.maxSeverity }),
      style: { background: severityColor(badges.maxSeverity), color: badges.maxSeverity >= 5 ? '#fff' : '#3b1d00' },
    });
  }
  if (badges.exceptions > 0) items.push({ key: 'exception', text: `⤳${badges.exceptions}`, title: t('capture.badge.exceptions', { count: badges.exceptions }) });
  if (badges.approvalRules > 0) items.push({ key: 'approval', text: `✓${badges.approvalRules}`, title: t('capture.badge.approvalRules', { count: badges.approvalRules }) });
  if (badges.reportFields > 0) items.push({ key: 'field', text: `▤${badges.reportFields}`, title: t('capture.badge.reportFields', { count: badges.reportFields }) });
  if (badges.dots > 0) items.push({ key: 'dots', text: `●${badges.dots}`, title: t('workshopMode.dots', { count: badges.dots }) });
  if (badges.keyPerson) items.push({ key: 'keyPerson', text: '1人', title: t('capture.keyPersonBadge') });
  if (badges.dutyConflict) items.push({ key: 'duty', text: '⚖', title: t('capture.dutyBadge') });
  if (items.length === 0) return null;
  return (
    <ul className="step-badges" data-testid="step-badges">
      {items.map((item) => (
        <li key={item.key} className={`step-badge step-badge-${item.key}`} style={item.style} title={item.title} aria-label={item.title} data-badge={item.key}>
          {item.text}
        </li>
      ))}
    </ul>
  );
}

/** The heatmap value as text, so the colour is never the only cue. */
export function HeatValue({ heat }: { heat: StepHeat }) {
  return (
    <span className="heat-value" data-testid="heat-value">
      {Number.isInteger(heat.value) ? heat.value : heat.value.toFixed(1)}
    </span>
  );
}
