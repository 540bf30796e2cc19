import type { Scorecard } from '../rubric/types';
import { emptyScorecard, setLevel } from '../rubric/scorecard';
import type { SiteContent } from './site';

/** The site's reference readings as a scorecard with default weights, so the same scoring rules rank them as they rank a reader's card. */
export function siteReadingCard(site: Pick<SiteContent, 'labs' | 'analogies' | 'reading'>): Scorecard {
  let card = emptyScorecard();
  for (const lab of site.labs) {
    for (const analogy of site.analogies) {
      card = setLevel(card, lab.id, analogy.id, site.reading(lab.id, analogy.id).level);
    }
  }
  return card;
}
