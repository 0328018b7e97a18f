import type { SampleTicket } from './model';
import { drawIdNumber, drawPhone } from './people';
import type { Rng } from './random';

/** Shares of background appeals whose free text carries a phone number or an ID-card number. */
export const PII_RATES = { phone: 0.012, idNumber: 0.004 } as const;

/** What was planted in one ticket's free text. */
export interface PiiPlanted {
  phone: boolean;
  idNumber: boolean;
}

/**
 * Plants personal data in the ticket's content the way callers and operators write it (联系电话…, 身份证号…).
 * Each kind appears at most once per ticket, so counts of tickets equal counts of occurrences.
 */
export function plantPii(t: SampleTicket, rng: Rng): PiiPlanted {
  const phone = rng.chance(PII_RATES.phone);
  const idNumber = rng.chance(PII_RATES.idNumber);
  if (phone) {
    const n = drawPhone(rng);
    t.content += t.channel === 'web' ? `我的电话是${n}，请回电。` : `联系电话：${n}。`;
  }
  if (idNumber) t.content += `本人身份证号${drawIdNumber(rng, t.districtCode)}。`;
  return { phone, idNumber };
}
