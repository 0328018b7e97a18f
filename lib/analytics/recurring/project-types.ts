import type { Text } from '../../i18n/codes';

/**
 * The kind of public project (民生实事项目) a recurring problem of a category suggests, keyed by second-level category
 * code, falling back to the first-level code. A suggestion for planners to start from, not a decision; categories
 * that are about individual cases rather than places (disputes, enquiries, praise) suggest no project.
 */
const PROJECT_TYPES: Record<string, Text> = {
  '0101': { zh: '违建整治专项行动', en: 'Illegal-construction clearance campaign' },
  '0102': { zh: '道路维修改造', en: 'Road resurfacing and repair' },
  '0103': { zh: '路灯与市政设施完善', en: 'Street lighting and municipal fixtures' },
  '0104': { zh: '排水管网改造（积水点治理）', en: 'Drainage works at the flooding spot' },
  '0105': { zh: '便民市场与摊点疏导', en: 'Organised vending areas' },
  '0106': { zh: '环卫设施与保洁提升', en: 'Waste collection and cleaning upgrade' },
  '0201': { zh: '工地夜间施工管控', en: 'Night-time construction control' },
  '0202': { zh: '市场与商业噪声管理', en: 'Market and commercial noise management' },
  '0203': { zh: '扬尘与大气污染治理', en: 'Dust and air-pollution control' },
  '0204': { zh: '河道与水体治理', en: 'River and water clean-up' },
  '0205': { zh: '餐饮油烟净化改造', en: 'Restaurant fume extraction' },
  '0206': { zh: '企业污染整治', en: 'Industrial pollution enforcement' },
  '0301': { zh: '公交线路与站点优化', en: 'Bus route and stop improvement' },
  '0303': { zh: '路口信号与交通组织优化', en: 'Junction signals and traffic layout' },
  '0304': { zh: '停车位建设与停车管理', en: 'Parking spaces and enforcement' },
  '0305': { zh: '农村公路提升', en: 'Rural road upgrade' },
  '0401': { zh: '老旧小区物业服务提升', en: 'Property-service upgrade in old compounds' },
  '0403': { zh: '老旧小区电梯加装与更新', en: 'Lift installation and renewal in old compounds' },
  '0404': { zh: '小区停车改造', en: 'Estate parking rebuild' },
  '0504': { zh: '校园周边安全整治', en: 'School-area safety works' },
  '0703': { zh: '社区养老服务设施', en: 'Community elderly-care facilities' },
  '0801': { zh: '食品安全示范街区', en: 'Food-safety model streets' },
  '0804': { zh: '无证经营集中整治', en: 'Unlicensed-business clean-up' },
  '0901': { zh: '治安防控与视频监控', en: 'Public-order patrols and CCTV' },
  '0902': { zh: '消防通道与设施整治', en: 'Fire lanes and equipment' },
  '0905': { zh: '文明养犬管理', en: 'Dog control programme' },
  '1001': { zh: '供水管网改造', en: 'Water-main renewal' },
  '1002': { zh: '供水水质提升（二次供水改造）', en: 'Water-quality upgrade (secondary supply)' },
  '1003': { zh: '配电网改造', en: 'Power-grid upgrade' },
  '1004': { zh: '低电压治理', en: 'Low-voltage remediation' },
  '1005': { zh: '燃气管网改造', en: 'Gas-main renewal' },
  '1006': { zh: '通信网络覆盖提升', en: 'Mobile and broadband coverage' },
  '1103': { zh: '农村人居环境整治', en: 'Village environment works' },
  '01': { zh: '城市设施改造', en: 'Urban infrastructure works' },
  '02': { zh: '环境综合整治', en: 'Environmental clean-up' },
  '03': { zh: '交通综合治理', en: 'Traffic improvement' },
  '04': { zh: '老旧小区改造', en: 'Old-compound renovation' },
  '10': { zh: '公用设施改造', en: 'Utility network renewal' },
  '11': { zh: '乡村建设项目', en: 'Village works' },
};

/** The suggested project for a category (second level first, then its first level); null when none fits. */
export function suggestedProject(categoryCode: string | null): Text | null {
  if (!categoryCode) return null;
  return PROJECT_TYPES[categoryCode] ?? PROJECT_TYPES[categoryCode.slice(0, 2)] ?? null;
}
