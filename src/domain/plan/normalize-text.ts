// Turns the raw text of a plan document into clean lines that keep their original line numbers.
// PDF, Word and web-page copies of the same document differ in markup, spacing and chrome; the
// parser should only ever see the document's own words.
import { isTitleLine, readMarker, ROAD_NUMBER } from './headings';

export interface Line {
  /** Markup removed and stray spaces collapsed; names and titles are sliced from here. */
  text: string;
  /** `text` folded for matching (same length, so indices found in `key` slice `text`). */
  key: string;
  /** Trimmed text before spaces were collapsed: a heading "as printed". */
  raw: string;
  /** First and last line of the original input (0-based) this line came from. */
  start: number;
  end: number;
  /** The line carried a markdown heading marker (#): never part of a broken sentence. */
  heading: boolean;
  /** Web-page chrome (索引号, 标签, 打印此文 …): read for metadata, never for tasks. */
  chrome: boolean;
  /** A blank line stands between this line and the one before. */
  blankBefore?: boolean;
  /** The copy marks this line as opening a text of its own (a sharing site's first chunk): never
   *  joined to the line before. */
  opensText?: boolean;
}

// Traditional characters (web mirrors convert whole pages) and full-width ASCII fold one-to-one,
// so every pattern is written once in simplified characters with ASCII punctuation.
const TRADITIONAL =
  '牽頭單責務區鎮縣鄉辦標達優質濃氣環監測報節態產業運輸結構調劃實設計關於與為門開發農經濟營審題長機動車輛電燒銷廠預級數據點進處戶號協導組織會議廳資現規確護衛戰藍淨擊潔鍋爐噸鞏複復麗華東紀財場內們間後時並總' +
  '體萬億個歷類樣雜應當對將從來這還說驗證檢執權職參負義轄廣轉舉歸屬統籌網絡顆細揮無塵揚餘飲廢汙溫濕壓擴擬滅週準則紅綠黃藥醫療術師讓認識請讀貫徹習傳輕陽園圍築邊遠連選過錯鐵鋼錢閉問陸險隊際隨雙離難頁項須領' +
  '頻風養館馬黨齊擔擇斷書條極樓殘減滿潛災煙熱爭狀獎畝異盡盤礦碼種稱積穩競簡糾約純終綜維績線緊編緩縮繼續罰聯舊莊補裝製見視觀記評試誠誤諮謀貨費購趨跡軟載輔適遷遺釋閒闊額驅佈側兩創勞勢勵匯卻厲變嚴壞夠奮學寧' +
  '寬專層島嶺幣帶幹庫彈徑徵懷憑損換搖撥撫擋攜暫曆欄歲沖況濾灣牆獲畢疊盜礎禍稅穀籃納絕絲給緒緣縱繩繳罷聖聽膽臨興蓋薦蘭虛衝親覺覽觸訂訓託許訴詞該詳誌語課誰論謝謹譯貢貧販貿賀賠賦賬賴贈踐蹤軌較輝輪辭遊遞郵鐘' +
  '閃閱陣陳隱雲霧靜響顯飯騰驚鳳麼韋頒頓遼衆眾爲裡裏範靈雞歐絶綫脫燈爾禦圖團壇嘗啟鄰錄鑒鑑閘隸驟髒鮮齡篩簽籤紋紐罵羅肅腦艦蘇蟲訊詢誕謂豐貝賓賽贊趕軍迴鄭醜鈴鉛銅鋁錫鍍鎳鏈鑄鑽隻雖頸颱颳飼駐騎鬥魚鳥麥齒龍劑' +
  '剷剝勻嘔噴嚮堅塗塊墊墾壩奧孫宮寫屆嶼廁廚廟彎彥慮慶懶挾捨掃掛採揀攪擠擱斂斬晉暈朧棄棧樁橋檔櫃殼氈氫決沒洩淺渦湯溝滬滲漲漿潤濁濱瀝灑燦燭犧猶獨瑪瓊甦畫痠瘡癢皚盧睜矽硃碩磚礙祿禪稈穌窪窯竅筆簾籬糞糧紙紛紮' +
  '紳紹絞絨綁綢緯緻縫繞繪繫纖罈羥聳膠膩臟艙芻莖萊葉葦蒼蓮蔔蕭薑藉藝蘋蘆虧螢蠟衊襪覈訣詐詭誇誼諸謊譜讚豬貓貞貯貼貶賈賤賺贖躍軀軸輩輻轟遙邏醞醬釀鈔鈣鈉鈍鉀鉤銜鋪鋅錳鍵鎖鎂鏟鐳鑰閥閣闆闖陝隄隴雋雛霽韌韻頃頑' +
  '頗頤頰顛顫飄餵饑馭駁駛騙驕骯髮鬱鰻鷹鹵鹼黴鼴齋';
