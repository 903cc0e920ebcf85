#!/usr/bin/env python3
# generate-dataset.py
#
# Copyright 2026 The Chengyu Atlas authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Writes a synthetic Chengyu Atlas dataset (docs/dataset-format.md) of any size.

The same arguments always give a byte-identical file: every random choice comes
from one random.Random(seed), dictionaries keep their insertion order and numbers
are rounded before they are written.

What it imitates, so that the benchmarks see the shapes the app meets:
  * places clustered around 42 real city centres of Sichuan and Chongqing, city
    sizes following a power law, positions spread around district centres with a
    Gaussian;
  * 12 sectors and about 200 districts chosen with Zipf-like skew;
  * a few geometries: routes as lines, some zones and parks as polygons, a few
    districts with outlines;
  * events from 1950 to 2025, denser in recent years, mostly to the day, some to
    the month or the year, a few ranged with `end`, a few lasting years; some at
    several places; titles and descriptions of realistic length, some in Chinese.

Usage: generate-dataset.py --events 1000000 --locations 100000 --seed 1 --out F
"""

import argparse
import bisect
import io
import itertools
import json
import math
import os
import random
import sys

FIRST_YEAR = 1950
LAST_YEAR = 2025

# (id, name, name_zh, lon, lat), largest first: the rank sets the size.
CITIES = [
    ("chengdu", "Chengdu", "成都", 104.066, 30.573),
    ("chongqing", "Chongqing", "重庆", 106.551, 29.563),
    ("mianyang", "Mianyang", "绵阳", 104.679, 31.467),
    ("yibin", "Yibin", "宜宾", 104.643, 28.752),
    ("nanchong", "Nanchong", "南充", 106.110, 30.837),
    ("luzhou", "Luzhou", "泸州", 105.443, 28.871),
    ("deyang", "Deyang", "德阳", 104.398, 31.127),
    ("wanzhou", "Wanzhou", "万州", 108.409, 30.808),
    ("dazhou", "Dazhou", "达州", 107.468, 31.209),
    ("leshan", "Leshan", "乐山", 103.766, 29.552),
    ("fuling", "Fuling", "涪陵", 107.390, 29.703),
    ("zigong", "Zigong", "自贡", 104.778, 29.339),
    ("neijiang", "Neijiang", "内江", 105.058, 29.580),
    ("suining", "Suining", "遂宁", 105.593, 30.533),
    ("yongchuan", "Yongchuan", "永川", 105.927, 29.356),
    ("hechuan", "Hechuan", "合川", 106.276, 29.972),
    ("jiangjin", "Jiangjin", "江津", 106.259, 29.290),
    ("meishan", "Meishan", "眉山", 103.848, 30.075),
    ("guangan", "Guang'an", "广安", 106.633, 30.456),
    ("ziyang", "Ziyang", "资阳", 104.627, 30.129),
    ("panzhihua", "Panzhihua", "攀枝花", 101.718, 26.582),
    ("xichang", "Xichang", "西昌", 102.264, 27.895),
    ("guangyuan", "Guangyuan", "广元", 105.844, 32.436),
    ("bazhong", "Bazhong", "巴中", 106.747, 31.868),
    ("yaan", "Ya'an", "雅安", 103.013, 29.981),
    ("beibei", "Beibei", "北碚", 106.437, 29.825),
    ("bishan", "Bishan", "璧山", 106.227, 29.592),
    ("dazu", "Dazu", "大足", 105.722, 29.707),
    ("changshou", "Changshou", "长寿", 107.081, 29.857),
    ("qijiang", "Qijiang", "綦江", 106.651, 29.028),
    ("kaizhou", "Kaizhou", "开州", 108.393, 31.161),
    ("tongliang", "Tongliang", "铜梁", 106.056, 29.845),
    ("rongchang", "Rongchang", "荣昌", 105.594, 29.405),
    ("liangping", "Liangping", "梁平", 107.800, 30.674),
    ("tongnan", "Tongnan", "潼南", 105.841, 30.190),
    ("nanchuan", "Nanchuan", "南川", 107.099, 29.157),
    ("qianjiang", "Qianjiang", "黔江", 108.771, 29.533),
    ("jianyang", "Jianyang", "简阳", 104.547, 30.411),
    ("dujiangyan", "Dujiangyan", "都江堰", 103.620, 30.988),
    ("pengzhou", "Pengzhou", "彭州", 103.958, 30.990),
    ("emeishan", "Emeishan", "峨眉山", 103.484, 29.601),
    ("shuangliu", "Shuangliu", "双流", 103.923, 30.574),
]

# Most frequent first (Zipf rank).
SECTORS = [
    ("electronics", "Electronics and chips", "电子信息与芯片", "#1c71d8"),
    ("automotive", "Automotive", "汽车", "#e62d42"),
    ("logistics", "Logistics and ports", "物流与港口", "#986a44"),
    ("advanced-manufacturing", "Advanced manufacturing", "先进制造", "#ed5b00"),
    ("research", "Research and innovation", "科研创新", "#16998c"),
    ("big-data-ai", "Big data and AI", "大数据与人工智能", "#a845b8"),
    ("urban-development", "Urban development", "城市建设", "#7a8899"),
    ("finance", "Finance", "金融", "#b57f00"),
    ("transport", "Transport", "交通", "#7f8c1f"),
    ("biomedicine", "Biomedicine", "生物医药", "#3a944a"),
    ("talent-education", "Talent and education", "人才与教育", "#d56199"),
    ("aerospace", "Aerospace", "航空航天", "#6a5ee8"),
]

# Syllables for district and place names, with a character for each.
SYLLABLES = [
    ("an", "安"), ("bai", "白"), ("bei", "北"), ("cheng", "城"), ("chuan", "川"),
    ("da", "大"), ("dong", "东"), ("feng", "丰"), ("fu", "福"), ("gao", "高"),
    ("guang", "光"), ("he", "河"), ("hua", "华"), ("jiang", "江"), ("jin", "金"),
    ("kai", "开"), ("long", "龙"), ("ming", "明"), ("nan", "南"), ("ning", "宁"),
    ("ping", "平"), ("qing", "青"), ("quan", "泉"), ("rong", "荣"), ("shan", "山"),
    ("shui", "水"), ("tai", "太"), ("tian", "天"), ("wan", "万"), ("xi", "西"),
    ("xin", "新"), ("yang", "阳"), ("yong", "永"), ("yu", "渝"), ("ze", "泽"),
    ("zhong", "中"), ("hong", "红"), ("lin", "林"), ("song", "松"), ("yun", "云"),
]

# kind, weight, English word, Chinese word
KINDS = [
    ("company", 34, "Company", "公司"),
    ("park", 12, "Industrial Park", "产业园"),
    ("institute", 12, "Institute", "研究院"),
    ("venue", 8, "Convention Centre", "会展中心"),
    ("zone", 8, "Development Zone", "开发区"),
    ("port", 3, "Port", "港"),
    ("hi-tech-zone", 2, "Hi-tech Zone", "高新区"),
    ("district", 3, "Township", "镇"),
    ("city", 1, "New Town", "新城"),
    ("new-area", 0.4, "New Area", "新区"),
    ("science-city", 0.4, "Science City", "科学城"),
    ("route", 2, "Line", "线"),
]

# English and Chinese words to build names and texts from, in pairs.
TOPICS = [
    ("Intelligent", "智能"), ("Digital", "数字"), ("Green", "绿色"), ("Precision", "精密"),
    ("New Energy", "新能源"), ("Smart", "智慧"), ("Western", "西部"), ("Yangtze", "长江"),
    ("Silk Road", "丝路"), ("Jialing", "嘉陵"), ("Tianfu", "天府"), ("Liangjiang", "两江"),
    ("Integrated", "集成"), ("Advanced", "先进"), ("Modern", "现代"), ("Innovation", "创新"),
]
PRODUCTS = [
    ("semiconductor", "半导体"), ("display panel", "显示面板"), ("vehicle", "整车"),
    ("battery", "电池"), ("software", "软件"), ("medical device", "医疗器械"),
    ("container", "集装箱"), ("drone", "无人机"), ("robot", "机器人"), ("laptop", "笔记本电脑"),
    ("vaccine", "疫苗"), ("sensor", "传感器"), ("rail transit", "轨道交通"),
    ("cloud computing", "云计算"), ("hydrogen", "氢能"), ("satellite", "卫星"),
]
ACTIONS = [
    ("opens", "启用"), ("breaks ground on", "开工建设"), ("signs deal on", "签约"),
    ("completes", "建成"), ("launches", "发布"), ("expands", "扩建"), ("wins approval for", "获批"),
    ("starts building", "开建"), ("hosts forum on", "举办论坛："),
]
FACILITIES = [
    ("production line", "生产线"), ("research centre", "研发中心"), ("logistics hub", "物流枢纽"),
    ("pilot plant", "中试基地"), ("data centre", "数据中心"), ("training base", "实训基地"),
    ("headquarters", "总部"), ("laboratory", "实验室"), ("terminal", "码头"),
]
SENTENCES = [
    "The project covers {area} square kilometres and is expected to employ {people} people.",
    "Total investment is put at {money} billion yuan, part of it from provincial funds.",
    "Officials from {city} attended the ceremony together with representatives of {n} enterprises.",
    "It is one of {n} key projects of the Chengdu–Chongqing Economic Circle for the year.",
    "Output of {product} products is planned to reach {money} billion yuan a year.",
    "The site lies near the {river} River, {km} km from the city centre.",
    "Local reports say the first phase took {months} months to build.",
    "Cooperation with partners in {city2} covers {product} supply chains and talent exchange.",
]
SENTENCES_ZH = [
    "项目占地{area}平方公里，预计带动就业{people}人。",
    "总投资约{money}亿元，其中部分来自省级资金。",
    "{city}有关负责人和{n}家企业代表出席仪式。",
    "该项目是成渝地区双城经济圈年度{n}个重点项目之一。",
    "规划{product}产品年产值达到{money}亿元。",
    "项目位于{river}江畔，距市中心{km}公里。",
]
RIVERS = [("Yangtze", "长"), ("Jialing", "嘉陵"), ("Min", "岷"), ("Tuo", "沱"), ("Fu", "涪"),
          ("Qu", "渠"), ("Wu", "乌")]
PUBLISHERS = ["iChongqing", "Sichuan Daily", "Chongqing Daily", "Chengdu Commercial Daily",
              "Xinhua", "China Daily", "West China City News", "People's Daily Online"]
AUTHORS = ["Li Wei", "Zhang Min", "Wang Fang", "Liu Yang", "Chen Jing", "Yang Lei",
           "Zhao Qiang", "Huang Yan", "Zhou Tao", "Wu Xia"]


def zipf_cumulative(n, exponent):
    """Cumulative weights of a Zipf-like law over n ranks, for bisect()."""
    return list(itertools.accumulate(1.0 / (k + 1) ** exponent for k in range(n)))


def pick(rng, cumulative):
    return bisect.bisect_right(cumulative, rng.random() * cumulative[-1])


def clamp(value, low, high):
    return max(low, min(high, value))


def days_in_month(year, month):
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def coord(value):
    return round(value, 5)


class Generator:
    def __init__(self, n_events, n_locations, seed, date_order=False):
        self.rng = random.Random(seed)
        self.date_order = date_order
        self.n_events = n_events
        self.n_locations = max(1, n_locations)
        self.sector_weights = zipf_cumulative(len(SECTORS), 1.0)
        self.kind_weights = list(itertools.accumulate(k[1] for k in KINDS))
        self.city_weights = zipf_cumulative(len(CITIES), 1.1)
        # Years weighted by exponential growth: 2025 has ~30 times the events of 1950.
        self.year_weights = list(itertools.accumulate(
            math.exp(0.045 * (y - FIRST_YEAR)) for y in range(FIRST_YEAR, LAST_YEAR + 1)))
        self.n_sources = max(3, min(5000, n_events // 400))
        # What is kept per place, for the events: a million places at 10M events.
        # Names and sector lists repeat (a few thousand of each), so each is
        # kept once; the events themselves are written as they are made.
        self.short_names = []
        self.shared = {}
        self.id_width = max(4, len(str(self.n_locations - 1)))

    def share(self, value):
        """One copy of each equal tuple, for the tables kept per place."""
        return self.shared.setdefault(value, value)

    # Vocabularies -----------------------------------------------------------

    def make_districts(self):
        """About 200 districts, more for the large cities, each with a centre."""
        rng = self.rng
        self.districts = []
        self.city_districts = []
        used = set()
        for rank, (cid, _, _, lon, lat) in enumerate(CITIES):
            size = 1.0 / (rank + 1) ** 1.1  # relative to the largest city
            count = max(2, round(30 * size ** 0.7))
            spread = (0.04 + 0.16 * size ** 0.5)
            first = len(self.districts)
            for _ in range(count):
                while True:
                    a, b = rng.choice(SYLLABLES), rng.choice(SYLLABLES)
                    did = "%s-%s%s" % (cid, a[0], b[0])
                    if did not in used and a != b:
                        break
                used.add(did)
                dlon = lon + rng.gauss(0, spread)
                dlat = lat + rng.gauss(0, spread * 0.8)
                self.districts.append({
                    "id": did,
                    "name": "%s%s District" % (a[0].capitalize(), b[0]),
                    "name_zh": a[1] + b[1] + "区",
                    "city": rank,
                    "lon": dlon,
                    "lat": dlat,
                    "radius": spread * rng.uniform(0.15, 0.4),
                })
            self.city_districts.append((first, count, zipf_cumulative(count, 1.0)))

    def district_json(self, d):
        rng = self.rng
        out = {"id": d["id"], "name": d["name"], "name_zh": d["name_zh"]}
        if rng.random() < 0.15:
            out["geometry"] = {"type": "Polygon",
                               "coordinates": [self.ring(d["lon"], d["lat"], d["radius"], 12)]}
            out["approximate"] = True
        if rng.random() < 0.5:
            out["description"] = "A district of %s, one of the areas of the %s cluster." % (
                CITIES[d["city"]][1], self.words(2))
        return out

    def source_json(self, index):
        rng = self.rng
        year = rng.randint(2000, LAST_YEAR)
        out = {
            "id": "src-%05d" % index,
            "title": "%s %s in %s" % (rng.choice(TOPICS)[0], rng.choice(PRODUCTS)[0].title(),
                                       rng.choice(CITIES)[1]),
            "publisher": rng.choice(PUBLISHERS),
        }
        if rng.random() < 0.5:
            out["author"] = rng.choice(AUTHORS)
        month = rng.randint(1, 12)
        out["date"] = self.date_text(year, month, rng.randint(1, days_in_month(year, month)),
                                     rng.choice((1, 2, 3, 3)))
        if rng.random() < 0.7:
            out["url"] = "https://example.org/news/%d/%06d.html" % (year, index)
        if rng.random() < 0.05:
            out["note"] = "The page gives no date; dated from its archive listing."
        return out

    # Texts -----------------------------------------------------------------

    def words(self, n):
        return " ".join(self.rng.choice(TOPICS)[0] for _ in range(n))

    def sentence(self, zh):
        rng = self.rng
        template = rng.choice(SENTENCES_ZH if zh else SENTENCES)
        river = rng.choice(RIVERS)
        return template.format(
            area=rng.randint(2, 120), people=rng.randint(3, 200) * 100,
            money=round(rng.uniform(0.5, 300), 1), n=rng.randint(3, 60),
            city=rng.choice(CITIES)[2 if zh else 1], city2=rng.choice(CITIES)[1],
            product=rng.choice(PRODUCTS)[1 if zh else 0], river=river[1 if zh else 0],
            km=rng.randint(3, 80), months=rng.randint(6, 40))

    def paragraph(self, zh, low, high):
        count = self.rng.randint(low, high)
        return ("" if zh else " ").join(self.sentence(zh) for _ in range(count))

    # Geometry --------------------------------------------------------------

    def ring(self, lon, lat, radius, n):
        rng = self.rng
        points = []
        for i in range(n):
            angle = 2 * math.pi * i / n
            r = radius * rng.uniform(0.7, 1.0)
            points.append([coord(clamp(lon + r * math.cos(angle), -180, 180)),
                           coord(clamp(lat + r * 0.8 * math.sin(angle), -90, 90))])
        points.append(points[0])
        return points

    def line(self, lon, lat, n):
        rng = self.rng
        points = [[coord(lon), coord(lat)]]
        heading = rng.uniform(0, 2 * math.pi)
        for _ in range(n - 1):
            heading += rng.gauss(0, 0.4)
            lon += 0.03 * math.cos(heading)
            lat += 0.03 * math.sin(heading)
            points.append([coord(lon), coord(lat)])
        return points

    # Places ----------------------------------------------------------------

    def make_location(self, index):
        rng = self.rng
        city = pick(rng, self.city_weights)
        first, count, weights = self.city_districts[city]
        district_index = first + pick(rng, weights)
        d = self.districts[district_index]
        lon = clamp(d["lon"] + rng.gauss(0, d["radius"]), -180, 180)
        lat = clamp(d["lat"] + rng.gauss(0, d["radius"] * 0.8), -90, 90)
        kind, _, kind_en, kind_zh = KINDS[pick(rng, self.kind_weights)]
        topic = rng.choice(TOPICS)
        product = rng.choice(PRODUCTS)
        cid, cname, czh = CITIES[city][:3]

        if kind == "company":
            a, b = rng.choice(SYLLABLES), rng.choice(SYLLABLES)
            short = "%s%s %s" % (a[0].capitalize(), b[0], product[0].title())
            short_zh = a[1] + b[1] + product[1]
            name = "%s %s Co., Ltd." % (cname, short)
            name_zh = czh + short_zh + "有限公司"
        else:
            short = "%s %s" % (cname, kind_en.split()[-1])
            short_zh = czh + kind_zh
            name = "%s %s %s" % (cname, topic[0], kind_en)
            name_zh = czh + topic[1] + kind_zh
        self.short_names.append(self.share((short, short_zh)))

        n_sectors = rng.choice((0, 1, 1, 1, 2, 2, 3))
        sectors = sorted({pick(rng, self.sector_weights) for _ in range(n_sectors)})
        out = {"id": "%s-%0*d" % (cid, self.id_width, index), "name": name}
        if rng.random() < 0.8:
            out["name_zh"] = name_zh
        out["kind"] = kind
        if rng.random() < 0.92:
            out["district"] = d["id"]
        out["sectors"] = [SECTORS[s][0] for s in sectors]
        out["point"] = [coord(lon), coord(lat)]

        shape = rng.random()
        if kind == "route":
            if shape < 0.1:
                out["geometry"] = {"type": "MultiLineString",
                                   "coordinates": [self.line(lon, lat, rng.randint(2, 8)),
                                                   self.line(lon, lat, rng.randint(2, 8))]}
            else:
                out["geometry"] = {"type": "LineString",
                                   "coordinates": self.line(lon, lat, rng.randint(2, 12))}
            out["approximate"] = True
        elif kind in ("zone", "park", "new-area", "science-city", "hi-tech-zone") and shape < 0.2:
            radius = rng.uniform(0.005, 0.05)
            if shape < 0.01:
                out["geometry"] = {"type": "MultiPolygon", "coordinates": [
                    [self.ring(lon, lat, radius, 8)],
                    [self.ring(lon + 3 * radius, lat, radius, 6)]]}
            else:
                out["geometry"] = {"type": "Polygon",
                                   "coordinates": [self.ring(lon, lat, radius, rng.randint(5, 10))]}
            out["approximate"] = rng.random() < 0.5

        if rng.random() < 0.35:
            out["description"] = "%s %s in %s, %s." % (
                topic[0], kind_en.lower(), d["name"], rng.choice(PRODUCTS)[0]) + " " + \
                self.paragraph(False, 1, 2)
        if rng.random() < 0.15:
            out["description_zh"] = self.paragraph(True, 1, 2)
        if rng.random() < 0.12:
            out["facts"] = [self.fact() for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.03:
            out["note"] = "Placed at its district centre; the exact site is not published."
        return out

    def fact(self):
        rng = self.rng
        product = rng.choice(PRODUCTS)
        year = rng.randint(2005, LAST_YEAR)
        value = rng.randint(2, 900)
        out = {"label": "Output of %s (%d)" % (product[0], year),
               "value": "RMB %d million" % value}
        if rng.random() < 0.6:
            out["label_zh"] = "%s产值（%d年）" % (product[1], year)
            out["value_zh"] = "%d百万元" % value
        return out

    # Events ----------------------------------------------------------------

    def date_text(self, year, month, day, precision):
        if precision == 1:
            return "%04d" % year
        if precision == 2:
            return "%04d-%02d" % (year, month)
        return "%04d-%02d-%02d" % (year, month, day)

    def random_date(self):
        rng = self.rng
        year = FIRST_YEAR + pick(rng, self.year_weights)
        month = rng.randint(1, 12)
        day = rng.randint(1, days_in_month(year, month))
        return year, month, day

    @staticmethod
    def add_days(year, month, day, n):
        while n > 0:
            left = days_in_month(year, month) - day
            if n <= left:
                return year, month, day + n
            n -= left + 1
            day = 1
            month += 1
            if month > 12:
                month, year = 1, year + 1
        return year, month, day

    def event_dates(self):
        rng = self.rng
        year, month, day = self.random_date()
        r = rng.random()
        precision = 3 if r < 0.80 else 2 if r < 0.93 else 1
        date = self.date_text(year, month, day, precision)
        r = rng.random()
        if r < 0.03:
            # A few days to a few months; the end starts on or after the start.
            y, m, d = self.add_days(year, month, day, rng.randint(1, 300))
            end_precision = 3
            if precision != 3 and rng.random() < 0.5 and (y, m) > (year, month):
                end_precision = 2  # "2019-12-05" to "2020-03": the end month starts later
            return date, self.date_text(y, m, d, end_precision)
        if r < 0.033:
            # A long one: one to ten years.
            y = year + rng.randint(1, 10)
            return date, self.date_text(y, rng.randint(1, 12), 1, rng.choice((1, 2)))
        return date, None

    def make_event(self, index, location_weights, location_ids, location_sectors, dates):
        rng = self.rng
        date, end = dates[index] if dates is not None else self.event_dates()
        place = pick(rng, location_weights)
        places = [place]
        if rng.random() < 0.1:
            for _ in range(rng.randint(1, 3)):
                other = pick(rng, location_weights)
                if other not in places:
                    places.append(other)

        action = rng.choice(ACTIONS)
        facility = rng.choice(FACILITIES)
        product = rng.choice(PRODUCTS)
        name, name_zh = self.short_names[place]
        r = rng.random()
        if r < 0.15:
            title = "%s %s %s %s" % (name, action[0], product[0], facility[0])
            title_zh = "%s%s%s%s" % (name_zh, action[1], product[1], facility[1])
        elif r < 0.75:
            title = "%s %s %s" % (name, action[0], facility[0])
            title_zh = "%s%s%s" % (name_zh, action[1], facility[1])
        else:
            title = "%s %s %s" % (name, action[0], product[0])
            title_zh = "%s%s%s项目" % (name_zh, action[1], product[1])

        sectors = location_sectors[place]
        if sectors and rng.random() < 0.9:
            chosen = sorted(set(rng.choice(sectors) for _ in range(rng.choice((1, 1, 1, 2)))))
        else:
            chosen = sorted({pick(rng, self.sector_weights) for _ in range(rng.randint(0, 2))})

        out = {"id": "ev-%07d" % index, "date": date}
        if end is not None:
            out["end"] = end
        out["title"] = title
        if rng.random() < 0.1:
            out["title_zh"] = title_zh
        out["location"] = location_ids[place] if len(places) == 1 else \
            [location_ids[p] for p in places]
        out["sectors"] = [SECTORS[s][0] for s in chosen]
        if rng.random() < 0.03:
            out["description"] = self.paragraph(False, 1, 2)
        if rng.random() < 0.015:
            out["description_zh"] = self.paragraph(True, 1, 2)
        out["source"] = "src-%05d" % pick(rng, self.source_weights)
        if rng.random() < 0.02:
            out["note"] = "The article gives only the month; dated to it."
        return out

    # Output ----------------------------------------------------------------

    def write(self, out):
        dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

        def write_array(key, items, last=False):
            out.write('"%s":[\n' % key)
            first = True
            for item in items:
                if not first:
                    out.write(",\n")
                out.write(dump(item))
                first = False
            out.write("\n]%s\n" % ("" if last else ","))

        self.make_districts()
        self.source_weights = zipf_cumulative(self.n_sources, 0.8)
        out.write("{\n")
        out.write('"atlas":1,\n')
        out.write('"title":%s,\n' % dump("Synthetic benchmark dataset: %d events at %d places" % (
            self.n_events, self.n_locations)))
        out.write('"title_zh":%s,\n' % dump("合成基准数据集：%d个地点，%d个事件" % (
            self.n_locations, self.n_events)))
        out.write('"description":%s,\n' % dump(
            "Generated by benchmarks/generate-dataset.py: places clustered around real city "
            "centres of Sichuan and Chongqing, invented events. Not real data."))
        out.write('"license":"CC0-1.0",\n')
        write_array("sources", (self.source_json(i) for i in range(self.n_sources)))
        write_array("sectors", ({"id": s[0], "name": s[1], "name_zh": s[2], "color": s[3]}
                                for s in SECTORS))
        write_array("districts", (self.district_json(d) for d in self.districts))

        location_ids = []
        location_sectors = []

        def locations():
            for i in range(self.n_locations):
                loc = self.make_location(i)
                location_ids.append(loc["id"])
                location_sectors.append(self.share(tuple(
                    s for s in range(len(SECTORS)) if SECTORS[s][0] in loc["sectors"])))
                yield loc

        write_array("locations", locations())

        # Some places draw many events, most a few, some none: a power law over a
        # shuffled order, so popularity does not follow the index.
        order = list(range(self.n_locations))
        self.rng.shuffle(order)
        popularity = [0.0] * self.n_locations
        for rank, place in enumerate(order):
            popularity[place] = 1.0 / (rank + 1) ** 0.7
        location_weights = list(itertools.accumulate(popularity))
        del order, popularity

        # --date-order: the same kind of events, written in the order of their dates
        # (for measuring what the order of a file costs the app).
        dates = None
        if self.date_order:
            dates = sorted((self.event_dates() for _ in range(self.n_events)),
                           key=lambda d: d[0])
        write_array("events", (self.make_event(i, location_weights, location_ids,
                                                location_sectors, dates)
                               for i in range(self.n_events)), last=True)
        out.write("}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--locations", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="the file to write; - for standard output")
    parser.add_argument("--date-order", action="store_true",
                        help="write the events in date order (by default their order is random)")
    args = parser.parse_args()
    if args.events < 0 or args.locations < 1:
        parser.error("--events must be 0 or more and --locations 1 or more")

    generator = Generator(args.events, args.locations, args.seed, args.date_order)
    if args.out == "-":
        try:
            generator.write(sys.stdout)
        except BrokenPipeError:  # e.g. piped into head
            sys.stderr.close()
        return

    # Write next to the target and rename, so an interrupted run leaves no
    # truncated file that a later benchmark would take for a dataset.
    temporary = args.out + ".part"
    with io.open(temporary, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        generator.write(out)
    os.replace(temporary, args.out)


if __name__ == "__main__":
    main()
