import { categories } from '../../taxonomy';

/**
 * Words of the hotline domain that jieba's general dictionary splits or does not know (占道经营 comes out as
 * 占/道/经营, 噪音扰民 as 噪音/扰民). Kept whole, they are both better classifier features and readable hot words.
 * The taxonomy's names and aliases are added by domainDictionary(); this list holds what the taxonomy does not name.
 */
export const CURATED_DOMAIN_WORDS: readonly string[] = [
  '积水',
  '内涝',
  '占道经营',
  '流动摊贩',
  '欠薪',
  '拖欠工资',
  '讨薪',
  '噪音扰民',
  '噪声扰民',
  '违章搭建',
  '违法建设',
  '私搭乱建',
  '乱停乱放',
  '油烟扰民',
  '广场舞',
  '渣土车',
  '井盖',
  '路灯不亮',
  '停水',
  '停电',
  '电梯故障',
  '物业费',
  '物业管理',
  '业委会',
  '维修基金',
  '社保',
  '医保',
  '公积金',
  '养老保险',
  '劳动合同',
  '工伤',
  '学位',
  '入学',
  '校外培训',
  '食品安全',
  '消费维权',
  '预付卡',
  '退费',
  '网约车',
  '出租车',
  '公交',
  '断头路',
  '红绿灯',
  '垃圾清运',
  '垃圾分类',
  '黑臭水体',
  '污水直排',
  '扬尘',
  '夜间施工',
  '烂尾楼',
  '不动产证',
  '房产证',
  '延期交房',
  '安置房',
  '拆迁',
  '征地',
  '农民工',
  '电瓶车',
  '充电桩',
  '飞线充电',
  '消防通道',
  '燃气',
  '流浪犬',
];

/** Whole words only: a taxonomy name with a separator (、/ 和) contributes its parts. */
function wordsOf(name: string): string[] {
  return name
    .split(/[、/,，和及与\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && s.length <= 8 && /^[\u4e00-\u9fff]+$/.test(s));
}

/** Every domain word: the curated list plus the Chinese names and aliases of the taxonomy, deduplicated. */
export function domainWords(): string[] {
  const words = new Set(CURATED_DOMAIN_WORDS);
  for (const c of categories) {
    for (const name of [c.zh, ...c.aliases]) for (const w of wordsOf(name)) words.add(w);
  }
  return [...words].sort();
}

/**
 * The user dictionary in jieba's format (`word frequency tag` per line). The frequency is high enough that the
 * whole word beats its parts in jieba's path search (its largest general entries are ~10^6).
 */
export function domainDictionary(): string {
  return domainWords()
    .map((w) => `${w} 200000 n`)
    .join('\n');
}