const SIMPLIFIED =
  '牵头单责务区镇县乡办标达优质浓气环监测报节态产业运输结构调划实设计关于与为门开发农经济营审题长机动车辆电烧销厂预级数据点进处户号协导组织会议厅资现规确护卫战蓝净击洁锅炉吨巩复复丽华东纪财场内们间后时并总' +
  '体万亿个历类样杂应当对将从来这还说验证检执权职参负义辖广转举归属统筹网络颗细挥无尘扬余饮废污温湿压扩拟灭周准则红绿黄药医疗术师让认识请读贯彻习传轻阳园围筑边远连选过错铁钢钱闭问陆险队际随双离难页项须领' +
  '频风养馆马党齐担择断书条极楼残减满潜灾烟热争状奖亩异尽盘矿码种称积稳竞简纠约纯终综维绩线紧编缓缩继续罚联旧庄补装制见视观记评试诚误咨谋货费购趋迹软载辅适迁遗释闲阔额驱布侧两创劳势励汇却厉变严坏够奋学宁' +
  '宽专层岛岭币带干库弹径征怀凭损换摇拨抚挡携暂历栏岁冲况滤湾墙获毕叠盗础祸税谷篮纳绝丝给绪缘纵绳缴罢圣听胆临兴盖荐兰虚冲亲觉览触订训托许诉词该详志语课谁论谢谨译贡贫贩贸贺赔赋账赖赠践踪轨较辉轮辞游递邮钟' +
  '闪阅阵陈隐云雾静响显饭腾惊凤么韦颁顿辽众众为里里范灵鸡欧绝线脱灯尔御图团坛尝启邻录鉴鉴闸隶骤脏鲜龄筛签签纹纽骂罗肃脑舰苏虫讯询诞谓丰贝宾赛赞赶军回郑丑铃铅铜铝锡镀镍链铸钻只虽颈台刮饲驻骑斗鱼鸟麦齿龙剂' +
  '铲剥匀呕喷向坚涂块垫垦坝奥孙宫写届屿厕厨庙弯彦虑庆懒挟舍扫挂采拣搅挤搁敛斩晋晕胧弃栈桩桥档柜壳毡氢决没泄浅涡汤沟沪渗涨浆润浊滨沥洒灿烛牺犹独玛琼苏画酸疮痒皑卢睁硅朱硕砖碍禄禅秆稣洼窑窍笔帘篱粪粮纸纷扎' +
  '绅绍绞绒绑绸纬致缝绕绘系纤坛羟耸胶腻脏舱刍茎莱叶苇苍莲卜萧姜借艺苹芦亏萤蜡蔑袜核诀诈诡夸谊诸谎谱赞猪猫贞贮贴贬贾贱赚赎跃躯轴辈辐轰遥逻酝酱酿钞钙钠钝钾钩衔铺锌锰键锁镁铲镭钥阀阁板闯陕堤陇隽雏霁韧韵顷顽' +
  '颇颐颊颠颤飘喂饥驭驳驶骗骄肮发郁鳗鹰卤碱霉鼹斋';
const FULL_WIDTH = '（）：，；！？．［］＜＞＝％０１２３４５６７８９';
const HALF_WIDTH = '():,;!?.[]<>=%0123456789';

const FOLD = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) FOLD.set(TRADITIONAL[i]!, SIMPLIFIED[i]!);
for (let i = 0; i < FULL_WIDTH.length; i++) FOLD.set(FULL_WIDTH[i]!, HALF_WIDTH[i]!);

// One native scan finds the few characters to fold (most text has none). The keys are all
// non-ASCII: nothing in them needs escaping in a character class.
const FOLDED = new RegExp(`[${[...FOLD.keys()].join('')}]`, 'g');

export function fold(s: string): string {
  return s.replace(FOLDED, (ch) => FOLD.get(ch)!);
}

const SPACES = /[ \t\u00a0\u3000\u2002\u2003\u2009]+/g;

