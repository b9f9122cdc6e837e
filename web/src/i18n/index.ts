import { createI18n } from 'vue-i18n'
import zh from './zh-CN'
import en from './en'
import petitionZh from './petition.zh-CN'
import petitionEn from './petition.en'
import suggestionZh from './suggestion.zh-CN'
import suggestionEn from './suggestion.en'
import disputeZh from './dispute.zh-CN'
import disputeEn from './dispute.en'
import burdenZh from './burden.zh-CN'
import burdenEn from './burden.en'

export type Locale = 'zh-CN' | 'en'
const KEY = 'shegong.locale'

function initial(): Locale {
  const saved = localStorage.getItem(KEY)
  return saved === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initial(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': { ...zh, ...petitionZh, ...suggestionZh, ...disputeZh, ...burdenZh }, en: { ...en, ...petitionEn, ...suggestionEn, ...disputeEn, ...burdenEn } },
  // Chinese vocabulary used as keys (诉求类型) must not be read as message syntax.
  warnHtmlMessage: false,
})

export function setLocale(l: Locale) {
  i18n.global.locale.value = l
  localStorage.setItem(KEY, l)
  document.documentElement.lang = l
}
document.documentElement.lang = i18n.global.locale.value
