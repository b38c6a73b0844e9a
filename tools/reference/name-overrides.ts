/**
 * Hand-written English names where romanising the Chinese name character by character is wrong
 * or not what English usage is: names from Mongolian, Tibetan and Uyghur, autonomous prefectures,
 * banners, place-name readings of polyphonic characters, and special zones.
 */

/** Prefecture-level units whose English name is not the pinyin of the Chinese stem. */
export const prefectureNames: Readonly<Record<string, string>> = {
  '150100': 'Hohhot', '150200': 'Baotou', '150300': 'Wuhai', '150400': 'Chifeng', '150500': 'Tongliao',
  '150600': 'Ordos', '150700': 'Hulunbuir', '150800': 'Bayannur', '150900': 'Ulanqab',
  '152200': 'Hinggan League', '152500': 'Xilingol League', '152900': 'Alxa League',
  '222400': 'Yanbian Korean Autonomous Prefecture', '230200': 'Qiqihar', '232700': 'Da Hinggan Ling Prefecture',
  '422800': 'Enshi Tujia and Miao Autonomous Prefecture', '429021': 'Shennongjia Forestry District',
  '433100': 'Xiangxi Tujia and Miao Autonomous Prefecture',
  '513200': 'Ngawa Tibetan and Qiang Autonomous Prefecture', '513300': 'Garze Tibetan Autonomous Prefecture',
  '513400': 'Liangshan Yi Autonomous Prefecture',
  '522300': 'Qianxinan Bouyei and Miao Autonomous Prefecture', '522600': 'Qiandongnan Miao and Dong Autonomous Prefecture',
  '522700': 'Qiannan Bouyei and Miao Autonomous Prefecture',
  '532300': 'Chuxiong Yi Autonomous Prefecture', '532500': 'Honghe Hani and Yi Autonomous Prefecture',
  '532600': 'Wenshan Zhuang and Miao Autonomous Prefecture', '532800': 'Xishuangbanna Dai Autonomous Prefecture',
  '532900': 'Dali Bai Autonomous Prefecture', '533100': 'Dehong Dai and Jingpo Autonomous Prefecture',
  '533300': 'Nujiang Lisu Autonomous Prefecture', '533400': 'Deqen Tibetan Autonomous Prefecture',
  '540100': 'Lhasa', '540200': 'Shigatse', '540300': 'Qamdo', '540400': 'Nyingchi', '540500': 'Shannan',
  '540600': 'Nagqu', '542500': 'Ngari Prefecture',
  '622900': 'Linxia Hui Autonomous Prefecture', '623000': 'Gannan Tibetan Autonomous Prefecture',
  '632200': 'Haibei Tibetan Autonomous Prefecture', '632300': 'Huangnan Tibetan Autonomous Prefecture',
  '632500': 'Hainan Tibetan Autonomous Prefecture', '632600': 'Golog Tibetan Autonomous Prefecture',
  '632700': 'Yushu Tibetan Autonomous Prefecture', '632800': 'Haixi Mongol and Tibetan Autonomous Prefecture',
  '650100': 'Urumqi', '650200': 'Karamay', '650400': 'Turpan', '650500': 'Hami',
  '652300': 'Changji Hui Autonomous Prefecture', '652700': 'Bortala Mongol Autonomous Prefecture',
  '652800': 'Bayingolin Mongol Autonomous Prefecture', '652900': 'Aksu Prefecture',
  '653000': 'Kizilsu Kyrgyz Autonomous Prefecture', '653100': 'Kashgar Prefecture', '653200': 'Hotan Prefecture',
  '654000': 'Ili Kazakh Autonomous Prefecture', '654200': 'Tacheng Prefecture', '654300': 'Altay Prefecture',
  '659002': 'Aral', '659003': 'Tumxuk', '659008': 'Kokdala',
};

