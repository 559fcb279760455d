import { useTranslation } from 'react-i18next';
import type { HeatMode } from '../../../shared/capture';
import { HEAT_COLORS } from './heatColors';

/** The heatmap's key: what each colour means in the chosen mode. */
export function HeatLegend({ mode }: { mode: HeatMode }) {
  const { t } = useTranslation();
  const labels = t(`capture.heatLevels.${mode}`, { returnObjects: true }) as unknown as string[];
  const modeName = t(`capture.heatMode.${mode}`);
  return (
    <section className="heat-legend" aria-label={t('capture.heatLegend', { mode: modeName })} data-testid="heat-legend">
      <h3>{t('capture.heatLegend', { mode: modeName })}</h3>
      <ol>
        <li>
          <span className="heat-swatch heat-swatch-none" aria-hidden="true" />
          {t('capture.heatNone')}
        </li>
        {HEAT_COLORS.map((color, index) => (
          <li key={color}>
            <span className="heat-swatch" style={{ background: color }} aria-hidden="true">
              {index + 1}
            </span>
            {labels[index]}
          </li>
        ))}
      </ol>
    </section>
  );
}
