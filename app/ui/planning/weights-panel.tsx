'use client';

import {
  COMPONENT_DEFINITIONS,
  MAX_WEIGHT,
  SCORE_COMPONENTS,
  type Weights,
} from '@/lib/analytics/recurring/ranker';
import { useText } from '../i18n/preferences';
import { Panel } from '../states/widget-state';
import { COMPONENT_TEXT } from './planning-text';

/** One slider per score component; each change rewrites the URL (`w_<component>`), so a ranking can be shared. */
export function WeightsPanel({
  weights,
  onChange,
  onReset,
}: {
  weights: Weights;
  onChange: (component: keyof Weights, value: number) => void;
  onReset: () => void;
}) {
  const { t } = useText();
  return (
    <Panel
      title={t({ zh: '评分权重', en: 'Score weights' })}
      testId="planning-weights"
      actions={
        <button type="button" onClick={onReset}>
          {t({ zh: '恢复默认', en: 'Defaults' })}
        </button>
      }
    >
      <p className="subtitle">
        {t({
          zh: '得分 = 100 × Σ(权重 × 分项) ÷ Σ权重，各分项已归一到 0–1。',
          en: 'Score = 100 × Σ(weight × component) ÷ Σ weights; each component is normalised to 0–1.',
        })}
      </p>
      <div
        className="planning-weights"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 12 }}
      >
        {SCORE_COMPONENTS.map((k) => (
          <label
            key={k}
            title={t(COMPONENT_DEFINITIONS[k])}
            style={{ display: 'flex', flexDirection: 'column' }}
          >
            <span>
              {t(COMPONENT_TEXT[k])} <strong>{weights[k]}</strong>
            </span>
            <input
              type="range"
              min={0}
              max={MAX_WEIGHT}
              step={1}
              value={weights[k]}
              data-testid={`weight-${k}`}
              onChange={(e) => onChange(k, Number(e.target.value))}
            />
            <small>{t(COMPONENT_DEFINITIONS[k])}</small>
          </label>
        ))}
      </div>
    </Panel>
  );
}