/** County-level units named by code: islands, an administrative committee, and zones with translated words. */
export const countyNames: Readonly<Record<string, string>> = {
  '460321': 'Xisha Islands',
  '460322': 'Nansha Islands',
  '460323': 'Zhongsha Islands, Reefs and Sea Areas',
  '632857': 'Da Qaidam Administrative Committee',
  '120116': 'Binhai New Area',
  '210113': 'Shenbei New Area',
  '310115': 'Pudong New Area',
  '152971': 'Inner Mongolia Alxa High-tech Industrial Development Zone',
  '540171': 'Golmud Tibet-Qinghai Industrial Park',
  '140171': 'Shanxi Transformation and Comprehensive Reform Demonstration Zone',
  '150271': 'Baotou Rare Earth High-tech Industrial Development Zone',
  '220174': 'Changchun Automotive Economic and Technological Development Zone',
  '220273': 'Jilin China-Singapore Food Zone',
  '341171': 'China-Singapore Suzhou-Chuzhou High-tech Industrial Development Zone',
  '371071': 'Weihai Torch High-tech Industrial Development Zone',
  '410173': 'Zhengzhou Airport Economy Zone',
};

/** The 52 banners of Inner Mongolia, by Chinese name (English forms follow Mongolian). */
export const bannerNames: Readonly<Record<string, string>> = {
  土默特左旗: 'Tumed Left Banner', 土默特右旗: 'Tumed Right Banner', 达尔罕茂明安联合旗: 'Darhan Muminggan United Banner',
  阿鲁科尔沁旗: 'Ar Horqin Banner', 巴林左旗: 'Bairin Left Banner', 巴林右旗: 'Bairin Right Banner',
  克什克腾旗: 'Hexigten Banner', 翁牛特旗: 'Ongniud Banner', 喀喇沁旗: 'Harqin Banner', 敖汉旗: 'Aohan Banner',
  科尔沁左翼中旗: 'Horqin Left Middle Banner', 科尔沁左翼后旗: 'Horqin Left Rear Banner', 库伦旗: 'Hure Banner',
  奈曼旗: 'Naiman Banner', 扎鲁特旗: 'Jarud Banner', 达拉特旗: 'Dalad Banner', 准格尔旗: 'Jungar Banner',
  鄂托克前旗: 'Otog Front Banner', 鄂托克旗: 'Otog Banner', 杭锦旗: 'Hanggin Banner', 乌审旗: 'Uxin Banner',
  伊金霍洛旗: 'Ejin Horo Banner', 阿荣旗: 'Arun Banner', 莫力达瓦达斡尔族自治旗: 'Morin Dawa Daur Autonomous Banner',
  鄂伦春自治旗: 'Oroqen Autonomous Banner', 鄂温克族自治旗: 'Evenki Autonomous Banner', 陈巴尔虎旗: 'Old Barag Banner',
  新巴尔虎左旗: 'New Barag Left Banner', 新巴尔虎右旗: 'New Barag Right Banner', 乌拉特前旗: 'Urad Front Banner',
  乌拉特中旗: 'Urad Middle Banner', 乌拉特后旗: 'Urad Rear Banner', 杭锦后旗: 'Hanggin Rear Banner',
  察哈尔右翼前旗: 'Chahar Right Front Banner', 察哈尔右翼中旗: 'Chahar Right Middle Banner',
  察哈尔右翼后旗: 'Chahar Right Rear Banner', 四子王旗: 'Siziwang Banner', 科尔沁右翼前旗: 'Horqin Right Front Banner',
  科尔沁右翼中旗: 'Horqin Right Middle Banner', 扎赉特旗: 'Jalaid Banner', 阿巴嘎旗: 'Abag Banner',
  苏尼特左旗: 'Sonid Left Banner', 苏尼特右旗: 'Sonid Right Banner', 东乌珠穆沁旗: 'East Ujimqin Banner',
  西乌珠穆沁旗: 'West Ujimqin Banner', 太仆寺旗: 'Taibus Banner', 镶黄旗: 'Xianghuang Banner',
  正镶白旗: 'Zhengxiangbai Banner', 正蓝旗: 'Zhenglan Banner', 阿拉善左旗: 'Alxa Left Banner',
  阿拉善右旗: 'Alxa Right Banner', 额济纳旗: 'Ejin Banner',
};

