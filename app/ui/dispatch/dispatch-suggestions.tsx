'use client';

import type { DispatchAnswer } from '@/lib/queries/dispatch-suggest';
import { formatShare } from '../format';
import { useText } from '../i18n/preferences';
import { Empty } from '../states/widget-state';

/** Below this confidence a second or third lead unit is noise to a call-taker. */
const MIN_SHOWN_CONFIDENCE = 0.01;

/** The suggested lead units (with the past tickets behind each) and co-handling units. */
export function DispatchSuggestions({ answer }: { answer: DispatchAnswer }) {
  const { t, lang } = useText();
  // The first unit always shows; the others only when the model gives them a real chance.
  const shown = answer.lead.filter((s, i) => i === 0 || s.confidence >= MIN_SHOWN_CONFIDENCE);
  if (answer.lead.length === 0)
    return (
      <Empty height={120}>{t({ zh: '模型尚未训练。', en: 'The model has not been trained yet.' })}</Empty>
    );
  return (
    <div data-testid="dispatch-suggestions">
      <h3>{t({ zh: '建议主办单位', en: 'Suggested lead unit' })}</h3>
      <ol style={{ paddingLeft: '1.4em' }}>
        {shown.map((s) => (
          <li key={s.unit} data-unit={s.unit}>
            <strong>{s.unit}</strong>{' '}
            <span data-testid="confidence">
              {t({ zh: '置信度', en: 'confidence' })} {formatShare(s.confidence, lang)}
            </span>
            {s.support.length > 0 ? (
              <ul style={{ fontSize: '0.9em', color: '#4b5563' }}>
                {s.support.map((x) => (
                  <li key={x.ticketId}>
                    {x.receivedAt} · {x.town ?? ''} · <em>{x.title}</em> — {x.excerpt}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {shown.length < answer.lead.length ? (
        <p className="panel-note" data-testid="dispatch-others-unlikely">
          {t({ zh: '其余候选单位的可能性均低于 1%。', en: 'Every other unit has less than a 1% chance.' })}
        </p>
      ) : null}
      <h3>{t({ zh: '建议协办单位', en: 'Suggested co-handling units' })}</h3>
      {answer.coHandling.length === 0 ? (
        <p>{t({ zh: '此类诉求通常无需协办。', en: 'Appeals like this rarely need a co-handling unit.' })}</p>
      ) : (
        <ul>
          {answer.coHandling.map((c) => (
            <li key={c.unit}>
              {c.unit} · {t({ zh: '同类工单中协办占比', en: 'co-handled share of this category' })}{' '}
              {formatShare(c.confidence, lang)}
            </li>
          ))}
        </ul>
      )}
      <p className="panel-note">
        {t({ zh: '识别出的关键词：', en: 'Words recognised: ' })}
        {answer.matchedTerms.slice(0, 20).join('、') || '–'}
      </p>
    </div>
  );
}