/** Removes spaces next to Chinese text ("惠济区 2017 年" → "惠济区2017年"); keeps one between ASCII words. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACES, (run, offset: number, all: string) => {
    const before = all.charCodeAt(offset - 1);
    const after = all.charCodeAt(offset + run.length);
    if (offset === 0 || offset + run.length === all.length) return '';
    return before > 0x7f || after > 0x7f ? '' : ' ';
  });
}

const MARKUP: [RegExp, string][] = [
  [/\[bookmark:[^\]]*\]/gi, ''],
  [/<\/?[a-z][^>]*>/gi, ''],
  [/&nbsp;/g, ' '],
  [/\u200b|\u200c|\u200d|\ufeff|\ufffd/g, ''],
  [/\*\*|__/g, ''],
  [/^\s*(?:#{1,6}|>|[-*+•](?=\s))\s*/, ''],
  // Mis-decoded non-breaking spaces show up as runs of "?".
  [/^\?{2,}|\?{2,}$/g, ''],
  // A reprint's pinyin glosses after characters ("行業(yè)管理股", "全區(qū)"): a tone mark tells them.
  [/(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/g, ''],
  // A label typed with a semicolon for its colon, opening a bracket ("(责任单位;住建局、…)").
  [/(?<=[(（]\s*[\u4e00-\u9fff]{2,6}(?:单位|部门))\s*[;；]/g, ':'],
  // A site's breadcrumb run into the page's title ("文档之家›郭坑镇…任务分解表").
  [/^(\s*)(?:[^›»\s]{1,12}\s*[›»]\s*)+(?=\S)/, '$1'],
  // A sharing site's page footer and banner, run into the text by its copy ("第 1 页共 5 页下载后可
  // 任意编辑牵头领导:…").
  [/(?:第\s*\d{1,3}\s*页\s*共\s*\d{1,3}\s*页\s*)?下载后可任意编辑/g, ''],
  // A sharing site's page count run into the line's words ("第1页共4页卫生院环境卫生…方案").
  [/^\s*第\s*\d{1,3}\s*页\s*共\s*\d{1,3}\s*页\s*(?=[^\s\d])/, ''],
  // A page number a PDF's text put inside a sentence ("每―10 ― 年3月底前").
  [/(?<=[\u4e00-\u9fff])\s*[―—]\s*\d{1,3}\s*[―—]\s*(?=[\u4e00-\u9fff])/g, ''],
];

const PAGE_NUMBER = /^[-—–－─_~·•\s]*(?:第\s*)?\d{1,4}\s*页?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－─_~·•\s]*$/;
const RULE = /^[-=_*—─·•.。\s]{3,}$/;
/** A page number a copy ran into the line after it ("- 2 - 2. 建立台账", its first dash perhaps read
 *  as a list's); not a range of months ("1 - 3 月"). */
const PAGE_NUMBER_BEFORE = /^(?:[-—–－]\s*)?\d{1,3}\s*[-—–－]\s+(?=\S)(?!\d{1,2}\s*月)/;

/** "— 12 —", "第 3 页 共 9 页", "3/9": a page number on a line of its own. */
export function isPageNumber(text: string): boolean {
  // A year alone ("2018") is what a copy left of a date, not a page's number.
  return PAGE_NUMBER.test(text) && !/^(?:19|20)\d{2}$/.test(text.trim());
}
const CHROME =
  /^(?:索\s*引\s*号|主\s*题\s*分\s*类|发\s*布\s*机\s*构|发\s*文\s*机\s*关|文\s*号\s*:|发\s*文\s*字\s*号|成\s*文\s*日\s*期|(?:公\s*文\s*)?生\s*成\s*日\s*期|发\s*布\s*日\s*期|体\s*裁|标\s*签|关\s*键\s*词|主\s*题\s*词|信\s*息\s*来\s*源|信\s*息\s*分\s*类|效\s*力\s*状\s*态|名\s*称\s*:|留言与评论|验证码|打印此文|打印本页|关闭窗口|【?打印】?|【?关闭】?|保存为word|字号|字体大小|分享到?|浏览(?:次数|量)|访问量|阅读量|来源\s*:|(?:添加|发布|更新|发表)?时间\s*:|日期\s*:|扫一扫|责任编辑|上一篇|下一篇|相关(?:链接|文档|文章|阅读)|当前位置|(?:您|你)的?当前(?:所在)?的?位置|(?:您|你)的位置|首页\s*>|附件下载|文档评论|评论|暂无评论|本文为转载|\[?接上页\]?$|[|｜]+$)/;

const BYLINE_TIME = /(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}/;

