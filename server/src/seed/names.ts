/**
 * Synthetic people: names from common surnames and given-name characters, phones in the unallocated
 * 100 prefix (no Chinese mobile number starts with 100, so no real person can be called), and
 * identity numbers with a deliberately wrong check character (never a real person's ID).
 */
import type { Rng } from './rng.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥梅鹏飞斌宇浩凯鑫晨志建国新春海峰亮成俊德文宏云卫东林江红宁波辉晓雪琴瑞佳欣怡子轩博涵';

export function personName(rng: Rng): string {
  const s = SURNAMES[rng.int(0, SURNAMES.length - 1)];
  const n = rng.chance(0.7) ? 2 : 1;
  let g = '';
  for (let i = 0; i < n; i++) g += GIVEN[rng.int(0, GIVEN.length - 1)];
  return s + g;
}

export function phone(rng: Rng): string {
  return `100${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** An 18-character identity number for the district whose check character is deliberately wrong. */
export function syntheticIdNumber(rng: Rng, birthYear: number): string {
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const body = `620802${birthYear}${month}${day}${String(rng.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i];
  const right = CHECK[sum % 11];
  const wrong = CHECK[(sum + 1 + rng.int(0, 9)) % 11];
  return body + (wrong === right ? CHECK[(sum + 5) % 11] : wrong);
}

const CN_DIGITS = '零一二三四五六七八九';
/** 1..99 in Chinese numerals: 1 → 一, 12 → 十二, 20 → 二十. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const t = Math.floor(n / 10), u = n % 10;
  return (t === 1 ? '' : CN_DIGITS[t]) + '十' + (u ? CN_DIGITS[u] : '');
}

/** Display name of a village committee: 苏家村委会 → 苏家村, 东大街社区居委会 → 东大街社区. */
export function shortVillageName(official: string): string {
  return official.replace(/(社区)?居民委员会$|社区居委会$/, '社区').replace(/村民委员会$|村委会$/, '村').replace(/委员会$|委会$/, '');
}
