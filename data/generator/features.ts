// The map's features: the real national stations inside our three districts, and deterministic
// sample features (every one marked is_sample) placed inside the real district boundaries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { FeatureKind, StationLevel } from '../../src/domain/feature/kinds';
import { createRng, type Rng } from './prng';
import { taskId, type Ledger } from './ledger';

export interface FeatureRow {
  id: string;
  kind: FeatureKind;
  name: string;
  geometry: { type: 'Point'; coordinates: Position } | Polygon | MultiPolygon;
  district_code: string;
  township_code: string | null;
  unit_id: string | null;
  properties: Record<string, unknown>;
  is_sample: boolean;
}
export interface FeatureTaskRow {
  feature_id: string;
  task_id: string;
}
export interface DistrictRow {
  code: string;
  name: string;
  geometry: MultiPolygon;
}
export interface TownshipRow {
  code: string;
  name: string;
  district_code: string;
}

type Area = Feature<Polygon | MultiPolygon>;

const DISTRICTS = {
  '410108': {
    abbr: 'HJ',
    places: [
      '古荥',
      '花园口',
      '大河',
      '长兴',
      '迎宾',
      '刘寨',
      '老鸦陈',
      '新城',
      '岗李',
      '黄河',
      '江山',
      '天河',
    ],
  },
  '410185': {
    abbr: 'DF',
    places: ['嵩阳', '少林', '中岳', '卢店', '告成', '大冶', '宣化', '唐庄', '颍阳', '东华', '徐庄', '君召'],
  },
  '410403': {
    abbr: 'WD',
    places: [
      '东安',
      '优越',
      '五一',
      '建设',
      '东环',
      '光华',
      '鸿鹰',
      '皇台',
      '北环',
      '东高皇',
      '蒲城',
      '湛北',
    ],
  },
} as const;
type DistrictCode = keyof typeof DISTRICTS;
const SONGBIAO = '410185400';
const SONGBIAO_PLACES = ['西送表', '东送表', '丁村', '王村', '白沙', '马窑', '李家沟', '南沟'];

/** Sources per district and kind: several thousand in all. */
const SOURCE_COUNTS: Record<DistrictCode, Partial<Record<FeatureKind, number>>> = {
  '410108': { enterprise: 700, construction_site: 260, restaurant: 720, coal_yard: 40, bare_soil: 120 },
  '410185': { enterprise: 620, construction_site: 180, restaurant: 520, coal_yard: 90, bare_soil: 100 },
  '410403': { enterprise: 420, construction_site: 200, restaurant: 760, coal_yard: 40, bare_soil: 80 },
};

/** Sample stations (省控/市控/区控); national ones come from data/geo/national_air_stations.csv. */
const SAMPLE_STATIONS: {
  code: string;
  name: string;
  level: StationLevel;
  at: Position;
  district: DistrictCode;
}[] = [
  { code: 'HJ101', name: '古荥镇', level: '省控', at: [113.552, 34.905], district: '410108' },
  { code: 'HJ201', name: '花园口镇', level: '市控', at: [113.672, 34.896], district: '410108' },
  { code: 'HJ301', name: '刘寨', level: '区控', at: [113.628, 34.843], district: '410108' },
  { code: 'HJ302', name: '迎宾路', level: '区控', at: [113.6, 34.835], district: '410108' },
  { code: 'DF201', name: '登封市监测站', level: '市控', at: [113.04, 34.46], district: '410185' },
  { code: 'DF301', name: '送表矿区', level: '区控', at: [112.915, 34.318], district: '410185' },
  { code: 'DF302', name: '大冶镇', level: '区控', at: [113.262, 34.452], district: '410185' },
  { code: 'WD101', name: '卫东区政府', level: '省控', at: [113.338, 33.738], district: '410403' },
  { code: 'WD301', name: '东高皇', level: '区控', at: [113.4, 33.77], district: '410403' },
  { code: 'WD302', name: '蒲城', level: '区控', at: [113.43, 33.752], district: '410403' },
];

