import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { domainDictionary } from './domain-words';
import { STOP_WORDS } from './stop-words';

let shared: Jieba | undefined;

/**
 * jieba with its general dictionary plus the domain words (domain-words.ts). Built once per process: loading the
 * 350,000-word dictionary takes about half a second.
 */
export function segmenter(): Jieba {
  if (!shared) {
    const jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(domainDictionary(), 'utf8'));
    shared = jieba;
  }
  return shared;
}

/** A token worth keeping as a feature: some CJK or Latin letter, not a stop word, not a bare number or mask. */
function isContentToken(token: string): boolean {
  if (STOP_WORDS.has(token)) return false;
  if (!/[\u4e00-\u9fffA-Za-z]/.test(token)) return false;
  // Masked personal data (138****1234, 张**) and anonymised place codes (A3区, A市) carry no meaning.
  if (token.includes('*') || /^[A-Za-z]\d*[\u4e00-\u9fff]?$/.test(token)) return false;
  return true;
}

/** Lower-cased, NFKC-normalised text with whitespace runs collapsed (the exports pad messages with tabs). */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of an appeal as classifier features: segmented, stop words, punctuation and numbers removed. */
export function segment(text: string): string[] {
  const normalised = normaliseText(text);
  if (!normalised) return [];
  return segmenter().cut(normalised, true).filter(isContentToken);
}

/** Part-of-speech tags that are never a problem: place names (ns), person names (nr), numbers, punctuation, time. */
const NOT_PROBLEM_TAGS = /^(ns|nr|nrt|nrfg|nt|m|mq|q|x|w|t|tg|r|p|c|u|uj|ul|uz|ud|ug|uv|y|e|o|f|zg)$/;
/** Place nouns in addresses: 人民路, 江北小区, 合江门街道, 3栋. */
const PLACE_SUFFIX =
  /(省|市|区|县|镇|乡|村|组|街道|社区|路|街|巷|大道|小区|花园|广场|苑|栋|单元|号|室|期|公馆|大厦|家园|新村|公寓)$/;
/** Words that name a problem although they end like a place (违章建筑区 is rare; 占道, 堵路 are not places). */
const PROBLEM_STEM = /(违|占道|噪|欠|停|漏|堵|乱|破|坏|脏|臭|吵|扰|积水)/;
/** Words every address or appeal frame has; not problems, so hot words leave them out. */
const FRAME_WORDS: ReadonlySet<string> = new Set(
  [
    '小区 门口 附近 周边 旁边 对面 路段 路口 路边 位置 地方 区域 片区 地址 家里 楼下 楼上 住户 业主 周围 一带 街道 社区 人民',
    '加强 管理 规范 整治 安排 人员 派人 要求 依法 严重 长期 不断 正常 生活 工作 单位 工作人员 有人 大量',
    '回电 开始 很大 结果 群众意见 仍未 情绪 激动 时间 流程 盼复 督促 帮忙 公馆 大道 单元 答复 回访 联系 电话 来电 市民称',
    '家园 花园 增加 发生 告知 无法 每天晚上 一下 情况下 之前 之后 以来 期间',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The distinct problem words of an appeal, for hot words: content tokens of two or more characters that are not
 * place or person names (jieba's part of speech), not address parts (…路, …小区), not address frame words, and
 * not in `places` (the deployment's region names, passed by the caller since they live in the warehouse).
 */
export function problemTerms(text: string, places: ReadonlySet<string> = new Set()): string[] {
  const normalised = normaliseText(text);
  if (!normalised) return [];
  const out = new Set<string>();
  for (const { word, tag } of segmenter().tag(normalised, true)) {
    if ([...word].length < 2 || !isContentToken(word) || NOT_PROBLEM_TAGS.test(tag)) continue;
    if (places.has(word) || FRAME_WORDS.has(word)) continue;
    if ([...word].length >= 3 && PLACE_SUFFIX.test(word) && !PROBLEM_STEM.test(word)) continue;
    out.add(word);
  }
  return [...out];
}
