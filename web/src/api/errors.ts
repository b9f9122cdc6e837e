// Turns API errors into plain words for the person at the screen, in the UI's language. The
// server's own message (English) is kept for the English UI and for support; in Chinese the
// code, the field and a few well-known causes are enough to say what went wrong.
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'
import { ApiError } from './client'

const t = (key: string, args?: Record<string, unknown>) => i18n.global.t(key, args ?? {})
const te = (key: string) => i18n.global.te(key)

// Server messages that deserve their own Chinese sentence; `$1`… take the message's groups (a
// date, a number). The specific ones come first (a holiday notice's lines; the rules of 信访,
// which name the article), the general ones last.
const known: [RegExp, string][] = [
  // A holiday notice typed in by an admin (节假日安排): the line and what is wrong with it.
  [/line (\d+): "([^"]*)" is not a day of the calendar/i, '第 $1 行：$2 不是日历上的日期'],
  [/line (\d+): "([^"]*)" is not a date of the form YYYY-MM-DD/i, '第 $1 行：日期“$2”应按 YYYY-MM-DD 填写'],
  [/line (\d+): kind "([^"]*)" is neither/i, '第 $1 行：类型“$2”应为 holiday（放假）或 workday（调休上班）'],
  [/line (\d+): (\S+) is a \w+day: a 调休 working day/i, '第 $1 行：$2 不是周末，调休上班日（workday）只能是周六或周日'],
  [/line (\d+): (\S+) is listed twice/i, '第 $1 行：$2 重复'],
  [/line (\d+): the festival name is empty/i, '第 $1 行：缺少节日名称'],
  [/line (\d+): (\d+) fields, expected 3/i, '第 $1 行：应为日期、类型、名称 3 项，以英文逗号分隔'],
  [/expected the header "date,kind,name"|no header "date,kind,name"/i, '第一行应为 date,kind,name'],
  [/no rows: no year is covered/i, '请逐日填写放假日和调休上班日'],
  [/the rows are of the years (\S+): a notice is of one year/i, '所填日期属于 $1 年：一次只载入一年的通知'],
  [/the rows are of (\d+): a notice loaded here is of this year \((\d+)\) or the next \((\d+)\)/i, '所填日期属于 $1 年：在此只能载入今年（$2 年）或明年（$3 年）的通知'],
  [/the holiday calendar for (\d+) is loaded already/i, '$1 年节假日安排已载入，不能在此修改'],
  // 信访: registration
  [/oral petition .*cannot be saved without the recorded written summary/i, '来电、来访须如实记录书面摘要（《信访工作条例》第十九条）'],
  [/an address or a phone is required/i, '地址和电话至少填一项，用于送达书面告知（第二十三条）；信访人未提供的，请勾选“姓名或地址不清”'],
  [/set identity_unclear when the petitioner gave none/i, '请填写信访人姓名（第十九条）；信访人未提供的，请勾选“姓名或地址不清”'],
  [/not a valid 18-character ID number/i, '身份证号码不正确（18 位，校验位不符）'],
  [/a visit records the organ with power/i, '来访须选择有权处理机关，用于逐级走访核查（第二十条第一款）'],
  [/a collective visit chooses representatives/i, '多人来访须推选代表（第二十条第三款）'],
  [/may have at most (\d+) representatives/i, '代表人数不得超过 $1 人（第二十条第三款）'],
  [/a representative needs a name/i, '代表须填写姓名'],
  [/only an accusation .*names an accused unit/i, '只有检举控告类信访事项才能填写被检举控告单位'],
  [/a matter for 纪检监察 is an accusation/i, '属纪检监察机关管辖的事项应为检举控告类'],
  [/not registered by the unit it accuses/i, '检举控告不能由被检举控告的单位登记，应交信访部门或纪检监察机关（第三十条第三款）'],
  [/a petition is registered by the unit that received it/i, '信访事项由收到它的单位登记'],
  [/the time of receipt cannot be in the future/i, '收到时间不能晚于现在'],
  [/lies more than a year back; check the year/i, '收到时间早于一年前，请核对年份'],
  [/a time with its offset, like .* or a date/i, '收到时间格式不正确，应为日期（如 2025-11-03）'],
  // 信访: routing and receipt
  [/a 交办 needs the date/i, '交办须确定报送结果的期限（第二十二条第三项）'],
  [/the report deadline cannot lie in the past/i, '报送期限不能早于今天'],
  [/转纪检监察 needs a 纪检监察 organ/i, '转纪检监察须选择纪检监察机关'],
  [/转政法 needs a 政法 department/i, '转政法须选择政法部门'],
  [/转送\/交办\/报请 go to an organ/i, '转送、交办、报请须选择有关机关或下级信访部门'],
  [/a 涉法涉诉 petition goes to a 政法 department/i, '涉法涉诉事项只能转政法部门，或告知法定途径（第二十二、二十八条，第三十一条第一项）'],
  [/an accusation within 纪检监察 authority goes only/i, '属纪检监察机关管辖的检举控告只能转纪检监察机关（第二十二条）'],
  [/the petition accuses that unit/i, '该信访事项检举控告的正是这个单位，不能转给它（第三十条第三款）'],
  [/passes petitions only to a lower office/i, '信访部门只能转给下级信访部门'],
  [/route the petition to another unit/i, '请选择其他单位'],
  [/only a petition office routes petitions/i, '只有信访部门转送交办；直接收到信访事项的机关出具书面告知（第二十三条）'],
  [/a petition office routes the petition/i, '信访部门收到的信访事项应转送交办（第二十二条）'],
  [/a lower organ within this organ's area/i, '请选择本机关辖区内的下级机关'],
  [/one of within_powers, sent_to_lower, outside_system/i, '请选择告知内容'],
  [/a 涉法涉诉 petition is not sent to an ordinary organ/i, '涉法涉诉事项不转交普通下级机关：请告知信访人向政法机关提出，或导入法定程序（第二十二、二十八条，第三十一条第一项）'],
  [/an accusation within 纪检监察 authority is not sent to an ordinary organ/i, '属纪检监察机关管辖的检举控告不转交普通下级机关：请告知信访人向纪检监察机关提出（第二十二、二十三条）'],
  [/an accusation within 纪检监察 authority goes to the 纪检监察 organ \(Art\. 22\): a petition office/i, '属纪检监察机关管辖的检举控告不能导入法定程序：信访部门转纪检监察机关，其他机关告知信访人向纪检监察机关提出（第二十二条）'],
  // 信访: acceptance and handling
  [/cannot enter the ordinary handling track/i, '涉法涉诉事项不能进入普通办理程序（诉访分离，第二十八条、第三十一条第一项），请转政法部门或导入法定程序'],
  [/is handled only by the 纪检监察 organ/i, '属纪检监察机关管辖的检举控告只由纪检监察机关办理（第二十二条）'],
  [/leaves 信访 for that procedure/i, '该事项应导入相应法定程序，请使用“导入法定程序”（第三十一条）'],
  [/the accusation track is for 检举控告/i, '检举控告反馈只用于检举控告类事项'],
  [/the suggestion track is for 建议意见/i, '建议答复只用于建议意见类事项'],
  [/answers a 申诉求决 petition/i, '信访处理意见书用于申诉求决类事项'],
  [/an objection is due within 5 working days of receipt \(by (\S+?);/i, '异议应在收到之日起 5 个工作日内提出（截至 $1，第二十三条第三款），现应受理'],
  [/only the office or organ that sent the petition decides/i, '只有转送该事项的机关可以审核异议'],
  [/only route \(6\) handling has the 60-day limit/i, '只有出具信访处理意见书的事项有 60 日办理期限，才能延期'],
  [/the extension may total at most 30 days .*?(\d+) already granted/i, '延期合计不超过 30 日（第三十四条），已延期 $1 日'],
  [/the extension must be approved before the 60 days run out \(by (\S+?)\)/i, '延期须在 60 日期满（$1）前批准'],
  [/a 信访处理意见书 is for route \(6\) petitions/i, '此事项应答复，不出具信访处理意见书'],
  [/route \(6\) petitions are answered with a 信访处理意见书/i, '此事项应出具信访处理意见书'],
  [/one of support, explain, not_support/i, '请选择处理意见：支持、解释说明或不予支持（第三十二条）'],
  [/the day the petitioner received it cannot lie in the future/i, '送达日期不能晚于今天'],
  [/is only white space/i, '不能只填空格'],
  [/you declared an interest in this petition or its petitioner and withdraw/i, '您已申报与本信访事项或信访人有利害关系，应当回避，不能办理或查看其身份（第二十八条第三款）'],
  [/the day the petitioner received the written answer/i, '请填写信访人收到书面答复的日期'],
  // 信访: 复查 and 复核
  [/a 复查 opinion exists: the next step is 复核/i, '已有复查意见，下一步是复核（第三十六条）'],
  [/复核 follows a 复查 opinion/i, '复核须在复查之后（第三十六条）'],
  [/there is no written answer to ask a/i, '没有书面答复，不能申请复查或复核'],
  [/request is registered by the organ that receives it/i, '复查、复核申请由收到申请的机关登记，请选择本机关'],
  [/the day of the request cannot lie in the future/i, '申请日期不能晚于今天'],
  [/requested after the 30-day window \(it closed at the end of (\S+?);/i, '已超过 30 日申请期限（$1 届满）'],
  [/goes to the organ one level above the one that answered \((\S+) above (.+?);/i, '应向原办理机关（$2）的上一级（$1）机关提出'],
  [/the first day of the hearing/i, '请填写听证开始日期'],
  [/the last day of the hearing/i, '请填写听证结束日期'],
  [/the hearing cannot end before it starts/i, '结束日期不能早于开始日期'],
  [/record a hearing once it has ended/i, '听证结束后再登记'],
  [/a hearing of more than a year/i, '听证时间超过一年，请核对日期'],
  // 信访: reports, handlers, supervision, rating, access
  [/only an assigned \(交办\) petition has a closing report/i, '只有交办事项需要报送办结报告'],
  [/the closing report is filed by the organ the petition was assigned to/i, '办结报告由承办交办事项的机关报送'],
  [/no active user has that id/i, '用户不存在或已停用'],
  [/the handler works for the organ holding the petition/i, '承办人须是持有该事项的机关的工作人员'],
  [/declared an interest .*must withdraw/i, '该工作人员已申报利害关系，应当回避（第二十八条第三款）'],
  [/supervision notices are issued by a petition office/i, '督办由信访部门发出（第四十条）'],
  [/no open supervision notice/i, '没有发给本单位且未答复的督办'],
  [/a closed petition is supervised only while a supported decision waits/i, '已办结的信访事项，只有支持意见尚未落实的才能督办（第三十二条、第四十条）'],
  // 信访: after the decision (Art. 32)
  [/only a decision that supports the request is carried out/i, '只有支持信访请求的意见需要落实；未予支持的，应做好解释或疏导教育工作（第三十二条）'],
  [/a supported request is carried out \(record_implementation\), not explained away/i, '支持信访请求的意见应当落实，请登记落实情况（第三十二条）'],
  [/there is no written decision/i, '尚未出具书面处理意见'],
  [/already recorded as carried out in full/i, '已登记全部落实'],
  [/recorded by (an|the) organ that answered the petition/i, '由出具书面意见的机关登记（第三十二条）'],
  [/cannot lie before the decision was issued \((\S+)\)/i, '不能早于意见出具之日（$1）'],
  [/cannot lie before the petition was received \((\S+)\)/i, '不能早于信访事项收到之日（$1）'],
  [/one of social, judicial/i, '请选择社会救助或司法救助（第三十七条）'],
  [/already rated/i, '已经评价过了'],
  [/only the organ holding the petition sees the petitioner in full/i, '只有持有该信访事项的机关可以查看信访人完整信息'],
  [/a notice names the petitioner/i, '书面告知载有信访人姓名，只有持有该信访事项的机关可以打开'],
  [/no petition has the id/i, '信访事项不存在，或不在您的权限范围内'],
  [/no petition has that tracking number/i, '没有这个编号的信访事项，请核对'],
  [/a month YYYY-MM/i, '请选择月份'],
  [/petition has no action/i, '没有这项操作'],
  // 减负: the admission of work tasks
  [/「(.+?)」 was taken back by the departments above/i, '「$1」为上级部门收回事项，由部门自行履职，不得派发给街道（社区）'],
  [/「(.+?)」 is led by (.+?); the street supports it \((.+?)\), and the task comes from the department that leads/i, '「$1」由$2牵头，街道配合（$3）：应由牵头部门派发'],
  // 人民建议征集 (the articles of the 上海市人民建议征集若干规定 the server cites)
  [/a phone, an e-mail or an address is required to answer the proposer/i, '联系电话、电子邮箱和通信地址至少填一项，用于反馈（第十二条）'],
  [/the proposer's basic information/i, '请填写建议人的基本情况（第十条）'],
  [/a suggestion is registered by the unit that received it/i, '人民建议由收到它的单位登记'],
  [/^the unit that received it$/i, '请选择收到建议的单位'],
  [/what the suggestion becomes/i, '采纳或部分采纳的建议，须选择转化方式（第十三条）'],
  [/only an adopted suggestion is turned into something/i, '未采纳的建议不选择转化方式'],
  [/a collective publication answers the suggestions of a special collection whose results were published/i, '集中公布只用于已发布征集结果的专项征集建议，请选择书面、电话、短信或网上反馈（第十二条）'],
  [/^letter, phone, sms or online$/i, '请选择书面、电话、短信或网上'],
  [/transfer to another unit/i, '请选择其他单位'],
  [/a residents' committee is not one/i, '人民建议转交国家机关研究办理，不能转给社区（村）居委会（第五条）'],
  [/only an adopted or partly adopted suggestion is rewarded/i, '只有采纳或部分采纳的建议可以表扬奖励（第十六条）'],
  [/only a bonus has an amount/i, '只有奖金需要填写金额'],
  [/only the unit holding the suggestion sees its proposer in full/i, '只有承办该建议的单位可以查看建议人完整信息'],
  [/no suggestion has the id/i, '人民建议不存在，或不在您的权限范围内'],
  [/no suggestion has that tracking number/i, '没有这个编号的人民建议，请核对'],
  [/no suggestion-collecting office is configured for this area/i, '该地区尚未开通网上日常建议征集，您可以参与正在进行的专项征集，或通过来信、12345 热线提出建议'],
  [/the collection opens on (\S+)/i, '该专项征集 $1 开始'],
  [/the collection is open until (\S+?);/i, '该专项征集 $1 截止，截止后才能发布征集结果'],
  [/the results of this collection were published already/i, '该专项征集的结果已经发布'],
  [/the unit that ran the collection publishes its results/i, '只有开展该专项征集的单位可以发布征集结果'],
  [/a collection is run by a unit; your account belongs to none/i, '专项征集由单位开展，您的账号不属于任何单位'],
  [/a special collection publishes its period/i, '请选择截止日期（第八条）'],
  [/cannot lie before opens_on/i, '截止日期不能早于开始日期'],
  [/a collection runs for at most a year/i, '征集期间不超过一年'],
  [/no suggestion collection has the id/i, '专项征集不存在'],
  [/not an e-mail address/i, '电子邮箱格式不正确'],
  [/a phone number has/i, '电话号码格式不正确'],
  [/cannot lie in the future/i, '不能晚于今天'],
  [/cannot lie in the past/i, '不能早于今天'],
  // Settings (参数设置)
  [/holds for the whole country only/i, '该项全国统一设置，请选择“全国”后修改'],
  [/the region has no value of its own/i, '该地区没有单独设置此项'],
  [/no setting has the key/i, '没有这个设置项'],
  [/a unit's id, or 0 for none/i, '应为单位编号，0 为不设'],
  [/(\d+) comma-separated whole numbers of days, each 1 to 365/i, '应为 $1 个以英文逗号分隔的天数，每个 1 至 365'],
  [/满意, 基本满意 or 不满意, separated by commas/i, '应为“满意”“基本满意”“不满意”中的一项或几项，以英文逗号分隔，不重复'],
  [/a whole number from (\d+) to (\d+)/i, '应为 $1 至 $2 之间的整数'],
  // The deadline arithmetic needs the year's official holiday notice.
  [/the holiday calendar for (\d{4}) is not loaded/i, '$1 年的节假日安排尚未载入，无法计算跨入该年的期限；请管理员载入国务院办公厅的放假通知后再办理'],
  // 12345 orders and common causes
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
  [/tracking number is 8 to 32/i, '编号为 8 至 32 位大写字母和数字，请核对'],
  [/no order has that tracking number/i, '没有这个编号的工单，请核对'],
  [/already (taken|exists)|duplicate/i, '已存在'],
  [/at least \d+|too short/i, '长度不够'],
  [/not in the category taxonomy/i, '不在分类目录中'],
  [/cannot be in the future/i, '不能晚于当前时间'],
  [/no region has|unknown region|no such region/i, '区域不存在'],
  [/a date YYYY-MM-DD/i, '请按 年-月-日 填写日期'],
  [/the action .* is not allowed|not allowed in state|cannot .* in state|is not allowed while/i, '当前状态下不能进行此操作'],
]

/// The Chinese sentence for a server message, if one is known.
function knownSentence(message: string): string | undefined {
  for (const [re, sentence] of known) {
    const m = message.match(re)
    if (m) return sentence.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '')
  }
  return undefined
}

export function fieldLabel(field: string): string {
  const key = `field.${field}`
  return te(key) ? t(key) : field
}

/// A wait as a person reads it: seconds under a minute, whole minutes (rounded up) beyond.
function waitText(seconds: number): string {
  return seconds < 60 ? t('error.waitSeconds', { n: seconds }) : t('error.waitMinutes', { n: Math.ceil(seconds / 60) })
}

/// A refusal that passes (429) with the server's Retry-After: how long to wait, for logins and for
/// submissions alike.
function waitSentence(err: ApiError): string | undefined {
  if (err.code !== 'too_many_requests' || err.retryAfter === undefined) return undefined
  const key = /failed logins/i.test(err.message) ? 'error.loginLockedFor' : 'error.tooManyFor'
  return t(key, { wait: waitText(err.retryAfter) })
}

/// One sentence for the whole error.
export function describe(err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.unknown')
  const en = i18n.global.locale.value === 'en'
  if (err.code === 'network') return t('error.network')
  if (err.code === 'csrf_failed') return t('error.csrf_failed')
  const wait = waitSentence(err)
  if (wait) return wait
  let base: string
  if (en) {
    base = err.message ? err.message.charAt(0).toUpperCase() + err.message.slice(1) : t('error.unknown')
  } else {
    const hit = knownSentence(err.message)
    if (hit) base = hit
    else if (te(`error.${err.code}`)) base = t(`error.${err.code}`)
    else base = t('error.unknown')
  }
  if (err.field && err.field !== 'state' && !en) return t('error.fieldPrefix', { field: fieldLabel(err.field), message: base })
  return base
}

/// The message for one form item, without the field's name (it stands under the item).
export function fieldMessage(err: ApiError): string {
  const wait = waitSentence(err)
  if (wait) return wait
  if (i18n.global.locale.value === 'en') return err.message
  const hit = knownSentence(err.message)
  return hit ?? (te(`error.${err.code}`) ? t(`error.${err.code}`) : t('error.unknown'))
}

/// Shows an error as a toast, unless the form can show it under one of its items.
export function showError(err: unknown, fieldErrors?: Record<string, string>, fields?: string[]) {
  if (err instanceof ApiError && err.field && fieldErrors && fields?.includes(err.field)) {
    fieldErrors[err.field] = fieldMessage(err)
    return
  }
  ElMessage({ type: 'error', message: describe(err), showClose: true, duration: 6000 })
}
