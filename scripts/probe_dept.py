#!/usr/bin/env python3
"""Invented 部门整体支出绩效自评表 forms, printed in the seven shapes of
probe_forms.py: a 收支概况 of planned and received funds side by side with
their sources (其中：中央 / 省级 / 市县 / 其它) and the spending; a 支出明细 of
line items by economic class with planned and actual columns and their 合计;
and a score table whose 一级 and 二级 weights are printed in their labels
(`规划（15分）`), with scoring criteria that quote points of their own, and
its 总分; and, as many again, a department's 指标表 as some provinces print it,
each level's weight in a column after its name (`一级指标 | 分值 | 二级指标 |
分值 | 三级指标 | 分值 | 评价标准 | 得分`) and scoring rules as short as names
(`合规得满分`, `100%计满分`). Every number of a relation is altered beyond rounding, one at a time;
an alteration is caught when the check raises a finding the clean form does
not. Prints the catch rate per shape and the error findings on the clean forms
(false errors), and exits 1 below --min-catch or above --max-false.

Not a fixture generator: the texts live in a temporary directory only.

usage: probe_dept.py BIN [N] [--min-catch R] [--max-false K]   (V=1 lists false errors, MISSES=1 the alterations missed, WARNED=1 (tables) those caught by warnings alone)
"""
import random
from decimal import Decimal as D
from probe_common import arguments, probe_tables, q
ARGS = arguments(10)
UNITS = ['县审计局', '县妇女联合会', '县统计局', '县档案馆', '县司法局', '县科学技术协会', '县信访局', '县机关事务服务中心']
ITEMS = ['基本工资', '津贴补贴', '奖金', '机关事业单位基本养老保险缴费', '职工基本医疗保险缴费', '住房公积金',
         '其他工资福利支出', '办公费', '印刷费', '水费', '电费', '邮电费', '差旅费', '维修（护）费', '培训费',
         '公务接待费', '公务用车运行维护费', '委托业务费', '劳务费', '其他商品和服务支出', '抚恤金', '生活补助']
GROUPS = [('规划', [('基础信息', ['基础信息完整性']), ('工作计划', ['年度工作计划完整性', '年度工作计划明确性']),
                   ('绩效目标', ['年度绩效目标合理性', '年度绩效目标明确性'])]),
          ('执行', [('预算执行', ['预算执行率', '预算调整率', '支付进度率', '结转结余率']),
                   ('预算管理', ['管理制度健全性', '资金使用合规性']), ('资产管理', ['资产管理安全性', '固定资产利用率'])]),
          ('效果', [('履职效果', ['年度工作任务完成率', '重点工作完成情况']), ('社会效应', ['社会公众满意度'])])]
GW = [15, 35, 50]


def split(r, total, k, least=1):
    while True:
        cuts = sorted(r.sample(range(1, total), k - 1)) if k > 1 else []
        ps = [b - a for a, b in zip([0] + cuts, cuts + [total])]
        if min(ps) >= least:
            return ps


def amount(r, lo, hi):
    return q(D(r.randint(lo, hi)) / 100)


def make(i):
    r = random.Random(500 + i)
    unit = r.choice(UNITS)
    # Line items: planned and actual by economic class; their sums are the plan and spending.
    items = r.sample(ITEMS, r.randint(6, 14))
    lines = []
    for nm in items:
        p = amount(r, 0, 200000) if r.random() < 0.9 else D(0)
        a = q(p * D(r.randint(50, 120)) / 100) if p else amount(r, 0, 5000)
        lines.append((nm, p, a))
    plan = sum(p for _, p, _ in lines); spent = sum(a for _, _, a in lines)
    # Sources of the plan; received = plan or a little less, split alike.
    shares = [D('0.1'), D('0.3'), D(1)]
    central = q(plan * r.choice([D(0), D('0.1'), D('0.2')])); prov = q(plan * r.choice([D(0), D('0.15')])); local = plan - central - prov
    recv_local = local if r.random() < 0.6 else q(local * D('0.95'))
    recv = central + prov + recv_local
    style = r.choice(['dec', 'dec', 'int', 'comma', 'unit'])
    return dict(unit=unit, lines=lines, plan=plan, spent=spent, central=central, prov=prov, local=local,
                recv=recv, recv_local=recv_local, style=style, r=r)


def fmt(x, style):
    if x == 0: return ''  # Forms leave a fund they do not have blank.
    if style == 'int' and x == x.to_integral(): return str(int(x))
    if style == 'comma': return f'{x:,.2f}'
    if style == 'unit': return f'{x:.2f}万元'
    return f'{x:.2f}'


def scores(r):
    rows = []
    for (g, subs), gw in zip(GROUPS, GW):
        sw = split(r, gw, len(subs), 4)
        for (s2, names), w2 in zip(subs, sw):
            ws = split(r, w2, len(names))
            for nm, w in zip(names, ws):
                sc = D(w) if r.random() < 0.7 else q(D(w) - D(r.randint(1, max(1, w * 4))) / 4, 2).normalize()
                if sc < 0: sc = D(0)
                rows.append((g, gw, s2, w2, nm, w, sc))
    return rows


