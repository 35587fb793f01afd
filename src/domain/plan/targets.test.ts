import { describe, expect, it } from 'vitest';
import { fold } from './normalize-text';
import { findTargets } from './targets';

const targets = (text: string) =>
  findTargets(text, fold(text)).map((t) => `${t.metric} ${t.op} ${t.value} ${t.unit ?? '-'} [${t.label}]`);

describe('findTargets', () => {
  it.each([
    ['PM10平均浓度不高于117微克/立方米', 'PM10 <= 117 μg/m³ [PM10平均浓度]'],
    ['细颗粒物(PM2.5)年均浓度控制在29微克每立方米以下', 'PM2.5 <= 29 μg/m³ [细颗粒物(PM2.5)年均浓度]'],
    ['PM2.5平均浓度降至47μg/m3', 'PM2.5 <= 47 μg/m³ [PM2.5平均浓度]'],
    ['二氧化氮年均浓度低于40微克/立方米', 'NO2 < 40 μg/m³ [二氧化氮年均浓度]'],
    ['城区优良天数达到190天以上', 'good_days >= 190 天 [城区优良天数]'],
    ['优良天数不低于241天', 'good_days >= 241 天 [优良天数]'],
    ['空气质量优良天数比例(AQI达标率)达到94%', 'good_days_ratio >= 94 % [空气质量优良天数比例(AQI达标率)]'],
    ['全市优良率不低于62%', 'good_days_ratio >= 62 % [优良率]'],
    ['重污染天数不超过15天', 'heavy_pollution_days <= 15 天 [重污染天数]'],
    ['重度及以上污染天数比率控制在1.5%以内', 'heavy_pollution_days_ratio <= 1.5 % [重度及以上污染天数比率]'],
    ['平均降尘量小于9吨/月·平方公里', 'dustfall < 9 吨/月·平方公里 [平均降尘量]'],
    ['PM2.5浓度为42微克/立方米', 'PM2.5 = 42 μg/m³ [PM2.5浓度]'],
    ['受污染耕地安全利用率达到95%左右', 'other = 95 % [受污染耕地安全利用率]'],
    ['臭氧日最大8小时平均浓度不高于160微克/立方米', 'other <= 160 μg/m³ [臭氧日最大8小时平均浓度]'],
    ['不出现重度及以上污染天数', 'heavy_pollution_days = 0 天 [重度及以上污染天数]'],
    [
      '9个考核断面水质优良(达到或优于Ⅲ类)比例达到55%以上',
      'other >= 55 % [9个考核断面水质优良(达到或优于Ⅲ类)比例]',
    ],
    ['地表水優良比例達到100%', 'other >= 100 % [地表水優良比例]'],
    ['2018年全區pm2.5濃度下降到52μg/m3及以下', 'PM2.5 <= 52 μg/m³ [pm2.5濃度]'],
    ['空氣質量優良天數比例上升到65%及以上', 'good_days_ratio >= 65 % [空氣質量優良天數比例]'],
    ['PM2.5未達標地區平均濃度達到40微克/立方米', 'PM2.5 <= 40 μg/m³ [PM2.5未達標地區平均濃度]'],
    ['农村公路列养率保持100%', 'other = 100 % [农村公路列养率]'],
    ['区域绿道总长度达200公里左右', 'other = 200 - [区域绿道总长度]'],
    ['至“十四五”期末,建成230座以上的公园', 'other >= 230 - [建成公园]'],
  ])('reads "%s"', (text, expected) => {
    expect(targets(text)).toEqual([expected]);
  });

  it('reads one target per metric after 分别', () => {
    expect(targets('可吸入颗粒物(PM10)和细颗粒物(PM2.5)平均浓度分别不高于53和32微克/立方米')).toEqual([
      'PM10 <= 53 μg/m³ [可吸入颗粒物(PM10)和细颗粒物(PM2.5)平均浓度]',
      'PM2.5 <= 32 μg/m³ [可吸入颗粒物(PM10)和细颗粒物(PM2.5)平均浓度]',
    ]);
  });

  it('reads one target per metric when each value carries its own unit and 以下', () => {
    expect(
      targets('二氧化氮(NO2)和细颗粒物(PM2.5)年均浓度分别下降到44微克/立方米以下和47微克/立方米以下'),
    ).toEqual([
      'NO2 <= 44 μg/m³ [二氧化氮(NO2)和细颗粒物(PM2.5)年均浓度]',
      'PM2.5 <= 47 μg/m³ [二氧化氮(NO2)和细颗粒物(PM2.5)年均浓度]',
    ]);
  });

  it('reads one target per place after 分别', () => {
    expect(targets('优良天数分别达到中阳220天、柳林210天')).toEqual([
      'good_days >= 220 天 [优良天数(中阳)]',
      'good_days >= 210 天 [优良天数(柳林)]',
    ]);
  });

  it('reads one target per value when places listed before one metric share 分别', () => {
    expect(targets('甲县、乙县、丙区2019年度PM10分别为57、54、55微克/立方米')).toEqual([
      'PM10 = 57 μg/m³ [甲县、乙县、丙区2019年度PM10]',
      'PM10 = 54 μg/m³ [甲县、乙县、丙区2019年度PM10]',
      'PM10 = 55 μg/m³ [甲县、乙县、丙区2019年度PM10]',
    ]);
  });

  it('reads only the first of several values that 分别 does not spread', () => {
    expect(targets('PM2.5平均浓度为36、34微克/立方米')).toEqual(['PM2.5 = 36 μg/m³ [PM2.5平均浓度]']);
  });

  it('reads a goal counted in things by its closing 以上 or 以下, without a unit', () => {
    expect(targets('2017年,全市重点推广洁净型煤70万吨以上,推广环保炉具60万台以上')).toEqual([
      'other >= 70 - [重点推广洁净型煤]',
      'other >= 60 - [推广环保炉具]',
    ]);
    expect(targets('燃煤锅炉控制在200台以内')).toEqual(['other <= 200 - [燃煤锅炉]']);
    expect(targets('全市规模以上工业主营业务收入达到4640亿元')).toEqual([
      'other >= 4640 - [规模以上工业主营业务收入]',
    ]);
    expect(targets('湿垃圾分类量日均高于407吨（含菜场）')).toEqual(['other > 407 - [湿垃圾分类量日]']);
  });

  it('reads goals listed with 、 in one clause, each with its comparator', () => {
    expect(targets('其中居民区湿垃圾分类量日均高于276吨（含菜场）、餐厨垃圾分类量日均高于131吨')).toEqual([
      'other > 276 - [其中居民区湿垃圾分类量日]',
      'other > 131 - [餐厨垃圾分类量日]',
    ]);
    expect(targets('PM10、PM2.5年均浓度分别不高于53和32微克/立方米')).toEqual([
      'PM10 <= 53 μg/m³ [PM10、PM2.5年均浓度]',
      'PM2.5 <= 32 μg/m³ [PM10、PM2.5年均浓度]',
    ]);
  });

  it('reads no goal from a definition', () => {
    expect(targets('重污染天气是指环境空气质量指数（AQI）大于200的污染天气')).toEqual([]);
  });

  it('reads a share at least of the things a clause goes on to name', () => {
    expect(targets('实现生活垃圾分类全覆盖，70%以上居住区实现垃圾分类实效达标')).toEqual([
      'other >= 70 % [居住区实现垃圾分类实效达标]',
    ]);
    expect(targets('70%以上的企业完成改造')).toEqual([]);
  });

  it('reads a share or an amount at least of what a clause names after words of its own, where a goal is reached', () => {
    expect(targets('到2025年底，本区建成区40%以上面积达到海绵城市建设目标要求')).toEqual([
      'other >= 40 % [本区建成区面积达到海绵城市建设目标要求]',
    ]);
    expect(targets('嘉定区到2025年底，50平方公里以上建设用地面积达到海绵城市建设目标要求')).toEqual([
      'other >= 50 - [建设用地面积达到海绵城市建设目标要求]',
    ]);
    expect(targets('低价值可回收物占可回收物总量25%以上')).toEqual([
      'other >= 25 % [低价值可回收物占可回收物总量]',
    ]);
    // The words of goals listed after a colon are theirs, not the sentence's before it.
    expect(
      targets(
        '确保全镇环境空气质量优良率达标:可吸入颗粒物(PM10)、细颗粒物(PM2.5)年均浓度分别控制在59微克/立方米、35微克/立方米',
      ),
    ).toEqual([
      'PM10 <= 59 μg/m³ [可吸入颗粒物(PM10)、细颗粒物(PM2.5)年均浓度]',
      'PM2.5 <= 35 μg/m³ [可吸入颗粒物(PM10)、细颗粒物(PM2.5)年均浓度]',
    ]);
    // A goal whose year a copy blanked speaks of the subject before 其中.
    expect(targets('服务业增加值占GDP比重“十二五”末要达到37%,其中,年达到33%以上')).toEqual([
      'other >= 37 % [服务业增加值占GDP比重“十二五”末要]',
      'other >= 33 % [服务业增加值占GDP比重“十二五”末要]',
    ]);
    // No goal reached: a count of what there is.
    expect(targets('全区共有20个以上街镇开展试点')).toEqual([]);
    expect(targets('建成区绿地率比2020年提高5%以上面积达到要求')).toEqual([]);
  });

  it('reads no counted goal where the number does not close the clause or is a change', () => {
    expect(targets('淘汰10蒸吨以下燃煤锅炉,完成20个村整治')).toEqual([]);
    expect(targets('煤炭消费量比2015年减少50万吨以上')).toEqual([]);
  });

  it('reads a share printed before the verb it must reach, without a comparator', () => {
    expect(targets('治理目标是10月底前,100%整治完成新摸排的企业;新发现的100%坚决予以取缔')).toEqual([
      'other = 100 % [整治完成新摸排的企业]',
      'other = 100 % [新发现]',
    ]);
  });

  it('reads no share goal from a share of something, a bound or a change', () => {
    expect(
      targets('30%的企业完成改造;综合利用率95%以上;比2015年下降22%;削减8%,确保完成;占比30%左右'),
    ).toEqual([]);
  });

  it('reads the level stated after a relative change, for the metric named before it', () => {
    expect(targets('可吸入颗粒物(PM10)年均浓度比2012年下降10%，达到62微克/立方米以下，达标')).toEqual([
      'PM10 <= 62 μg/m³ [可吸入颗粒物(PM10)年均浓度]',
    ]);
  });

  it('drops the year and scope words that open a clause', () => {
    expect(targets('2019年全区PM10平均浓度不高于91微克/立方米；到2020年，全市优良天数达到315天')).toEqual([
      'PM10 <= 91 μg/m³ [PM10平均浓度]',
      'good_days >= 315 天 [优良天数]',
    ]);
  });

  it('ignores relative changes, aspirations after a binding value, and conditions', () => {
    expect(
      targets(
        'PM2.5浓度比2015年下降22%以上，市区PM2.5年均浓度保持在30微克/立方米以下，力争保持在25微克/立方米以下；' +
          '力争三分之一县(市、区)PM2.5年均浓度保持在25微克/立方米以下；重污染天数同比减少6%；' +
          '2019年PM2.5平均浓度超过70微克/立方米之间的镇的PM2.5平均浓度均下降至目标值70微克/立方米及以下',
      ),
    ).toEqual([
      'PM2.5 <= 30 μg/m³ [市区PM2.5年均浓度]',
      'PM2.5 <= 70 μg/m³ [PM2.5平均浓度超过70微克/立方米之间的镇的PM2.5平均浓度]',
    ]);
  });

  it('ignores an aspiration after 力爭 in traditional characters, and a base year', () => {
    expect(
      targets('細顆粒物(PM2.5)年均濃度不高于59微克/立方米,力爭不高于57微克/立方米;年均濃度不超過2012年水準'),
    ).toEqual(['PM2.5 <= 59 μg/m³ [細顆粒物(PM2.5)年均濃度]']);
  });

  it('ignores goals without a number', () => {
    expect(targets('重污染天气大幅减少，主要污染物浓度持续下降，PM10浓度明显下降')).toEqual([]);
  });
});