/** Responsible unit per district and kind, by the name the district's plan uses. */
const RESPONSIBLE_UNIT: Record<string, Partial<Record<FeatureKind, string>>> = {
  '410108': {
    station: '区环保局',
    coal_ban_zone: '区环保局',
    truck_restriction: '区城管执法局',
    enterprise: '区环保局',
    construction_site: '区住建局',
    restaurant: '区城管执法局',
    coal_yard: '区环保局',
    bare_soil: '区市政管理中心',
  },
  [SONGBIAO]: {
    station: '矿区环保中队',
    mine: '矿区国土所',
    enterprise: '矿区环保中队',
    construction_site: '矿区村镇办',
    restaurant: '矿区工商质监所',
    coal_yard: '矿区散煤办',
    bare_soil: '矿区村镇办',
  },
  '410403': {
    station: '区攻坚办',
    truck_restriction: '区城市管理局',
    coal_ban_zone: '生态环境分局',
    sewage_outlet: '生态环境分局',
    enterprise: '生态环境分局',
    construction_site: '区住建局',
    restaurant: '区城市管理局',
    coal_yard: '生态环境分局',
    bare_soil: '区城市管理局',
  },
};

/** Which plan tasks each kind of feature concerns (task numbers of the district's plan). */
const TASK_LINKS: { district: string; plan: string; kind: FeatureKind; tasks: string[]; every?: number }[] = [
  { district: '410108', plan: 'huiji-2017-air', kind: 'coal_ban_zone', tasks: ['3'] },
  { district: '410108', plan: 'huiji-2017-air', kind: 'station', tasks: ['35'] },
  { district: '410108', plan: 'huiji-2017-air', kind: 'enterprise', tasks: ['11'], every: 5 },
  { district: '410108', plan: 'huiji-2017-air', kind: 'construction_site', tasks: ['18'] },
  { district: '410108', plan: 'huiji-2017-air', kind: 'truck_restriction', tasks: ['19'] },
  { district: '410108', plan: 'huiji-2017-air', kind: 'bare_soil', tasks: ['21'] },
  { district: '410108', plan: 'huiji-2017-air', kind: 'coal_yard', tasks: ['22'] },
  { district: '410108', plan: 'huiji-2017-air', kind: 'restaurant', tasks: ['25'] },
  { district: SONGBIAO, plan: 'songbiao-2019-air', kind: 'mine', tasks: ['13'] },
  { district: SONGBIAO, plan: 'songbiao-2019-air', kind: 'enterprise', tasks: ['22'] },
  { district: SONGBIAO, plan: 'songbiao-2019-air', kind: 'construction_site', tasks: ['17'] },
  { district: SONGBIAO, plan: 'songbiao-2019-air', kind: 'coal_yard', tasks: ['28'] },
  { district: SONGBIAO, plan: 'songbiao-2019-air', kind: 'station', tasks: ['34'] },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'truck_restriction', tasks: ['9', '10', '11'] },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'station', tasks: ['18'] },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'sewage_outlet', tasks: ['22'] },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'construction_site', tasks: ['4'] },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'enterprise', tasks: ['14'], every: 4 },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'restaurant', tasks: ['15'] },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'coal_yard', tasks: ['17'] },
  { district: '410403', plan: 'weidong-2021-60day', kind: 'bare_soil', tasks: ['17'] },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郭', '孙', '马', '朱', '胡'];
const DISHES = ['烩面馆', '烧烤', '饺子馆', '火锅店', '胡辣汤', '快餐', '羊肉汤', '面馆', '小吃店', '酒家'];
const INDUSTRIES = [
  '建材',
  '包装',
  '印刷',
  '家具',
  '机械',
  '化工',
  '塑料制品',
  '食品',
  '木业',
  '耐材',
  '铸造',
  '石材',
  '商砼',
  '沥青',
  '汽修',
  '涂装',
];
const SITE_TYPES = ['住宅小区', '安置房', '道路改造', '学校', '商业综合体', '污水管网', '棚户区改造'];

