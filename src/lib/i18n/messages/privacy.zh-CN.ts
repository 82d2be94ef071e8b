import type { privacyEn } from './privacy.en.ts';

/** Chinese strings for the privacy ledger and strict offline. */
export const privacyZhCN: Record<keyof typeof privacyEn, string> = {
  'privacy.open': '网络记录',
  'privacy.title': '本页面收发了什么',
  'privacy.close': '关闭',
  'privacy.intro': '本次会话中，页面及其后台线程（包括负责离线缓存的线程）发出的每个请求，按去向分组列出。你的视频和音频从不在其中：它们从本机磁盘读取，就在这里处理。',
  'privacy.strict': '严格离线',
  'privacy.strict.hint': '只允许访问本应用自己的地址，其余请求一律拦截：不下载模型，也不连 AI 服务。已下载的模型照常可用。',
  'privacy.col.destination': '去向',
  'privacy.col.requests': '请求数',
  'privacy.col.sent': '发出',
  'privacy.col.received': '收到',
  'privacy.dest.app': '本应用',
  'privacy.dest.model-host': '模型来源',
  'privacy.dest.ai-endpoint': 'AI 服务',
  'privacy.dest.other': '其他',
  'privacy.none': '还没有请求。',
  'privacy.blocked.count': '已拦截 {count} 个',
  'privacy.blocked.title': '被严格离线拦截的请求',
  'privacy.bytes.note': '大小按请求和响应的正文计算（页面看不到请求头）。来自其他网站的大小为 0，表示对方没有公开计时信息；从本机缓存读取的文件也记为 0。',
  'error.strict-offline-blocked': '严格离线已开启，这个发往其他网站的请求已被拦截。可以在“网络记录”里关闭严格离线，或改用已下载的模型。',
};
