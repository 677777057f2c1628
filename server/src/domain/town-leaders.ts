/**
 * The county-level leader responsible for each town (县级领导包抓制度), to whom the monthly
 * supervision report is addressed. SYNTHETIC: the names are made up deterministically from the town
 * code (surname + given name from common characters, like the generated grid workers) and belong to
 * no real official; the titles are generic posts of a district leadership.
 */
export interface TownLeader { name: string; title: string; synthetic: true }

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭';
const GIVEN = '建国志刚明华海军文斌永红晓东立新卫平宏伟德福振宇国庆春生长青';
const TITLES = ['区委常委、副区长', '区人大常委会副主任', '区政府副区长', '区政协副主席', '区委常委、政法委书记', '区委常委、组织部部长'];

/** FNV-1a of the code: a stable spread of small integers, the same on every platform. */
function hash(s: string, salt: number): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function townLeader(townCode: string): TownLeader {
  const given = GIVEN[hash(townCode, 2) % GIVEN.length] + GIVEN[hash(townCode, 3) % GIVEN.length];
  return { name: SURNAMES[hash(townCode, 1) % SURNAMES.length] + given, title: TITLES[hash(townCode, 4) % TITLES.length], synthetic: true };
}
