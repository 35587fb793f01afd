// The pure part of the unit registry: what kind of unit a printed name is, the key under which
// two printings of one name compare equal, and which townships a group name stands for. Names in
// assignments stay exactly as printed; only keys are normalised.

export type UnitKind = 'department' | 'township' | 'group' | 'village' | 'enterprise';

/** Groups: "各镇（街道）", "相关镇(街道)", "各行政村", "各县（区）人民政府", "…各成员单位". */
const GROUP =
  /^(?:各|相关|有关|所有|全体|辖区)|各(?:行政村|村|社区|镇|乡|街道|企业|成员单位|有关|相关|部门|单位|县|区|市)|成员单位$|[(（][县市区乡镇、]+[)）]/;
const ENTERPRISE = /(?:公司|集团|厂|企业|合作社|商行)$/;
const VILLAGE = /(?:村|社区|村委会|居委会|村民委员会|居民委员会)$/;
const TOWNSHIP = /(?:镇|乡|街道|办事处|街道办事处|镇人民政府|乡人民政府|镇政府|乡政府)$/;

export function classifyUnit(name: string): UnitKind {
  const bare = unitKey(name);
  if (GROUP.test(bare)) return 'group';
  if (ENTERPRISE.test(bare)) return 'enterprise';
  if (VILLAGE.test(bare)) return 'village';
  if (TOWNSHIP.test(bare)) return 'township';
  return 'department';
}

/**
 * The comparison key of a printed name: full- and half-width forms (parentheses, digits, letters)
 * and spaces do not matter. Aliases (环保局 → 生态环境局) are merged only when a user has said
 * so: `aliases` maps a name to the name it stands for, both as printed or as keys.
 */
export function unitKey(name: string, aliases: Readonly<Record<string, string>> = {}): string {
  const key = name.normalize('NFKC').replace(/\s+/g, '');
  for (const [alias, canonical] of Object.entries(aliases)) {
    if (unitKey(alias) === key) return unitKey(canonical);
  }
  return key;
}

/** What a group name covers within a region whose townships are known. */
export type GroupExpansion =
  | { kind: 'all'; townships: string[] }
  /** "相关镇(街道)": some of the townships, unknown until a user picks them. */
  | { kind: 'pick'; candidates: string[] }
  /** Not a township group (a single unit, or a group such as 各行政村 the township list cannot expand). */
  | { kind: 'none' };

const TOWN = /(?:镇|乡)$/;
const STREET = /(?:街道|办事处|街道办事处)$/;

/** Expands 各镇（街道） / 各街道办事处 / 各乡镇 to the plan region's townships; 相关… asks for a pick. */
export function expandGroup(name: string, townships: readonly string[]): GroupExpansion {
  const key = unitKey(name).replace(/人民政府|政府/g, '');
  // 各镇（街道）, 各镇街区, 各乡镇、街道, 各街道办事处, 相关镇(街道) …
  const m = /^(各|相关|有关)(乡镇|镇|乡)?[(、]?(街道办事处|街道|办事处|街)?\)?区?$/.exec(key);
  if (!m || (!m[2] && !m[3])) return { kind: 'none' };
  const towns = Boolean(m[2]);
  const streets = Boolean(m[3]);
  const members = townships.filter(
    (t) => (towns && TOWN.test(unitKey(t))) || (streets && STREET.test(unitKey(t))),
  );
  return m[1] === '各' ? { kind: 'all', townships: members } : { kind: 'pick', candidates: members };
}
