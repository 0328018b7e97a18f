/**
 * Words that say nothing about the problem: function words, courtesy phrases of appeals ("您好", "希望", "请"),
 * the vocabulary every appeal shares (反映, 问题, 部门) and mask placeholders. They are removed from hot words;
 * the classifier keeps them out too, since they only add noise to small training sets.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `的 了 和 是 在 有 也 都 就 而 及 与 或 等 着 被 把 给 让 向 从 对 于 为 以 之 其 这 那 这个 那个 这些 那些 这样 那样
  我 我们 你 你们 您 他 他们 她 它 本人 自己 大家 各位 谁 什么 怎么 如何 为什么 哪 哪里 多少 几
  不 没 没有 无 非 很 太 更 最 非常 特别 十分 比较 已经 已 还 还是 又 再 才 就是 只 只是 一直 一些 一个 一下 一样 一起
  但 但是 可是 而且 并且 因为 所以 如果 虽然 然后 因此 由于 并 且 则 即 如 像 吗 吧 呢 啊 呀 哦 嘛 么
  可以 能 能够 会 要 想 需要 应该 应当 必须 得 地 个 们 上 下 中 里 内 外 前 后 时 时候 现在 目前 今天 昨天 每天 最近 近期 一直 经常
  您好 你好 领导 尊敬 谢谢 感谢 麻烦 请 请求 希望 恳请 望 盼 烦请 能否 是否 尽快 及时 相关 有关 部门 相关部门 有关部门 政府
  反映 反应 投诉 举报 咨询 建议 求助 问题 情况 事情 事 处理 解决 落实 核实 回复 答复 办理 关注 重视 调查 帮助 协调 给予
  市民 群众 居民 老百姓 百姓 网友 来电 来电人 市民来电 留言 诉求 表示 称 说 问 知道 看到 发现 出现 存在 造成 导致 影响 进行 没人 无人
  目前 至今 多次 多年 几天 半年 一年 两年 已经有 天 月 年 日 号 次 米 元 个月 小时 分钟 点 左右 以上 以下
  A B C D X XX XXX`
    .split(/\s+/)
    .filter(Boolean),
);
