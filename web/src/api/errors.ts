// Turns API errors into plain words for the person at the screen, in the UI's language. The
// server's own message (English) is kept for the English UI and for support; in Chinese the
// code, the field and a few well-known causes are enough to say what went wrong.
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'
import { ApiError } from './client'

const t = (key: string, args?: Record<string, unknown>) => i18n.global.t(key, args ?? {})
const te = (key: string) => i18n.global.te(key)

// Server messages that deserve their own Chinese sentence.
const known: [RegExp, string][] = [
  [/outside (your|the caller's) jurisdiction|outside your jurisdiction/i, '超出您的辖区范围'],
  [/only the centre and the lead unit/i, '只有 12345 中心和主办单位可以查看联系方式'],
  [/asked for confidentiality/i, '诉求人要求保密，不能查看联系方式'],
  [/already waiting for the centre/i, '已有申请在等待中心审核'],
  [/no callback is due/i, '单位答复或超期后才能回访'],
  [/is required/i, '必须填写'],
  [/one of /i, '请从列表中选择'],
  [/not a valid|malformed|must be/i, '格式不正确'],
  [/no active unit/i, '单位不存在或已停用'],
  [/no deadline rule matches/i, '没有匹配的时限标准，无法派单'],
  [/not on the community duty list/i, '该分类不在社区（村）职责清单内，不能派给社区'],
  [/cannot lead/i, '社区（村）在此类事项中只能协办'],
  [/the lead unit cannot also co-handle/i, '主办单位不能同时作为协办单位'],
  [/only a consultation/i, '只有咨询类诉求可以直接答复'],
  [/tracking number is 8 to 32/i, '工单编号为 8 至 32 位大写字母和数字'],
  [/no order has that tracking number/i, '没有这个编号的工单，请核对'],
  [/already (taken|exists)|duplicate/i, '已存在'],
  [/at least \d+|too short/i, '长度不够'],
  [/not in the category taxonomy/i, '不在分类目录中'],
  [/cannot be in the future/i, '不能晚于当前时间'],
  [/no region has|unknown region|no such region/i, '区域不存在'],
  [/the action .* is not allowed|not allowed in state|cannot .* in state/i, '当前状态下不能进行此操作'],
]

export function fieldLabel(field: string): string {
  const key = `field.${field}`
  return te(key) ? t(key) : field
}

/// One sentence for the whole error.
export function describe(err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.unknown')
  const en = i18n.global.locale.value === 'en'
  if (err.code === 'network') return t('error.network')
  if (err.code === 'csrf_failed') return t('error.csrf_failed')
  let base: string
  if (en) {
    base = err.message ? err.message.charAt(0).toUpperCase() + err.message.slice(1) : t('error.unknown')
  } else {
    const hit = known.find(([re]) => re.test(err.message))
    if (hit) base = hit[1]
    else if (te(`error.${err.code}`)) base = t(`error.${err.code}`)
    else base = t('error.unknown')
  }
  if (err.field && !en) return t('error.fieldPrefix', { field: fieldLabel(err.field), message: base })
  return base
}

/// The message for one form item, without the field's name (it stands under the item).
export function fieldMessage(err: ApiError): string {
  if (i18n.global.locale.value === 'en') return err.message
  const hit = known.find(([re]) => re.test(err.message))
  return hit ? hit[1] : te(`error.${err.code}`) ? t(`error.${err.code}`) : t('error.unknown')
}

/// Shows an error as a toast, unless the form can show it under one of its items.
export function showError(err: unknown, fieldErrors?: Record<string, string>, fields?: string[]) {
  if (err instanceof ApiError && err.field && fieldErrors && fields?.includes(err.field)) {
    fieldErrors[err.field] = fieldMessage(err)
    return
  }
  ElMessage({ type: 'error', message: describe(err), showClose: true, duration: 6000 })
}