def table(f):
    st = f['style']; r = f['r']
    T = [[('部门整体支出绩效评价自评表', None)], [('（2023年度）', None)],
         [('部门（单位）名称', None), (f['unit'], None)],
         [('评价方式：部门（单位）绩效评价自评', None)],
         [('一、收支概况', None)],
         [('计划安排资金（万元）', None), (fmt(f['plan'], st), 'plan'), ('实际到位资金（万元）', None), (fmt(f['recv'], st), 'recv')]]
    for lab, pk, rk, pv, rv in [('其中：中央财政', 'c1', 'r1', f['central'], f['central']),
                                ('省级财政', 'c2', 'r2', f['prov'], f['prov']),
                                ('市县财政', 'c3', 'r3', f['local'], f['recv_local']),
                                ('其它', None, None, D(0), D(0))]:
        T.append([(lab, None), (fmt(pv, st), pk if pv else None), (lab, None), (fmt(rv, st), rk if rv else None)])
    T.append([('实际支出（万元）', None), (fmt(f['spent'], st), 'spent')])
    T.append([('二、年度决算报表支出明细', None)])
    T.append([('支出内容（经济科目）', None), ('计划支出数', None), ('实际支出数', None)])
    for n, (nm, p, a) in enumerate(f['lines']):
        T.append([(nm, None), (fmt(p, st) or '0', f'lip{n}' if p else None), (fmt(a, st) or '0', f'lia{n}' if a else None)])
    T.append([('支出合计', None), (fmt(f['plan'], st), 'plan2'), (fmt(f['spent'], st), 'spent2')])
    T.append([('三、绩效指标评分', None)])

    lastg = lasts = None
    rows = scores(r)
    lab = r.choice(['{}（{}分）', '{} ({}分)', '{}({}分)'])
    why = r.random() < 0.5  # a column explaining the indicator, formulas and all
    T.append([('序号', None), ('一级指标', None), ('二级指标', None), ('三级指标', None), ('指标分值', None)] + [('指标解释', None)] * why + [('评分标准', None), ('自评得分', None)])
    for n, (g, gw, s2, w2, nm, w, sc) in enumerate(rows):
        gl = (lab.format(g, gw), f'g_{g}') if g != lastg else ('', None)
        sl = (lab.format(s2, w2), f'w_{s2}') if s2 != lasts else ('', None)
        lastg, lasts = g, s2
        crit = f'{nm}达到目标的得{w}分，每降低1个百分点扣0.5分，扣完为止。' if w > 2 else f'符合要求的得{w}分，否则不得分。'
        expl = [(f'{nm[:-1]}=（实际完成数/计划数）×100%，用以反映和考核{nm[:-1]}情况。', None)] if why else []
        T.append([(str(n + 1), None), gl, sl, (nm, None), (str(w), f'sw{n}')] + expl + [(crit, None), (f'{sc:f}', f'sc{n}')])
    total = sum(x[6] for x in rows)
    T.append([('总分', None), ('', None), ('', None), ('', None), ('100', None)] + [('', None)] * why + [('', None), (str(total), 'total')])
    return T


# A department's 指标表 as some provinces print it: each level's weight in a
# column after its name (`一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值`),
# scoring rules short enough to pass for names (`合规得满分`).
INDEX_GROUPS = [('投入', [('预算配置', ['在职人员控制率', '三公经费变动率', '重点支出安排率'])]),
                ('过程', [('预算执行', ['预算完成率', '预算调整率', '支付进度率', '结转结余率', '公用经费控制率']),
                         ('预算管理', ['管理制度健全性', '资金使用合规性', '预决算信息公开性']),
                         ('资产管理', ['资产管理安全性', '固定资产利用率'])]),
                ('产出', [('职责履行', ['实际完成率', '完成及时率', '质量达标率'])]),
                ('效果', [('履职效益', ['社会效益', '可持续影响', '社会公众满意度'])])]
RULES = ['符合得满分', '合规得满分', '及时得满分，否则不得分', '100%计满分', '以100%为标准，每超过一个百分点扣0.5分',
         '完成率100%计满分，每低1个百分点扣{h}分', '公开得满分', '达标得满分，未达标酌情扣分']


def index_table(i):
    r = random.Random(1000 + i)
    T = [[('部门整体支出绩效评价指标表', None)]]
    explained = r.random() < 0.5
    T.append([('一级指标', None), ('分值', None), ('二级指标', None), ('分值', None), ('三级指标', None), ('分值', None)]
             + [('指标说明', None)] * explained + [('评价标准', None), ('得分', None)])
    total_w = total_s = n = 0
    for g1, subs in INDEX_GROUPS:
        ws = [[r.randint(2, 10) for _ in names] for _, names in subs]
        first1 = True
        for (g2, names), w2s in zip(subs, ws):
            first2 = True
            for nm, w in zip(names, w2s):
                sc = w if r.random() < 0.6 else D(r.randint(0, 2 * w)) / 2
                gl = [(g1, None), (str(sum(map(sum, ws))), f'g_{g1}')] if first1 else [('', None), ('', None)]
                sl = [(g2, None), (str(sum(w2s)), f'w_{g2}')] if first2 else [('', None), ('', None)]
                first1 = first2 = False
                why = [(f'反映{nm}情况', None)] if explained else []
                rule = r.choice(RULES).format(h=D(r.randint(1, 4)) / 2)
                T.append(gl + sl + [(nm, None), (str(w), f'sw{n}')] + why + [(rule, None), (f'{sc}', f'sc{n}')])
                n += 1
                total_w += w
                total_s += sc
    T.append([('合计', None), (str(total_w), None), ('', None), ('', None), ('', None), ('', None)] + [('', None)] * explained + [('', None), (f'{total_s}', 'total')])
    return T


probe_tables(ARGS, [table(make(i)) for i in range(ARGS.n)] + [index_table(i) for i in range(ARGS.n)], ['pipe', 'bars', 'barswrap', 'spaces', 'tabs', 'flat', 'cells', 'cellrows', 'rowrun', 'run'], head=5)