/** Place-name readings where a character-by-character romaniser picks the wrong reading. */
export const stemReadings: Readonly<Record<string, string>> = {
  乐亭: 'Laoting', 乐陵: 'Laoling', 万柏林: 'Wanbailin', 民乐: 'Minle', 红寺堡: 'Hongsibu', 乐清: 'Yueqing', 单: 'Shan', 洪洞: 'Hongtong', 浚: 'Xun', 蔚: 'Yu',
  歙: 'She', 泌阳: 'Biyang', 费: 'Bi', 筠连: 'Junlian', 尉犁: 'Yuli', 繁峙: 'Fanshi',
  曾都: 'Zengdu', 六合: 'Luhe', 涡阳: 'Guoyang', 闵行: 'Minhang', 吴堡: 'Wubu', 覃塘: 'Tantang',
  莎车: 'Shache', 宕昌: 'Tanchang', 大埔: 'Dabu', 称多: 'Chenduo', 番禺: 'Panyu', 六安: "Lu'an",
  蚌埠: 'Bengbu', 铅山: 'Yanshan', 东阿: "Dong'e", 长子: 'Zhangzi', 厦门: 'Xiamen', 重庆: 'Chongqing',
  // county stems with an established English form from Mongolian or Uyghur
  乌鲁木齐: 'Urumqi', 和田: 'Hotan', 阿克苏: 'Aksu', 喀什: 'Kashgar', 阿勒泰: 'Altay', 库尔勒: 'Korla',
  阿图什: 'Artux', 克拉玛依: 'Karamay', 塔什库尔干: 'Taxkorgan', 察布查尔: 'Qapqal', 格尔木: 'Golmud',
  锡林浩特: 'Xilinhot', 乌兰浩特: 'Ulanhot', 二连浩特: 'Erenhot', 额尔古纳: 'Ergun', 喀喇沁左翼: 'Harqin Left Wing',
};

/** English names of the ethnic groups in autonomous-area names, with and without 族. */
export const ethnicGroups: Readonly<Record<string, string>> = {
  回族: 'Hui', 藏族: 'Tibetan', 蒙古族: 'Mongol', 蒙古: 'Mongol', 满族: 'Manchu', 朝鲜族: 'Korean',
  土家族: 'Tujia', 苗族: 'Miao', 侗族: 'Dong', 瑶族: 'Yao', 壮族: 'Zhuang', 布依族: 'Bouyei', 彝族: 'Yi',
  白族: 'Bai', 哈尼族: 'Hani', 傣族: 'Dai', 傈僳族: 'Lisu', 拉祜族: 'Lahu', 佤族: 'Va', 纳西族: 'Naxi',
  景颇族: 'Jingpo', 布朗族: 'Blang', 普米族: 'Pumi', 独龙族: 'Derung', 怒族: 'Nu', 羌族: 'Qiang', 黎族: 'Li',
  畲族: 'She', 仡佬族: 'Gelao', 水族: 'Sui', 毛南族: 'Maonan', 仫佬族: 'Mulao', 土族: 'Tu', 撒拉族: 'Salar',
  保安族: 'Bonan', 东乡族: 'Dongxiang', 裕固族: 'Yugur', 哈萨克族: 'Kazakh', 哈萨克: 'Kazakh',
  柯尔克孜族: 'Kyrgyz', 柯尔克孜: 'Kyrgyz', 锡伯族: 'Xibe', 锡伯: 'Xibe', 塔吉克族: 'Tajik', 塔吉克: 'Tajik',
  维吾尔族: 'Uyghur', 维吾尔: 'Uyghur', 达斡尔族: 'Daur', 鄂温克族: 'Evenki', 鄂伦春族: 'Oroqen', 鄂伦春: 'Oroqen',
  京族: 'Gin', 各族: 'Various Nationalities',
};
