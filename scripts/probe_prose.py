#!/usr/bin/env python3
"""Invented project and department reports in prose, each sentence drawn from a
few phrasings real reports use (the budget, its spending and rate; funds by
source as a 其中 list, with shares, or with their 合计; the balance and its
rate; a count times a standard; the total score and its four groups; income
and spending with their parts; 三公经费 against last year; and in further
reports a change on last year with both years, a 调整率, shares of spending,
counts that add up, a staff 控制率 and a 到位率, a 决算's income and
spending with their changes stated 分别, its 三公 with 公务用车 in two
pieces), printed one
sentence per line and wrapped at 34 characters. Every number of a relation is
altered beyond rounding, one at a time; an alteration is caught when the check
raises a finding the clean report does not. Prints the catch rate per quantity
and the error findings on the clean reports (false errors), and exits 1 below
--min-catch or above --max-false.

Not a fixture generator: the texts live in a temporary directory only. A
年初预算 stated alone and a 到位率 of 100% (an altered amount still rounds to
it) take part in no relation a checker could judge; an execution rate that
also holds over the 年初预算 is not judged wrong (either base is in use).

usage: probe_prose.py BIN [N] [--min-catch R] [--max-false K]   (V=1 lists false errors, MISSES=1 the alterations missed, WARNED=1 those caught by warnings alone)
"""
import os, random, re, shutil, tempfile
from collections import defaultdict
from decimal import Decimal as D
from probe_common import arguments, bump, findings, gate, q
ARGS=arguments(30); BIN=ARGS.bin; N=ARGS.n; random.seed(1)
def amt(x): return f'{x:.2f}'
def make(i):
    r=random.Random(1000+i)
    A=q(D(r.randint(5000,900000))/100); init=q(A*D(r.choice(['0.8','0.9','1','1']))); B=q(A*D(r.randint(8800,10000))/10000)
    c1=q(A*D(r.choice(['0.5','0.6','0.7']))); c2=q(A*D(r.choice(['0.2','0.25']))); c3=A-c1-c2
    rate=q(B/A*100); left=A-B
    recv=A
    groups=[('决策',20),('过程',20),('产出',40),('效益',20)]
    gs=[(n, q(D(w)-D(r.randint(0,30))/10,1)) for n,w in groups]
    total=sum(s for _,s in gs)
    grade='优秀' if total>=90 else '良好'
    n1=r.randint(100,3000); n2=r.randint(50,900); ntot=n1+n2
    std=r.choice([200,500,800,1200]); ppl=r.randint(100,900); money=q(D(std*ppl)/10000)
    T=[]  # (text with {k} markers)
    v={}
    def put(k,val): v[k]=val; return '{'+k+'}'
    intro=r.choice(['一、项目基本情况','（一）项目概况'])
    T.append(intro)
    s1=r.choice([
      f"本项目年初预算{put('init',amt(init))}万元，调整后全年预算{put('A',amt(A))}万元，实际支出{put('B',amt(B))}万元，预算执行率为{put('rate',str(rate))}%。",
      f"该项目{2023}年度全年预算数为{put('A',amt(A))}万元（年初预算{put('init',amt(init))}万元），截至年底实际支付{put('B',amt(B))}万元，执行率{put('rate',str(rate))}%。",
      f"项目资金总额{put('A',amt(A))}万元，全年执行{put('B',amt(B))}万元，资金执行率{put('rate',str(rate))}%，年初预算为{put('init',amt(init))}万元。",
      f"截至年底，项目到位资金{put('A',amt(A))}万元，已支付{put('B',amt(B))}万元，支付率{put('rate',str(rate))}%。"])
    T.append(s1)
    s2=r.choice([
      f"资金来源方面，中央补助资金{put('c1',amt(c1))}万元，省级资金{put('c2',amt(c2))}万元，县级配套资金{put('c3',amt(c3))}万元，合计{put('A2',amt(A))}万元。",
      f"其中：中央资金{put('c1',amt(c1))}万元、省级资金{put('c2',amt(c2))}万元、县本级资金{put('c3',amt(c3))}万元。",
      f"按资金来源分，中央财政{put('c1',amt(c1))}万元，占{put('p1',str(q(c1/A*100)))}%；省级财政{put('c2',amt(c2))}万元，占{put('p2',str(q(c2/A*100)))}%；县级财政{put('c3',amt(c3))}万元，占{put('p3',str(q(c3/A*100)))}%。"])
    T.append(s2)
    s3=r.choice([
      f"年末结余{put('left',amt(left))}万元。",
      f"项目结余资金{put('left',amt(left))}万元，结余率{put('lrate',str(q(left/A*100)))}%。",
      f"资金到位{put('recv',amt(recv))}万元，到位率100%。"])
    T.append(s3)
    adj=A-init
    if adj>0:
        T.append(r.choice([
          f"全年预算{put('A3',amt(A))}万元，其中年初预算{put('init3',amt(init))}万元，年中追加{put('adj',amt(adj))}万元。",
          f"年初预算{put('init3',amt(init))}万元，年中追加预算{put('adj',amt(adj))}万元，调整后预算{put('A3',amt(A))}万元。"]))
    x1=q(A*D('0.5')); x2=q(A*D('0.3')); x3=A-x1-x2
    T.append(r.choice([
      f"资金分配到3个乡镇，分别为：东镇{put('x1',amt(x1))}万元、西镇{put('x2',amt(x2))}万元、南乡{put('x3',amt(x3))}万元，合计{put('A4',amt(A))}万元。",
      f"按乡镇分，东镇{put('x1',amt(x1))}万元，西镇{put('x2',amt(x2))}万元，南乡{put('x3',amt(x3))}万元，共计{put('A4',amt(A))}万元。"]))
    k1=r.randint(3,30); k2=r.randint(2,20)
    # (Counts after 其中 may overlap, 女性 and 少数民族 among 培训人次: only a
    # total that names them all is theirs.)
    T.append(f"共完成新建项目{put('k1',str(k1))}个、改建项目{put('k2',str(k2))}个，合计{put('k',str(k1+k2))}个。")
    s4=r.choice([
      f"全年共补助{put('ppl',str(ppl))}人，每人补助标准{put('std',str(std))}元，发放补助资金{put('money',amt(money))}万元。",
      f"项目覆盖农户{put('n1',str(n1))}户、脱贫户{put('n2',str(n2))}户，共计{put('ntot',str(ntot))}户。"])
    T.append(s4)
    T.append('二、绩效评价结论')
    parts='、'.join(f"{n}{put('g'+str(k),str(s))}分" for k,(n,s) in enumerate(gs))
    s5=r.choice([
      f"经综合评价，该项目绩效自评得分{put('total',str(total))}分，其中{parts}，评价等级为“{grade}”。",
      f"项目自评总分{put('total',str(total))}分（{parts}），等级{grade}。"])
    T.append(s5)
    return T,v
