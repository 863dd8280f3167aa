import Sentiment from 'sentiment';

/** Languages the AFINN-165 lexicon of the `sentiment` package covers. */
export const LANGUAGES = [{ code: 'en', name: 'English' }] as const;

const analyzer = new Sentiment();

/**
 * Scores a text from 0 (negative) to 1 (positive). The lexicon's raw sum is normalised the way
 * VADER normalises its compound score, x / √(x² + 15), then mapped from [-1, 1] to [0, 1].
 */
export function scoreText(text: string, language: string): number {
  const { score } = analyzer.analyze(text, { language });
  const compound = score / Math.sqrt(score * score + 15);
  return Math.round(((compound + 1) / 2) * 1000) / 1000;
}

export function isSupported(language: string): boolean {
  return LANGUAGES.some((l) => l.code === language);
}