/** A site's menu: "首页 热点资讯 义务教育 高等教育". */
const NAV_MENU = /^首页(?:\s+[^\s,，。:：]{2,8}){2,}$/;

// Document-sharing sites (文库, 公文网) print the file name, a counter row and buttons above the text:
// "XX方案.docx", "VIP专免", "2024-07-01 999+ 15.35KB 4 页 海报", "侵权投诉".
const FILE_NAME = /^[^\s,。;:]{2,80}\.(?:docx?|pdf|wps|pptx?|xlsx?|txt)$/i;
const FILE_SIZE = /\d(?:\.\d+)?\s*[KM]B\b/i;
const PAGE_COUNT = /\d+\s*页|\d{4}-\d{1,2}-\d{1,2}/;
const SHARING_BUTTONS =
  /^(?:VIP\S{0,4}|侵权投诉|举报|下载(?:本?文档)?|海报|收藏|原创力文档|免费下载|文档简介)$|^版权说明\s*:\s*本文档由用户提供/i;

/** A sharing site's label after the document's name ("县大气污染防治行动实施计划内容摘要:", "…方案参考范文"), or its
 *  number in a collection of models ("河道排污口整治方案范文 篇11", "…方案范文(精选12篇)",
 *  "…整治方案简短篇一"). */
const SUMMARY_LABEL =
  /(?<=[\u4e00-\u9fff)）])(?:(?:内容摘要|内容简介|文档简介|文档介绍)\s*[:：]|(?:参考|參考)?范文\s*(?:篇\s*\d{1,3}|[(（]精选\d{1,3}篇[)）]|\d{1,3})?|(?:简短|精选|优秀|通用|最新)?篇[一二三四五六七八九十]{1,3})\s*$/;
/** A collection's own heading ("2023年城市环境卫生整治方案简短(汇总12篇)", "2021年各类工作方案合集26篇
 *  (第7/7页)"): no plan's title. */
const COLLECTION = /[(（](?:汇总|精选|通用|合集)?\d{1,3}篇[)）]$|(?:合集|汇总|大全)\d{1,3}篇/;

/** An advertisement's last words ("公文高手,超级方便的公文写作神器!立即了解"). */
const CALL_TO_ACTION = /(?:立即|马上|点击|免费)(?:了解|下载|体验|使用|查看|领取|试用|开通)[!！]?$/;

function isSharingSiteChrome(key: string): boolean {
  return (
    FILE_NAME.test(key) ||
    SHARING_BUTTONS.test(key) ||
    COLLECTION.test(key) ||
    // A line that opens with a heading's number is the text's own.
    (key.length <= 40 && CALL_TO_ACTION.test(key) && !readMarker(key)) ||
    (key.length <= 60 && !/[。,;]/.test(key) && FILE_SIZE.test(key) && PAGE_COUNT.test(key))
  );
}

const LETTER_SPACED = /\p{sc=Han}(?: \p{sc=Han}){2,}/gu;

// "责任单位：县水利局 县生态环境局": on a line of units a space between two names separates them,
// where collapsing it would run them together. Not before a further label ("… 完成时限："), nor
// inside a name broken by a space ("惠济区 人民政府").
const UNIT_LABEL_LINE = /^[(（【[]?\s*[\u4e00-\u9fff]{2,6}(?:单位|部门|主体|科室)\s*[:：]/;
// A name has two characters at least: "区 中心办" is one broken by a space.
// 城乡 ("住房城乡 建设厅") names no township.
const NAME_GAP =
  /(?<=[\u4e00-\u9fff][局委办厅府院队所站处室会部心司镇乡道村区])(?<!城乡)[ \u3000]+(?=[\u4e00-\u9fff])/g;
const NOT_A_NAME_START = /^(?:[\u4e00-\u9fff]{1,8}\s*[:：]|人民|政府|党|管委|办事处|街道办|等)/;

function separateNames(line: string): string {
  if (!UNIT_LABEL_LINE.test(line)) return line;
  return line.replace(NAME_GAP, (gap, at: number, all: string) =>
    NOT_A_NAME_START.test(all.slice(at + gap.length)) ? gap : '、',
  );
}

// "…(实施单位:市城管委) (九)提升…", "…工作安排 一、强化…行动 1.持续…": a copy that flattened its line
// breaks into spaces. A space before a numbering marker or a unit label is such a break when what
// precedes it ends a sentence or a bracket, is a heading of its own (a marker and a few words without
// a full stop), or a line of units ("责任单位:县财政局、县税务局 2.落实…"); a space before a marker
// after a title ("…重点工作责任分解 一、…") breaks the title off the words before it too.
const MARKER_AFTER_SPACE = new RegExp(
  `\\s+(?=第?[一二三四五六七八九十]{1,3}\\s*、|[(（]\\s*[一二三四五六七八九十]{1,3}\\s*[)）]|\\d{1,3}\\s*[.、．](?!\\d(?!${ROAD_NUMBER}))|[(（]\\d{1,2}[)）]|(?:牵头|责任|配合|协办)(?:单位|部门)\\s*[:：])`,
  'g',
);
const ENDS_SENTENCE = /[。;；!！?？)）\]】]$/;
const BARE_HEADING =
  /^(?:第?[一二三四五六七八九十]{1,3}\s*、|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,3}\s*[.、．])[^。]{0,40}$/;

