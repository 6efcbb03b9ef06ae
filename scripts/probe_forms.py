#!/usr/bin/env python3
"""Invented 项目支出绩效自评表 forms of three budget templates (年初 | 全年 | 执行 with
其中 rows; 全年（A）| 执行（B）; funds by source across: 中央 | 省级 | 本级 | 合计 |
执行数), each printed in seven shapes copies of real forms take (pipes, tabs,
one row per line, one line, one cell per line, one cell per line with a blank
line between rows, cells run together). Every number that takes part in a
relation of the form (the budget's rate and score, the 其中 rows and the sources
adding up, the scores adding up to 总分) is altered beyond rounding, one at a
time; an alteration is caught when the check raises a finding the clean form
does not. Prints the catch rate per shape and the error findings on the clean
forms (false errors), and exits 1 below --min-catch or above --max-false.

Not a fixture generator: the texts live in a temporary directory only. Some
alterations cannot be caught by any checker: a 年初预算数 whose 其中 row leaves
it blank (unknown, not zero), and a rate printed whole (95%) that an altered
amount still rounds to.

usage: probe_forms.py BIN [N] [--min-catch R] [--max-false K] [--variant two-row-header]
       (V=1 lists false errors, MISSES=1 the alterations missed, WARNED=1 (tables) those caught by warnings alone)
"""
import random
from decimal import Decimal
from probe_common import arguments, probe_tables, q
ARGS=arguments(12); BIN=ARGS.bin; N=ARGS.n; random.seed(1)
D=Decimal
NAMES=['农村饮水安全巩固提升','城乡居民医疗救助','乡村道路养护','文化惠民演出','高标准农田建设','森林防火专项','学生营养改善计划','残疾人康复服务','基层医疗卫生机构运行','农业技术推广']
UNITS=['县水利局','县民政局','县交通运输局','县文化馆','县农业农村局','县林业局','县教育局','县残联','县卫健委','县农技站']
IND={'产出指标':[('数量指标',['覆盖人数','完成项目数','培训人次','维修里程']),('质量指标',['验收合格率','资金使用合规率']),('时效指标',['完成及时率']),('成本指标',['成本控制率'])],
     '效益指标':[('社会效益指标',['群众受益程度','服务水平提升']),('经济效益指标',['带动增收']),('可持续影响指标',['长效机制建立'])],
     '满意度指标':[('服务对象满意度指标',['受益群众满意度'])]}
GW={'产出指标':50,'效益指标':30,'满意度指标':10}
def split(total,k):
    # k positive integer weights adding to total
    cuts=sorted(random.sample(range(1,total),k-1)) if k>1 else []
    ps=[b-a for a,b in zip([0]+cuts,cuts+[total])]
    if min(ps)<2: return split(total,k)
    return ps
def fmt_amt(x,style):
    # As forms print amounts: bare, with thousands separators, or with their unit.
    if style=='int' and x==x.to_integral(): return str(int(x))
    if style=='comma': return f'{x:,.2f}'
    if style=='unit': return f'{x:.2f}万元'
    return f'{x:.2f}'
def make(i):
    r=random.Random(i)
    name=r.choice(NAMES)+'项目'; unit=r.choice(UNITS)
    A=q(D(r.randint(1500,250000))/100) if r.random()<0.8 else D(r.randint(20,900))
    init=A if r.random()<0.5 else q(A*D(r.choice(['0.8','0.9','0.95'])))
    carry=D(0) if r.random()<0.5 else q(A*D(r.choice(['0.1','0.2','0.05'])))
    B=q(A*D(r.randint(8600,10000))/10000)
    if r.random()<0.2: B=A
    rate=q(B/A*100)
    wb=10
    bscore=q(wb*B/A)  # score = weight × rate
    rows=[]
    for g,subs in IND.items():
        k=sum(len(s[1]) for s in subs); ws=split(GW[g],k); j=0
        for s2,names in subs:
            for nm in names:
                w=ws[j]; j+=1
                sc=D(w) if r.random()<0.7 else q(D(w)-D(r.randint(1,max(2,w*5)))/10,1)
                if sc<0: sc=D(0)
                rows.append((g,s2,nm,w,sc))
    total=bscore+sum(x[4] for x in rows)
    total=q(total,2)
    return dict(name=name,unit=unit,A=A,init=init,carry=carry,B=B,rate=rate,wb=wb,bscore=bscore,rows=rows,total=total,
                style=r.choice(['int','int','dec','dec','dec','comma','unit']), ratefmt=r.choice(['%','%','%','pct0']), tmpl=['national','ab','src'][i%3],
                ind='split' if ARGS.variant=='two-row-header' else 'one')
