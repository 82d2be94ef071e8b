// Han, kana, hangul and full-width forms: tokenizers spend about one token per character on
// these, against about four characters per token for Latin text.
const DENSE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/gu;

/**
 * A deliberately generous estimate of how many tokens `text` costs, without shipping a
 * tokenizer: context windows are planned with it, so erring high is the safe side.
 *
 * @example
 * estimateTokens('Hello from Zimu.'); // 5
 * estimateTokens('你好，世界'); // 5
 */
export function estimateTokens(text: string): number {
  const dense = text.match(DENSE)?.length ?? 0;
  const rest = text.length - dense;
  return dense + Math.ceil(rest / 3.5);
}