export interface SampleData {
  districts: DistrictRow[];
  townships: TownshipRow[];
  features: FeatureRow[];
  featureTasks: FeatureTaskRow[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function round6(p: Position): Position {
  return [Math.round(p[0]! * 1e6) / 1e6, Math.round(p[1]! * 1e6) / 1e6];
}

function contains(area: Area, p: Position): boolean {
  return turf.booleanPointInPolygon(p, area);
}

/** A small irregular polygon around a point, radius in metres (for mines). */
function blob(rng: Rng, center: Position, radiusM: number): Polygon {
  const ring: Position[] = [];
  const n = 9;
  for (let i = 0; i < n; i++) {
    const r = radiusM * (0.6 + 0.4 * rng.next());
    const p = turf.destination(center, r / 1000, (360 / n) * i, { units: 'kilometers' }).geometry.coordinates;
    ring.push(round6(p));
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

function clip(area: Area, bbox: [number, number, number, number]): Polygon | MultiPolygon {
  const clipped = turf.intersect(turf.featureCollection([area, turf.bboxPolygon(bbox)]));
  if (!clipped) throw new Error(`empty clip of ${JSON.stringify(bbox)}`);
  return turf.truncate(clipped, { precision: 6 }).geometry;
}

export function buildSampleData(dataDir: string, ledger: Ledger, seed = 20261123): SampleData {
  const rng = createRng(seed);
  const districtsFc = readJson<FeatureCollection<MultiPolygon>>(join(dataDir, 'geo/districts_wgs84.geojson'));
  const schematic = readJson<FeatureCollection<Polygon | MultiPolygon>>(
    join(dataDir, 'geo/townships_c2000_schematic.geojson'),
  );
  const districts: DistrictRow[] = districtsFc.features.map((f) => ({
    code: String(f.properties!.adcode),
    name: String(f.properties!.name),
    geometry: f.geometry,
  }));
  const districtArea = new Map<string, Area>(
    districtsFc.features.map((f) => [String(f.properties!.adcode), f]),
  );

  // Townships: the 2023 statistical codes, plus 送表矿区 (2018 code), which our 2019 plan governs.
  const townships: TownshipRow[] = [];
  for (const line of readFileSync(join(dataDir, 'geo/township_codes.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)) {
    const [code12, name, parent, level, version] = line.split(',');
    if (level !== 'township') continue;
    const code = code12!.slice(0, 9);
    const current = version!.includes('2023');
    if ((current || code === SONGBIAO) && !townships.some((t) => t.code === code)) {
      townships.push({ code, name: name!, district_code: parent! });
    }
  }
  const stem = (name: string) => name.replace(/(街道办事处|街道|镇|乡|矿区)$/, '');
  // Schematic township polygons (c. 2000) matched to today's townships by name stem.
  const townshipAreas = schematic.features.flatMap((f) => {
    const match = townships.find((t) => stem(t.name) === stem(String(f.properties!.name_zh_added)));
    return match ? [{ code: match.code, area: f as Area }] : [];
  });
  const songbiaoArea = townshipAreas.find((t) => t.code === SONGBIAO)!.area;
  // Real features get a township only where a polygon says so; sample ones a random one otherwise.
  const townshipOf = (district: string, p: Position, sample = true): string | null => {
    const hit = townshipAreas.find((t) => t.code.startsWith(district) && contains(t.area, p));
    if (hit) return hit.code;
    if (!sample) return null;
    return rng.pick(townships.filter((t) => t.district_code === district && t.code !== SONGBIAO)).code;
  };

  const unitByName = (scope: string, name: string | undefined): string | null => {
    if (!name) return null;
    const district = scope.slice(0, 6);
    const unit = ledger.units.find((u) => u.district_code === district && u.name === name);
    if (!unit) throw new Error(`unit ${name} is not in the ${district} plan`);
    return unit.id;
  };
  const unitFor = (district: string, township: string | null, kind: FeatureKind) => {
    const scope = township === SONGBIAO ? SONGBIAO : district;
    return unitByName(scope, RESPONSIBLE_UNIT[scope]?.[kind]);
  };

  const features: FeatureRow[] = [];
  const add = (row: Omit<FeatureRow, 'unit_id'>) => {
    features.push({ ...row, unit_id: unitFor(row.district_code, row.township_code, row.kind) });
  };

  // Real national stations (国控) inside the three districts.
  for (const line of readFileSync(join(dataDir, 'geo/national_air_stations.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)) {
    const [code, rawName, , lon, lat, flagY] = line.split(',');
    const at: Position = [Number(lon), Number(lat)];
    const district = [...districtArea].find(([, area]) => contains(area, at))?.[0];
    if (!district) continue;
    add({
      id: `station-${code}`,
      kind: 'station',
      name: rawName!.replace(/\(.*\)$/, ''),
      geometry: { type: 'Point', coordinates: at },
      district_code: district,
      township_code: townshipOf(district, at, false),
      properties: { code, level: '国控', ...(flagY === 'Y' ? { control_point: true } : {}) },
      is_sample: false,
    });
  }
  for (const s of SAMPLE_STATIONS) {
    if (!contains(districtArea.get(s.district)!, s.at))
      throw new Error(`station ${s.code} outside its district`);
    add({
      id: `station-${s.code}`,
      kind: 'station',
      name: s.name,
      geometry: { type: 'Point', coordinates: s.at },
      district_code: s.district,
      township_code: townshipOf(s.district, s.at),
      properties: { code: s.code, level: s.level },
      is_sample: true,
    });
  }

  // Zones. 卫东区's 示范区 is bounded by roads we have no geometry for: approximate rectangle.
  const weidong = districtArea.get('410403')!;
  const huiji = districtArea.get('410108')!;
  add({
    id: 'truck_restriction-WD01',
    kind: 'truck_restriction',
    name: '卫东区扬尘治理示范区渣土及商砼车辆禁行区',
    geometry: clip(weidong, [113.3, 33.728, 113.342, 33.758]),
    district_code: '410403',
    township_code: null,
    properties: {
      boundary: '湛北路以北，东环路以西，新华路以东，平安大道以南',
      restricted: ['渣土运输车辆', '商砼运输车辆'],
      approximate: true,
    },
    is_sample: true,
  });
  add({
    id: 'truck_restriction-HJ01',
    kind: 'truck_restriction',
    name: '惠济区城区渣土车禁行区',
    geometry: clip(huiji, [113.6, 34.81, 113.68, 34.845]),
    district_code: '410108',
    township_code: null,
    properties: { restricted: ['渣土运输车辆'] },
    is_sample: true,
  });
  add({
    id: 'coal_ban_zone-HJ01',
    kind: 'coal_ban_zone',
    name: '惠济区高污染燃料禁燃区',
    geometry: clip(huiji, [113.56, 34.79, 113.8, 34.87]),
    district_code: '410108',
    township_code: null,
    properties: { fuel: '高污染燃料' },
    is_sample: true,
  });
  add({
    id: 'coal_ban_zone-WD01',
    kind: 'coal_ban_zone',
    name: '卫东区高污染燃料禁燃区',
    geometry: clip(weidong, [113.28, 33.71, 113.4, 33.8]),
    district_code: '410403',
    township_code: null,
    properties: { fuel: '高污染燃料' },
    is_sample: true,
  });

  // Open-pit mines of 送表矿区, inside both the (schematic) 送表乡 polygon and 登封市.
  const dengfeng = districtArea.get('410185')!;
  const mineArea = turf.intersect(turf.featureCollection([songbiaoArea, dengfeng])) as Area;
  for (let i = 1; i <= 12; i++) {
    let geometry: Polygon;
    do {
      const at = randomPointIn(rng, mineArea, turf.centroid(mineArea).geometry.coordinates, 0.03);
      geometry = blob(rng, at, rng.int(180, 420));
    } while (!geometry.coordinates[0]!.every((p) => contains(mineArea, p)));
    add({
      id: `mine-SB${String(i).padStart(3, '0')}`,
      kind: 'mine',
      name: `送表矿区${rng.pick(SONGBIAO_PLACES)}${rng.pick(['石料', '铝土', '煤矸石', '建筑石料'])}露天矿${i}号`,
      geometry,
      district_code: '410185',
      township_code: SONGBIAO,
      properties: {
        status: rng.pick(['停产整治', '关闭取缔', '生态恢复中', '验收合格']),
        policy: '一矿一策',
      },
      is_sample: true,
    });
  }

  // Sewage outlets into 北湛河/湛河 in 卫东区 (no river geometry: placed along the south of the district).
  for (let i = 1; i <= 16; i++) {
    const at = randomPointIn(rng, weidong, [113.3 + i * 0.009, 33.735 + 0.03 * (i % 3)], 0.004);
    add({
      id: `sewage_outlet-WD${String(i).padStart(3, '0')}`,
      kind: 'sewage_outlet',
      name: `${i % 3 === 0 ? '湛河' : '北湛河'}${rng.pick(DISTRICTS['410403'].places)}入河排污口${i}号`,
      geometry: { type: 'Point', coordinates: at },
      district_code: '410403',
      township_code: townshipOf('410403', at),
      properties: {
        river: i % 3 === 0 ? '湛河' : '北湛河',
        type: rng.pick(['雨污混合', '工业', '生活污水']),
        policy: '一口一策',
      },
      is_sample: true,
    });
  }

  // Pollution sources, clustered around stations and town centres.
  const stations = features.filter((f) => f.kind === 'station');
  for (const code of Object.keys(DISTRICTS) as DistrictCode[]) {
    const area = districtArea.get(code)!;
    const centres: Position[] = [
      ...stations.filter((s) => s.district_code === code).map((s) => s.geometry.coordinates as Position),
      ...townshipAreas
        .filter((t) => t.code.startsWith(code))
        .map((t) => turf.centroid(t.area).geometry.coordinates),
      turf.centroid(area).geometry.coordinates,
    ];
    for (const [kind, count] of Object.entries(SOURCE_COUNTS[code]) as [FeatureKind, number][]) {
      for (let i = 1; i <= count; i++) {
        const at = randomPointIn(rng, area, rng.pick(centres), 0.012 + 0.02 * rng.next());
        const township = townshipOf(code, at);
        const places = township === SONGBIAO ? SONGBIAO_PLACES : DISTRICTS[code].places;
        const abbr = township === SONGBIAO ? 'SB' : DISTRICTS[code].abbr;
        add({
          id: `${kind}-${abbr}${String(i).padStart(4, '0')}`,
          kind,
          name: sourceName(rng, kind, rng.pick(places), i),
          geometry: { type: 'Point', coordinates: at },
          district_code: code,
          township_code: township,
          properties: sourceProperties(rng, kind),
          is_sample: true,
        });
      }
    }
  }

  const featureTasks: FeatureTaskRow[] = [];
  for (const link of TASK_LINKS) {
    const matching = features.filter(
      (f) =>
        f.kind === link.kind &&
        (link.district === SONGBIAO
          ? f.township_code === SONGBIAO
          : f.district_code === link.district && f.township_code !== SONGBIAO),
    );
    matching.forEach((f, i) => {
      if (link.every && i % link.every !== 0) return;
      for (const number of link.tasks) {
        const task = taskId(link.plan, number);
        if (!ledger.tasks.some((t) => t.id === task)) throw new Error(`no task ${task}`);
        featureTasks.push({ feature_id: f.id, task_id: task });
      }
    });
  }
  return { districts, townships, features, featureTasks };
}

function randomPointIn(rng: Rng, area: Area, centre: Position, sigmaDeg: number): Position {
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = round6([centre[0]! + rng.normal() * sigmaDeg, centre[1]! + rng.normal() * sigmaDeg * 0.85]);
    if (contains(area, p)) return p;
  }
  // The centre lies too close to the edge: fall back to a uniform point of the area.
  const [minX, minY, maxX, maxY] = turf.bbox(area);
  for (;;) {
    const p = round6([minX + rng.next() * (maxX - minX), minY + rng.next() * (maxY - minY)]);
    if (contains(area, p)) return p;
  }
}

function sourceName(rng: Rng, kind: FeatureKind, place: string, i: number): string {
  switch (kind) {
    case 'enterprise':
      return `${place}${rng.pick(INDUSTRIES)}${rng.pick(['有限公司', '厂', '加工厂', '制品有限公司'])}`;
    case 'construction_site':
      return `${place}${rng.pick(SITE_TYPES)}项目${rng.int(1, 3)}期工地`;
    case 'restaurant':
      return `${rng.pick(SURNAMES)}${rng.pick(['记', '家', '氏'])}${rng.pick(DISHES)}（${place}店）`;
    case 'coal_yard':
      return `${place}${rng.pick(['储煤场', '煤场', '煤球加工点'])}${i}号`;
    case 'bare_soil':
      return `${place}${rng.pick(['村', '社区', '路'])}裸露地块${i}号`;
    default:
      return `${place}${i}`;
  }
}

function sourceProperties(rng: Rng, kind: FeatureKind): Record<string, unknown> {
  switch (kind) {
    case 'enterprise':
      return {
        category: rng.pick(['重点排污单位', '一般企业', '“散乱污”整治企业']),
        emission: rng.pick(['有组织', '无组织', '有组织+无组织']),
      };
    case 'construction_site':
      return { area_m2: rng.int(2000, 80000), six_100_percent: rng.next() < 0.7 };
    case 'restaurant':
      return { fume_purifier: rng.next() < 0.8, seats: rng.int(20, 300) };
    case 'coal_yard':
      return { covered: rng.next() < 0.5 };
    case 'bare_soil':
      return { area_m2: rng.int(500, 20000), covered: rng.next() < 0.6 };
    default:
      return {};
  }
}