def table(f):
    """rows of cells; each numeric cell as (text, key) so alterations can target it"""
    st=f['style']; A,B,init,carry=f['A'],f['B'],f['init'],f['carry']
    rt=f"{f['rate']}%" if f['ratefmt']=='%' else f"{q(f['rate'],0)}%"
    bs=f"{q(f['bscore'],2)}"
    T=[]
    T.append([('项目支出绩效自评表',None)])
    T.append([('（2023年度）',None)])
    T.append([('项目名称',None),(f['name'],None)])
    T.append([('主管部门',None),(f['unit'][:1]+'财政局',None),('实施单位',None),(f['unit'],None)])
    if f['tmpl']=='national':
      T.append([('项目资金（万元）',None),('',None),('年初预算数',None),('全年预算数',None),('全年执行数',None),('分值',None),('执行率',None),('得分',None)])
      T.append([('',None),('年度资金总额',None),(fmt_amt(init,st),'init'),(fmt_amt(A,st),'A'),(fmt_amt(B,st),'B'),('10',None),(rt,'rate'),(bs,'bscore')])
      T.append([('',None),('其中：当年财政拨款',None),(fmt_amt(init,st),'init2'),(fmt_amt(A-carry,st),'A1'),(fmt_amt(B-carry if B>carry else B,st),'B1'),('—',None),('—',None),('—',None)])
      T.append([('',None),('上年结转资金',None),('',None),(fmt_amt(carry,st),'Ac'),(fmt_amt(carry if B>carry else D(0),st),'Bc'),('—',None),('—',None),('—',None)])
      T.append([('',None),('其他资金',None),('',None),('',None),('',None),('—',None),('—',None),('—',None)])
    elif f['tmpl']=='ab':
      T.append([('资金情况（万元）',None),('',None),('全年预算数（A）',None),('全年执行数（B）',None),('分值',None),('执行率（B/A）',None),('得分',None)])
      T.append([('',None),('年度资金总额：',None),(fmt_amt(A,st),'A'),(fmt_amt(B,st),'B'),('10',None),(rt,'rate'),(bs,'bscore')])
      T.append([('',None),('其中：本年财政拨款',None),(fmt_amt(A-carry,st),'A1'),(fmt_amt(B-carry if B>carry else B,st),'B1'),('—',None),('—',None),('—',None)])
      T.append([('',None),('上年结转资金',None),(fmt_amt(carry,st),'Ac'),(fmt_amt(carry if B>carry else D(0),st),'Bc'),('—',None),('—',None),('—',None)])
      T.append([('',None),('其他资金',None),('',None),('',None),('—',None),('—',None),('—',None)])
    else:  # sources as columns (中央 / 省 / 本级), then 合计 and 执行数
      c1=q(A*D('0.6')); c2=q(A*D('0.25')); c3=A-c1-c2
      T.append([('项目资金（万元）',None),('中央',None),('省级',None),('本级',None),('合计',None),('执行数',None),('分值',None),('执行率',None),('得分',None)])
      T.append([('',None),(fmt_amt(c1,st),'A1'),(fmt_amt(c2,st),'A2'),(fmt_amt(c3,st),'A3'),(fmt_amt(A,st),'A'),(fmt_amt(B,st),'B'),('10',None),(rt,'rate'),(bs,'bscore')])
    T.append([('年度总体目标',None),('预期目标',None),('实际完成情况',None)])
    T.append([('',None),('按计划完成项目建设任务，提升服务水平。',None),('已按计划完成全部任务，服务水平明显提升。',None)])
    # With --variant two-row-header the indicators' header is printed in two
    # rows, the 年度指标值 spelled out below as 指标性质 | 指标值 | 度量单位 (a
    # provincial template), and the unit in its column.
    split=f['ind']=='split'
    if split:
      T.append([('绩效指标',None),('年度指标值',None),('实际完成值',None),('分值',None),('得分',None),('偏差原因分析及改进措施',None)])
      T.append([('一级指标',None),('二级指标',None),('三级指标',None),('指标性质',None),('指标值',None),('度量单位',None)])
    else:
      T.append([('绩效指标',None),('一级指标',None),('二级指标',None),('三级指标',None),('年度指标值',None),('实际完成值',None),('分值',None),('得分',None),('偏差原因分析及改进措施',None)])
    lastg=lasts=None
    for n,(g,s2,nm,w,sc) in enumerate(f['rows']):
        gl=f'{g}（{GW[g]}分）' if g!=lastg else ''
        sl=s2 if (g,s2)!=lasts else ''
        lastg=g; lasts=(g,s2)
        tgt='≥95%' if '率' in nm else '≥100'
        act='98%' if '率' in nm else '120'
        if split:
          sign,val,unit=('≥','95','%') if '率' in nm else ('＝','100','人')
          T.append([(gl,None),(sl,None),(nm,None),(sign,None),(val,None),(unit,None),(act.rstrip('%'),None),(str(w),None),(str(sc),f'sc{n}'),('',None)])
        else:
          T.append([('',None),(gl,None),(sl,None),(nm,None),(tgt,None),(act,None),(str(w),None),(str(sc),f'sc{n}'),('',None)])
    T.append([('总分',None),('',None),('',None),('',None),('',None),('',None),('100',None),(str(f['total']),'total'),('',None)])
    return T
SHAPES=['pipe','spaces','tabs','flat','cells','cellrows','rowrun','run']
def blank_zero(k,c):
    # A 其中 row's zero is printed as a zero, never altered (nothing to catch).
    return k in ('init2','A1','B1','Bc','Ac') and c in ('0','0.00')
forms=[]
for i in range(N):
    forms.append(table(make(i)))
probe_tables(ARGS, forms, SHAPES, head=4, skip=blank_zero)