def make_dept(i):
    r=random.Random(5000+i)
    v={}
    def put(k,val): v[k]=val; return '{'+k+'}'
    a_=q(D(r.randint(50000,900000))/100); b_=q(D(r.randint(1000,40000))/100); X=a_+b_
    Y=q(X*D(r.randint(8800,9900))/10000); z=X-Y
    c1=q(Y*D(r.choice(['0.5','0.55','0.6']))); c2=q(Y*D(r.choice(['0.1','0.12']))); c=c1+c2; d=Y-c
    last=q(D(r.randint(500,3000))/100); t1=q(D(r.randint(100,900))/100); t2=q(D(r.randint(100,1500))/100); t=t1+t2
    u=last-t; pct=q(abs(u)/last*100)
    way='减少' if u>0 else '增加'; way2='下降' if u>0 else '增长'
    T=['一、部门收支情况']
    T.append(r.choice([
      f"2023年度部门全年预算为{put('X',amt(X))}万元，其中：财政拨款{put('a',amt(a_))}万元，其他资金{put('b',amt(b_))}万元。",
      f"本年调整后预算{put('X',amt(X))}万元，包括财政拨款{put('a',amt(a_))}万元和其他资金{put('b',amt(b_))}万元。"]))
    T.append(r.choice([
      f"支出合计{put('Y',amt(Y))}万元，其中：基本支出{put('c',amt(c))}万元（人员经费{put('c1',amt(c1))}万元、公用经费{put('c2',amt(c2))}万元），项目支出{put('d',amt(d))}万元。",
      f"本年支出{put('Y',amt(Y))}万元，其中基本支出{put('c',amt(c))}万元，项目支出{put('d',amt(d))}万元。基本支出中，人员经费{put('c1',amt(c1))}万元，公用经费{put('c2',amt(c2))}万元。"]))
    T.append(r.choice([
      f"年末结转结余{put('z',amt(z))}万元，预算执行率为{put('r',str(q(Y/X*100)))}%。",
      f"部门预算执行率{put('r',str(q(Y/X*100)))}%，年末结余{put('z',amt(z))}万元。"]))
    T.append(r.choice([
      f"“三公”经费支出{put('t',amt(t))}万元，较上年{way}{put('u',amt(abs(u)))}万元，{way2}{put('pct',str(pct))}%。其中：公务接待费{put('t1',amt(t1))}万元，公务用车运行维护费{put('t2',amt(t2))}万元。",
      f"2023年“三公”经费支出{put('t',amt(t))}万元，上年为{put('last',amt(last))}万元，{way}{put('u',amt(abs(u)))}万元。其中公务接待费{put('t1',amt(t1))}万元、公务用车运行维护费{put('t2',amt(t2))}万元。"]))
    # Next year's 三公 budget, its parts in clauses of their own after `；`,
    # each with words of its own (a count of vehicles before the 购置及运行维护费).
    # (A generator of its own: the draws above stay as they were.)
    r2=random.Random(9000+i)
    s2=q(D(r2.randint(200,1500))/100); s3=q(D(r2.randint(100,900))/100)
    s1=D('0.00') if r2.random()<0.5 else q(D(r2.randint(50,300))/100); s=s1+s2+s3
    # (Each variant puts its own numbers: only the one drawn is written.)
    pick=r2.randrange(3)
    T.append([
      lambda: f"2024年“三公”经费预算安排{put('s',amt(s))}万元。其中：因公出国（境）费{put('s1',amt(s1))}万元；公务用车保有量{r2.randint(1,9)}辆，购置及运行维护费{put('s2',amt(s2))}万元，主要用于车辆保险、维修和燃油；公务接待费{put('s3',amt(s3))}万元，较上年持平。",
      lambda: f"2024年“三公”经费预算{put('s',amt(s))}万元，其中：公务接待费{put('s3',amt(s3))}万元，主要是严控接待标准；公车运行维护费{put('s2',amt(s2))}万元；因公出国（境）费{put('s1',amt(s1))}万元。",
      lambda: f"2024年“三公”经费预算{put('s',amt(s2+s3))}万元。其中，因公出国（境）费用没有；公务用车运行维护费{put('s2',amt(s2))}万元，主要用于车辆维修；公务接待费{put('s3',amt(s3))}万元。"][pick]())
    return T,v