function splitFlattened(raw: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const m of raw.matchAll(MARKER_AFTER_SPACE)) {
    const before = raw.slice(from, m.index).trim();
    const label = !/^\d|^[(（]|^第?[一二三四五六七八九十]/.test(raw.slice(m.index + m[0].length));
    const units = !label && UNIT_LABEL_LINE.test(before) && !/[。]/.test(before);
    const lastWords = before.split(/\s+/).pop()!;
    const title = !label && lastWords.length <= 40 && isTitleLine(fold(lastWords));
    // "…通知如下: 一、重点督办事项 1.…": a colon opens the list whose first marker follows.
    const opens = !label && /[:：]$/.test(before);
    // A copy that prints its full stops as "." ("…的管理工作. 1.鹿寨县成员单位职责"); a row of fields
    // closing on its date ("…整改时限:2021年8月13日前 1.员工食堂…").
    const stop =
      !label &&
      (/[\u4e00-\u9fff]\.$/.test(before) || /(?:时限|时间|期限)\s*[:：]\s*[^\s:：]{2,20}$/.test(before));
    if (
      !before ||
      !(
        ENDS_SENTENCE.test(before) ||
        (!label && BARE_HEADING.test(before)) ||
        units ||
        title ||
        opens ||
        stop
      )
    )
      continue;
    // A title after words of the notice on the same line is a line of its own.
    const last = before.lastIndexOf(' ');
    if (title && last > 0) pieces.push(before.slice(0, last).trim(), before.slice(last + 1));
    else pieces.push(before);
    from = m.index + m[0].length;
  }
  pieces.push(raw.slice(from).trim());
  return pieces;
}

/** Physical lines with markup, page numbers and blank lines removed; chrome is marked, not dropped. */
export function physicalLines(input: string): Line[] {
  const lines: Line[] = [];
  let blank = false;
  input.split(/\r\n|\r|\n/).forEach((original, index) => {
    if (!original.trim()) blank = true;
    const heading = /^\s*#{1,6}\s/.test(original);
    let raw = original;
    for (const [pattern, replacement] of MARKUP) raw = raw.replace(pattern, replacement);
    // Letterheads and headings printed letter-spaced ("全 面 掌 握") are words all the same.
    raw = raw.trim();
    raw = /^(?:\S\s+)+\S$/.test(raw)
      ? raw.replace(/ /g, '')
      : raw.replace(LETTER_SPACED, (run) => run.replace(/ /g, ''));
    for (const flat of splitFlattened(raw)) {
      const piece = separateNames(flat).replace(SUMMARY_LABEL, '').replace(PAGE_NUMBER_BEFORE, '');
      const text = collapseSpaces(piece);
      if (!text || /^\?+$/.test(text) || isPageNumber(text) || RULE.test(text)) continue;
      const key = fold(text);
      const chrome =
        CHROME.test(key) ||
        NAV_MENU.test(piece.trim()) ||
        /【(?:打印|关闭)|打印本页|关闭窗口/.test(key) ||
        // The rest of a page's markup ("…十八、开展农村黑臭水体治理 /enpproperty-->").
        /<!--|-->/.test(key) ||
        // A page's byline: "四平市铁西区人民政府 2019-05-17 15:15:00 来源: 区人民政府督查室".
        (BYLINE_TIME.test(key) && /来源:/.test(key)) ||
        isSharingSiteChrome(key);
      lines.push({ text, key, raw: piece, start: index, end: index, heading, chrome, blankBefore: blank });
      blank = false;
    }
  });
  return lines;
}
