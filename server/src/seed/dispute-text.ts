/** Chinese summaries and outcomes for generated disputes, by type. */
import type { DisputeType, HandlingLevel } from '../domain/dispute-types.ts';
import type { Rng } from './rng.ts';

const SUMMARIES: Record<DisputeType, string[]> = {
  neighbour: ['因房前屋后通道使用问题与邻居发生争执', '因院墙加高遮挡采光与邻居产生矛盾', '邻里之间因琐事多次口角，矛盾有激化倾向', '因修建房屋占用公共通道引发邻里纠纷'],
  marriage_family: ['夫妻因家庭琐事长期不和，一方提出离婚', '子女对老人赡养问题存在分歧', '家庭成员因分家析产发生争吵', '夫妻间发生言语冲突，存在家庭暴力隐患'],
  housing_property: ['业主因物业费及服务质量与物业公司发生纠纷', '因楼上漏水造成楼下房屋受损引发纠纷', '小区停车位使用权属争议', '房屋买卖过户手续纠纷'],
  land_boundary: ['因承包地地界不清与相邻农户发生争执', '宅基地边界权属争议', '因林地界址问题两户村民发生纠纷', '土地流转合同履行争议'],
  nuisance: ['因夜间噪音扰民与邻居发生矛盾', '因排水沟堵塞污水外溢引发邻里纠纷', '养殖异味影响周边住户引发矛盾', '油烟排放影响邻居生活引发投诉'],
  debt: ['民间借贷到期未还引发纠纷', '因货款拖欠双方发生争执', '合伙经营散伙后债务分担争议'],
  labour: ['务工人员讨要拖欠工资', '工程分包方拖欠农民工劳务费', '工伤赔偿协商不成引发纠纷'],
  traffic: ['交通事故赔偿协商未果', '农用车刮擦事故赔偿纠纷'],
  other: ['村务公开问题群众有意见', '因灌溉用水分配产生矛盾', '公共设施使用引发群众矛盾'],
};

const OUTCOMES: Record<HandlingLevel, string[]> = {
  village: ['经网格员和村调委会现场调解，双方达成和解', '经调解达成口头协议，当场履行', '村（社区）调委会调解成功，签订调解协议书'],
  town: ['乡镇（街道）综治中心组织联合调解，双方达成书面协议', '经司法所、派出所联合调处，矛盾化解'],
  department: ['行业主管部门依法处理，当事人息诉罢访', '经诉调对接由法庭司法确认调解协议'],
};

export function disputeSummary(type: DisputeType, rng: Rng): string {
  return rng.pick(SUMMARIES[type]);
}

export function disputeOutcome(level: HandlingLevel, rng: Rng): string {
  return rng.pick(OUTCOMES[level]);
}