def make_more(i):
    # Ratios and counts the issue names: a change on last year with both years
    # stated, a 调整率, shares of spending, counts that add up, a staff
    # 控制率, a 到位率.
    r=random.Random(9000+i)
    v={}
    def put(k,val): v[k]=val; return '{'+k+'}'
    T=['一、基本情况']
    L=q(D(r.randint(20000,500000))/100); Y=q(L*D(r.randint(8000,13000))/10000); g=q((Y-L)/L*100)
    up='增长' if Y>=L else '下降'
    T.append(r.choice([
      f"2023年项目支出{put('Y',amt(Y))}万元，2022年为{put('L',amt(L))}万元，同比{up}{put('g',str(abs(g)))}%。",
      f"本年度支出{put('Y',amt(Y))}万元，较上年的{put('L',amt(L))}万元{up}{put('g',str(abs(g)))}%。"]))
    init=q(D(r.randint(20000,500000))/100); A=q(init*D(r.randint(10100,13000))/10000); ar=q((A-init)/init*100)
    T.append(r.choice([
      f"年初预算{put('init',amt(init))}万元，调整后预算{put('A',amt(A))}万元，预算调整率{put('ar',str(ar))}%。",
      f"本年预算由年初的{put('init',amt(init))}万元调整为{put('A',amt(A))}万元，预算调整率为{put('ar',str(ar))}%。"]))
    c=q(D(r.randint(10000,300000))/100); d=q(D(r.randint(10000,300000))/100); tot=c+d
    T.append(r.choice([
      f"全年支出{put('tot',amt(tot))}万元，其中基本支出{put('c',amt(c))}万元，占{put('pc',str(q(c/tot*100)))}%；项目支出{put('d',amt(d))}万元，占{put('pd',str(q(d/tot*100)))}%。",
      f"本年支出合计{put('tot',amt(tot))}万元。基本支出{put('c',amt(c))}万元，占支出合计的{put('pc',str(q(c/tot*100)))}%，项目支出{put('d',amt(d))}万元，占{put('pd',str(q(d/tot*100)))}%。"]))
    k1=r.randint(3,40); k2=r.randint(1,15)
    T.append(r.choice([
      f"年初计划实施项目{put('k1',str(k1))}个，年中新增{put('k2',str(k2))}个，全年共实施项目{put('k',str(k1+k2))}个。",
      f"全年共实施项目{put('k',str(k1+k2))}个，其中续建项目{put('k1',str(k1))}个、新建项目{put('k2',str(k2))}个。"]))
    e=r.randint(20,300); n=e-r.randint(0,e//10); cr=q(D(n)/D(e)*100)
    T.append(r.choice([
      f"单位核定编制{put('e',str(e))}人，实有在职人员{put('n',str(n))}人，在职人员控制率{put('cr',str(cr))}%。",
      f"编制数{put('e',str(e))}人，年末实际在职人数{put('n',str(n))}人，在职人员控制率为{put('cr',str(cr))}%。"]))
    P=q(D(r.randint(20000,500000))/100); R=q(P*D(r.randint(8500,10000))/10000); rr=q(R/P*100)
    T.append(r.choice([
      f"应到位资金{put('P',amt(P))}万元，实际到位资金{put('R',amt(R))}万元，资金到位率{put('rr',str(rr))}%。",
      f"计划安排资金{put('P',amt(P))}万元，实际到位{put('R',amt(R))}万元，到位率为{put('rr',str(rr))}%。"]))
    # Heads per session totalled in attendances; a score the report says is
    # the rate times its full marks, the rate in the sentence before.
    ss=r.randint(3,20); sm=r.randint(20,80)
    T.append(f"全年完成培训{put('ss',str(ss))}期，每期{put('sm',str(sm))}人，共培训{put('st',str(ss*sm))}人次。")
    xr=q(D(r.randint(8000,10000))/100); w=r.choice([5,10,20]); xs=q(w*xr/100)
    T.append('预算执行率指标按“执行率×分值”计分。')
    T.append(f"培训经费执行率为{put('xr',str(xr))}%。指标满分{w}分，实际得{put('xs',str(xs))}分。")
    # A 决算's income and spending and their changes on last year, stated
    # respectively (分别), the names before each list or only before the first,
    # a list's unit printed once after its last number.
    # (A generator of its own: the draws above stay as they were.)
    r3=random.Random(13000+i)
    inc=q(D(r3.randint(50000,900000))/100); out_=q(inc*D(r3.randint(9500,10500))/10000)
    down=r3.random()<0.5; ci=q(inc*D(r3.randint(300,3000))/10000); co=q(out_*D(r3.randint(300,3000))/10000)
    pi=q(ci/(inc+ci if down else inc-ci)*100); po=q(co/(out_+co if down else out_-co)*100)
    way,way2=('减少','下降') if down else ('增加','增长')
    names=r3.choice(['收入总计、支出总计','收入合计和支出合计'])
    T.append(r3.choice([
      f"2023年度{names}分别为{put('inc',amt(inc))}万元、{put('out',amt(out_))}万元，与上年相比，{names}分别{way}{put('ci',amt(ci))}万元、{put('co',amt(co))}万元，分别{way2}{put('pi',str(pi))}%、{put('po',str(po))}%。",
      f"本年度{names}分别为{put('inc',amt(inc))}万元和{put('out',amt(out_))}万元，与上年相比分别{way}{put('ci',amt(ci))}万元和{put('co',amt(co))}万元，{way2}{put('pi',str(pi))}%和{put('po',str(po))}%。",
      f"{names}分别为{put('inc',amt(inc))}、{put('out',amt(out_))}万元，较上年分别{way}{put('ci',amt(ci))}、{put('co',amt(co))}万元，分别{way2}{put('pi',str(pi))}、{put('po',str(po))}%。"]))
    # The 决算's 三公 with 公务用车 in its two pieces (购置费, 运行维护费): all of it.
    f1=D('0.00') if r3.random()<0.6 else q(D(r3.randint(50,500))/100)
    f2=D('0.00') if r3.random()<0.5 else q(D(r3.randint(500,3000))/100)
    f3=q(D(r3.randint(100,2000))/100); f4=q(D(r3.randint(100,1500))/100)
    T.append(r3.choice([
      f"2023年度财政拨款“三公”经费支出决算为{put('f',amt(f1+f2+f3+f4))}万元，其中：因公出国（境）费{put('f1',amt(f1))}万元，公务用车购置费{put('f2',amt(f2))}万元，公务用车运行维护费{put('f3',amt(f3))}万元，公务接待费{put('f4',amt(f4))}万元。",
      f"“三公”经费支出{put('f',amt(f1+f2+f3+f4))}万元，其中因公出国（境）费{put('f1',amt(f1))}万元、公务接待费{put('f4',amt(f4))}万元、公务用车购置费{put('f2',amt(f2))}万元、公务用车运行维护费{put('f3',amt(f3))}万元。"]))
    return T,v

def render(T,v,alt=None):
    out=[]
    for line in T:
        def sub(m):
            k=m.group(1); val=v[k]
            return bump(val) if alt==k else val
        out.append(re.sub(r'\{(\w+)\}',sub,line))
    return '\n'.join(out)+'\n'
def wrap(text, w=34):
    out=[]
    for l in text.split('\n'):
        out += [l[i:i+w] for i in range(0,max(len(l),1),w)] if l else ['']
    return '\n'.join(out)
tmp=tempfile.mkdtemp(); clean={}; jobs=[]
for i in range(N+N//2):
    T,v=make_more(i) if i>=N else make(i) if i%2==0 else make_dept(i)
    for shape in ['lines','wrap']:
        f=(lambda x: x) if shape=='lines' else wrap
        p=f'{tmp}/c{i:03d}_{shape}.txt'; open(p,'w').write(f(render(T,v))); clean[(i,shape)]=p
        used=[k for k in v if any('{'+k+'}' in line for line in T)]
        for k in used:
            ap=f'{tmp}/a{len(jobs):05d}.txt'; open(ap,'w').write(f(render(T,v,k))); jobs.append((i,shape,k,v[k],ap,bump(v[k])))
ck=findings(BIN,list(clean.values())); ak=findings(BIN,[j[4] for j in jobs])
nf=0
for (i,shape),p in clean.items():
    for k in ck.get(p,()):
        if k[1]=='error': nf+=1; print('FALSE',shape,i,k[0],k[2][:140]) if os.environ.get('V') else None
tot=defaultdict(lambda:[0,0]); miss=[]; as_error=0
for i,shape,k,c,ap,new in jobs:
    kk=re.sub(r'\d+$','',k)
    newf=ak.get(ap,set())-ck.get(clean[(i,shape)],set())
    c_=bool(newf); as_error+=any(f[1]=='error' for f in newf)
    if os.environ.get('WARNED') and c_ and not any(f[1]=='error' for f in newf):
        print('WARNED', shape, f'c{i:03d}', k, c, '->', new, sorted(newf)[0][0], sorted(newf)[0][2][:150])
    tot[kk][0]+=c_; tot[kk][1]+=1
    if not c_: miss.append(f'{shape} c{i:03d} {k} {c}->{new}')
a=sum(x[0] for x in tot.values()); n=sum(x[1] for x in tot.values())
print(' '.join(f'{k}:{x[0]}/{x[1]}' for k,x in sorted(tot.items())))
print(f'ALL {a}/{n} ({a/n:.3f}) false={nf} as errors={as_error}')
shutil.rmtree(tmp)

if os.environ.get('MISSES'):
    print('\n'.join(miss))
gate(ARGS, a/n, nf)
