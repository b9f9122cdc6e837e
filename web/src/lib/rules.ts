// Ranks the dispatch rules that cover an order's place by how well their category names match
// the order's text, so that without a category model the dispatcher still sees likely rules
// first. The server decides; this only orders what is shown.
import type { DispatchRule } from '@/api/types'

/// Region codes are 12 digits with trailing zeros for the upper levels: 110101000000 covers
/// 110101001000.
export function regionPrefix(code: string): string {
  const c = code.replace(/0+$/, '')
  // Keep whole levels: 2, 4, 6, 9 or 12 digits.
  for (const n of [2, 4, 6, 9, 12]) if (c.length <= n) return code.slice(0, n)
  return code
}

export function covers(ruleRegion: string, orderRegion: string): boolean {
  return orderRegion.startsWith(regionPrefix(ruleRegion))
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>()
  const chars = Array.from(s.replace(/[\s/，。、,.！!？?：:；;（）()]/g, ''))
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
  return out
}

export interface RankedRule extends DispatchRule {
  score: number
  specificity: number
}

export function rankRules(rules: DispatchRule[], orderRegion: string, text: string): RankedRule[] {
  const words = bigrams(text)
  return rules
    .filter((r) => covers(r.region_code, orderRegion))
    .map((r) => {
      const leaf = r.category.split('/').slice(-2).join('')
      let score = 0
      for (const b of bigrams(leaf)) if (words.has(b)) score++
      return { ...r, score, specificity: regionPrefix(r.region_code).length }
    })
    .sort((a, b) => b.score - a.score || b.specificity - a.specificity || a.category.localeCompare(b.category))
}
