#!/usr/bin/env python3
"""Writes fixtures/shapes/: invented reports in the shapes real published text
takes (see ../shared/real/README.md), for `cargo test` (tests/shapes.rs).

Every figure is invented; the shapes are the real ones: a pipe rendering whose
merged cells broke the rows over lines, one cell per line, cells between single
spaces, a form OCR'd with its cells run together, traditional characters with
pinyin glosses, web-page chrome around prose, and a form's fund blocks listed
as label-amount lines (with one planted slip), a page's text layer with a
weighted group column printed out of order, a form one cell per paragraph with
its header cells cut in two, 四川's form with its sign and unit columns (pipes,
and one cell per line), a grid of funds pasted as `a | b |` lines, a spending
table with its total on top and rows listed under rows, a table of funds
with a 到位率 column between single spaces, a 三公 table headed by years
and a score summary by group, a department's form whose merged group cells
leave rows opening on `|`, an indicator table with a 完成率 column one cell per
line, and 新疆's wide form between spaces. Only the
standard library.

    python3 scripts/make_shapes.py
"""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "shapes"

SHAPES = {
    # A project's funds by source, each fund's spending and rate after them; the
    # spending's uses each with a bare share of the whole; a named rate stated
    # twice; a total score's groups with their full marks beside them. All
    # consistent: 264 + 132 + 44 = 440 = 实际支出, 60/30/10 %; 95 / 100 = 95.00 %;
    # 11.80 / 12.50 = 94.40 %; 18 + 19 + 37.5 + 19 = 93.5.
    "funds_and_shares.txt": """桐川市河湾区2024年度农村饮水安全巩固提升项目绩效自评报告

一、项目概况

本项目年初预算450.00万元，全年预算450.00万元。项目资金来源为中央资金300.00万元、省级资金100.00万元、县级配套50.00万元，共计450.00万元。截至2024年12月31日，中央资金支出300.00万元，执行率100%；省级资金支出95.00万元，执行率95.00%；县级配套支出45.00万元，执行率90.00%。项目实际支出440.00万元，预算执行率97.78%。

二、资金使用情况

资金使用情况：管网铺设支出264.00万元，占60.00%；供水站建设支出132.00万元，占30.00%；水质检测支出44.00万元，占10.00%。

日常公用经费全年预算数为12.50万元，决算数为11.80万元，日常公用经费控制率为94.40%。

三、评价结论

项目总分100分，自评得分93.5分，其中：项目决策18分（满分20分），项目过程19分（满分20分），项目产出37.5分（满分40分），项目效益19分（满分20分）。评价等级为优秀。

四、存在问题

日常公用经费控制率为94.40%，仍有压减空间。
""",
    # A department's accounts: income with each source's share, its budget
    # adjusted and spent, a table of two projects by name with its 合计 under
    # them (theirs, not the department's), one project's disbursement and what
    # remains, formulas written out, a score with its deduction a sentence after
    # its full marks. All consistent: 1000 + 150 + 50 = 1200 (83.33 / 12.50 /
    # 4.17 %); (1200 − 1000) / 1000 = 20 %; 1150 / 1200 = 95.83 %; 1200 − 1150 =
    # 50; 400 + 50 = 450, 450 + 50 = 500, 435 + 45 = 480; 435 / 450 = 96.67 %,
    # 450 − 435 = 15; 12.60 / 14.00 = 90 %; 20 − 0.5 = 19.5.
    "department_accounts.txt": """桐川市河湾区文化和旅游局2024年度部门整体支出绩效自评报告

一、部门收支情况

2024年度收入总计1200.00万元，其中：财政拨款收入1000.00万元，占83.33%；事业收入150.00万元，占12.50%；其他收入50.00万元，占4.17%。

2024年度部门年初预算1000.00万元，全年预算1200.00万元，预算调整率20.00%。全年支出1150.00万元，预算执行率95.83%，年末结余50.00万元。

二、项目支出情况

单位：万元
项目名称	年初预算	调整后预算	实际支出	执行率
文物保护修缮	400.00	450.00	435.00	96.67%
公共文化服务	50.00	50.00	45.00	90.00%
合计	450.00	500.00	480.00	96.00%

文物保护修缮项目资金已全部到位，到位资金450.00万元，已拨付资金435.00万元，资金拨付率96.67%，剩余15.00万元待竣工验收后拨付。

三公经费控制率=决算数/预算数×100%=12.60/14.00×100%=90.00%。

三、评分情况

项目过程类指标由资金管理、组织实施2个二级指标构成，权重分20分。其中“预算执行率”扣0.50分，实际得分合计19.50分。
""",
    # Pipes, rows broken over lines, merged 一级/二级 cells printed once, labels
    # cut by a space inside their cell. Weights 4+2 = 6, 5 = 5; 一级 15 = 6+5+4.
    "pipe_broken.txt": """2024年度部门整体支出绩效评价自评表
单位 | 桐川市河湾区档案馆 |||||||
序号 | 一级 指标 |
二级 指标 |
三级 指标 |
指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分 |
1 | 投入 (15分) |
预算编制 (6分) | 预算编制 科学性 | 4 | 预算编制是否经过科学论证,有明确标准。 | 1、编制依据充分(2分); 2、标准明确(2分)。 |
4 |
2 | 基础数据 准确性 | 2 | 基础数据是否真实准确。 | 数据准确(2分) | 2 | ||
3 | 目标设定 (5分) | 绩效目标 合理性 | 5 | 是否设置年度绩效目标,是否合理。 | 1、设置目标(3分) 2、目标合理(2分) | 4.5 | |
4 | 资金管理 (4分) | 资金 到位率 | 4 | 实际到位资金与预算资金的比率。 | 到位率=(实际到位资金/预算资金)×100%。 | 4 | ||
""",
    # One cell per line with blank lines between, as a Word table copied from a
    # document host; group weights after each group label; label-amount cells.
    "cell_per_line.txt": """档案数字化项目绩效自评表.docx

上传人:a****1 文档编号:10000001 上传时间:2024-03-01 格式:DOCX 页数:6

档案数字化项目绩效自评表

一、项目基本情况

项目实施单位

桐川市河湾区档案馆

主管部门

桐川市河湾区档案局

计划投资额

(万元)

86

实际到位资金

(万元)

80.5

实际使用情况(万元)

78.25

二、绩效评价指标评分

一级指标

分值

二级指标

分值

三级指标

分值

得分

项目决策

20

项目目标

8

目标内容

8

7

决策过程

12

决策依据

5

5

决策程序

7

6

项目管理

30

资金管理

18

资金使用

10

10

财务管理

8

8

组织实施

12

管理制度

12

11
""",
    # A table of funds by source, single spaces between cells, with a 到位率
    # column the vocabulary names no amount for; the 支出率 is over the funds
    # received (县级 36 / 40 = 90 %, not over its 50 budgeted).
    "fund_rates_spaces.txt": """河湾区2024年农村公路养护项目绩效评价报告
二、资金到位及使用情况
资金来源 预算数 到位数 到位率 支出数 支出率
中央资金 300.00 300.00 100.00% 285.60 95.20%
省级资金 150.00 150.00 100.00% 142.50 95.00%
县级配套 50.00 40.00 80.00% 36.00 90.00%
合计 500.00 490.00 98.00% 464.10 94.71%
""",
    # A 三公 table between single spaces, headed by years, its caption naming
    # it a 情况表, 其中 rows under the 公务用车 row (0 + 16.2 = 16.2; 0 + 16.2 +
    # 5.16 = 21.36), then a summary of the score by group with its 得分率.
    "sangong_spaces.txt": """河湾区教育局2024年度部门整体支出绩效自评报告
三、“三公”经费情况
表3 “三公”经费支出情况表 单位：万元
项目 2024年预算数 2024年决算数 2023年决算数 增减额 增减率
合计 25.00 21.36 23.80 -2.44 -10.25%
因公出国（境）费 0.00 0.00 0.00 0.00
公务用车购置及运行维护费 18.00 16.20 17.50 -1.30 -7.43%
其中：公务用车购置费 0.00 0.00 0.00 0.00
公务用车运行维护费 18.00 16.20 17.50 -1.30 -7.43%
公务接待费 7.00 5.16 6.30 -1.14 -18.10%
四、自评结论
表4 绩效自评得分情况表
一级指标 分值 得分 得分率
部门决策 20 18.00 90.00%
部门管理 20 17.50 87.50%
部门产出 40 36.20 90.50%
部门效益 20 16.80 84.00%
合计 100 88.50 88.50%
""",
    # A department's self-evaluation form rendered with pipes, its merged group
    # cells (按收入性质分, 按支出性质分) leaving rows that open on `|`: both splits
    # add up to 年度资金总额 in every column, each row's 执行率 its own ratio.
    "department_form_pipes.txt": """部门整体支出绩效自评表
（2024年度）
部门（单位）名称 | 河湾区农业农村局 | | | | | | |
年度预算执行情况（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | | 1,256.80 | 1,380.50 | 1,352.89 | 10 | 98.00% | 9.8 |
按收入性质分 | 一般公共预算 | 1,156.80 | 1,280.50 | 1,254.89 | - | 98.00% | - |
 | 政府性基金 | 100.00 | 100.00 | 98.00 | - | 98.00% | - |
 | 其他资金 | 0.00 | 0.00 | 0.00 | - | - | - |
按支出性质分 | 基本支出 | 856.80 | 880.50 | 878.20 | - | 99.74% | - |
 | 项目支出 | 400.00 | 500.00 | 474.69 | - | 94.94% | - |
""",
    # One table row per line, single spaces between cells (a spreadsheet's text).
    "space_rows.txt": """河湾区人民政府网
项目支出绩效自评表
(2024年度)
项目名称 河湾区 社区养老 服务补贴
主管部门 河湾区民政局 实施单位 河湾区养老服务指导中心
项目资金
(万元)
资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 48.00 45.00 44.10 10 98.00% 9.8
其中:当年财政拨款 48.00 45.00 44.10 - - -
其他资金 0.00 0.00 0.00 - - -
一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分
产出指标 数量指标 补贴发放人数 20 ≥300人 312人 20
质量指标 补贴发放准确率 20 100% 100% 20
效益指标 社会效益指标 老年人生活改善 20 明显 明显 18
满意度指标 服务对象满意度指标 老年人满意度 10 ≥90% 93% 10
""",
    # A form's page text with every cell run together (OCR): 30 | 30 | 10 | 100.00% | 10.
    "run_together.txt": """现已完成河湾区2024年衔接资金项目绩效目标自评,联系人:王五联系电话:0000-1234567附件:2024年衔接资金项目绩效自评表河湾区水务局2024年12月20日绩效目标自评表(2024年度)项目名称河湾区农村饮水安全巩固提升工程项目负责人及电话王五13800000000主管部门河湾区水务局实施单位河湾区农村供水服务站资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:303010100.00%10其中:本年财政拨款3030其他资金年度总体目标完成农村供水管网改造绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标(60分)数量指标改造供水管网20≥15公里≥15公里20质量指标工程验收合格率20100%100%20时效指标按期完工率20≥95%≥95%18效益指标(20分)经济效益指标社会效益指标受益人口数20≥3000人≥3000人20满意度指标(10分)服务对象满意度指标群众满意度10≥90%≥90%10总分9088注:分值按指标重要程度设置
""",
    # Traditional characters from a mirror site, pinyin glosses inserted.
    "traditional.txt": """為做好2024年河灣區農業防災資金發放工作,我局對2024年河灣區農業防災資金開展了績效自評,現將評價情況報告如下:
一、項(xiàng)目基本情況
上級下達的補助資金總額86萬元,資金已全部支付到位。
""",
    # Web-page chrome around prose: breadcrumb, dates, font switches, a changes-on-last-year sentence.
    "web_chrome.txt": """当前位置: 首页 / 政务公开 / 财政资金 / 绩效评价 / 稿件页
2024年度部门(单位)整体支出 绩效自评报告
来源:河湾区档案馆 发布时间:2025-03-04 访问量: 字体大小: 放大 缩小

2024年度桐川市河湾区档案馆部门(单位)整体支出绩效自评报告

一、部门(单位)基本情况
2024年度预算收入120.50万元,其中年初预算100.00万元,追加20.50万元。2024年支出118.30万元,较上年减少6.20万元,其中基本支出98.30万元,项目支出20.00万元。
""",
    # One cell per line with a 序号 column before the levels (the one-cell-per-line
    # reader of the seeds starts at 一级指标 and would take the 序号 for a weight).
    "numbered_cells.txt": """2024年度部门整体支出绩效自评表

部门(单位)名称

桐川市河湾区统计局

序号

一级指标

二级指标

三级指标

分值

得分

1

投入

预算编制

预算编制科学性

10

9

2

预算执行

预算执行率

10

10

3

产出

职责履行

重点工作完成率

20

18

合计

40

37
""",
    # A form's fund blocks as label-amount lines, the unit in each block's title.
    # 特别扶助: 80.00 + 30.00 + 10.50 = 120.50, stated 119.50 (the slip to find).
    "fund_blocks.txt": """河湾区2024年度计划生育服务项目绩效自评表
预算资金安排 2024年度计划生育转移支付资金预算安排情况。
计划生育转移支付资金合计(万元) 年度预算资金总额): 319.50
其中:中央补助 200.00
市级资金 90.00
本级资金(包括结转结余) 29.50
奖励扶助制度补助资金(万元)
年度预算资金总额: 200.00
其中:中央补助 120.00
市级资金 60.00
本级资金(包括结转结余) 20.00
特别扶助制度补助资金(万元)
年度预算资金总额: 119.50
其中:中央补助 80.00
市级资金 30.00
本级资金(包括结转结余) 10.50
""",
    # A form's two fund blocks printed side by side in one pipe table: each
    # source row gives the planned and the received amount. Planned 860.00 =
    # 60.00 + 800.00; received 842.30 stated, but 60.00 + 780.30 = 840.30 (the
    # slip to find: the planned column agrees with the same split).
    "side_by_side_funds.txt": """清河县2023年度乡村文化活动项目绩效自评表
项目名称 | 乡村文化活动经费 | | |
计划安排资金(万元) | 860.00 | 实际到位资金(万元) | 842.30 |
其中:中央财政 | | 其中:中央财政 | |
省财政 | | 省财政 | |
市财政 | 60.00 | 市财政 | 60.00 |
县财政 | 800.00 | 县财政 | 780.30 |
实际支出(万元) | 840.30 | | |
""",
    # A page's text layer flattened into one line, cells out of order: the header
    # opens with the group column (项目权重), which prints each group with its
    # weight (`项目决策 4 分`); the rest of the header comes after the first row;
    # criteria clauses with their own points sit between the rows; a merged group
    # cell is printed after the label of the row it is centred on. Weights:
    # 项目决策 4 = 2 + 2, 项目管理 10 = 3 + 4 + 3.
    "weighted_groups.txt": """桐川市财政预算支出项目绩效目标自评表 填报日期:2025 年 3 月 6 项目名称 档案数字化加工项目 自评总分: 93 项目实施单位 桐川市河湾区档案馆 项目权重 评价内容 分值 自评分 项目决策 4 分 立项依据 2 2 复核分 评价标准及依据 有立项批复文件计 2 分,没有不得分。 1、目标明确 1 分; 目标设定 2 1.5 2、指标细化 1 分。未细化扣 0.5 分。 1、资金管理制度 1 分; 制度建设 3 3 2、档案管理制度 1 分; 3、有执行记录 1 分。没有不得分。 资金使用 项目管理 10 分 4 3.5 1、专款专用 2 分; 2、无截留挪用 2 分,发现一处扣 0.5 分。 1、按月报送进度 2 分; 进度管理 3 3 2、按时完工 1 分。 — 1 —
""",
    # A table of several funds pasted as `a | b | c |` lines without a leading
    # pipe, every cell filled: a grid, each row with its own budget, spending
    # and rate (资金使用率), none of them the report's budget; a 其中 opening
    # the sentence after its whole's. One slip planted: 450 / 500 = 90.0 %,
    # printed 91.0 %; 312 / 320 = 97.5 %, 180 / 180 = 100 %; 1000 = 800 + 200.
    "fund_grid.txt": """桐川市河湾区教育局2024年度专项资金绩效自评报告
一、总体情况
2024年，我局共实施专项资金项目三个。本年收到专项资金1000万元，与上年相比增加100万元，增长11.11%。其中：中央资金800万元，省级资金200万元。
二、专项资金绩效自评结果汇总表
项目名称 | 预算金额(万元) | 实际支出(万元) | 资金使用率 | 成效评价 |
校舍维修专项 | 500 | 450 | 91.0% | 良好 |
教学设备专项 | 320 | 312 | 97.5% | 优秀 |
学生资助专项 | 180 | 180 | 100% | 优秀 |
三、存在问题
校舍维修专项部分工程尚未结算。
""",
    # A department's spending table copied one cell per line, its 合计 right
    # under the header, the rows numbered, two of them with rows listed under
    # them (其中). The 合计 is the numbered rows' sum (180 = 120 + 60; 171 =
    # 114 + 57); each row under another is a part of it. One slip planted:
    # 公用经费's 执行数 16.50 makes 98 + 16.50 = 114.50 under 一、基本支出 114.
    "nested_rows.txt": """桐川市河湾区档案馆2024年度部门整体支出绩效自评报告
一、部门支出情况
单位：万元
项目
预算数
决算数
合计
180.00
171.00
一、基本支出
120.00
114.00
其中：人员经费
100.00
98.00
公用经费
20.00
16.50
二、项目支出
60.00
57.00
其中：档案数字化
40.00
38.00
档案保护
20.00
19.00
二、绩效自评结论
经自评，本部门整体支出绩效良好。
""",
}


# A web page whose table was flattened into one paragraph per cell (a Word
# table pasted into a site's editor).
PARAGRAPH_CELLS = [
    "河湾区2023年度图书馆免费开放项目绩效自评表", "项目名称", "图书馆免费开放", "实施单位", "河湾区图书馆",
    "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
    "产出指标", "数量指标", "接待读者人次", "≥10万人次", "11.2万人次", "30", "30",
    "质量指标", "图书完好率", "≥98%", "99%", "30", "30",
    "满意度指标", "服务对象满意度指标", "读者满意度", "≥90%", "88%", "20", "17",
    "总分", "80", "77",
]


# A form copied from a word processor into a web page's text: one cell per
# paragraph, each header cell cut at its line end (`年初` / `预算数`), blank
# cells left as a space. 37.80 / 45.00 = 84 %, 10 × 84 % = 8.4 → 8; the 其中 row
# prints its three amounts and leaves 分值 / 执行率 / 得分 blank.
SPLIT_HEADER_CELLS = [
    "项目支出绩效自评表", "（2023年度）", "项目名称", "教学楼屋面防水维修经费", "主管部门", "桐川市教育局",
    "实施单位", "桐川市第二职业中学", "项目资金\n（万元）", " ",
    "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
    "年度资金总额", "45.00", "45.00", "37.80", "10", "84%", "8",
    "其中：当年财政拨款", "45.00", "45.00", "37.80", " ",
    "      上年结转资金", " ", " ", " ", " ",
    "  其他资金", " ", " ", " ", " ",
    "年度总体目标", "预期目标", "实际完成情况", "完成屋面防水维修", "已完工，尾款待审计后支付",
    # The indicators: a narrow group column wraps `社会效益` / `指标`; the reason
    # column holds `0` for nothing to explain, or a space.
    "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分",
    "偏差原因分析及改进措施",
    "产出指标", "数量指标", "指标1维修面积", "1200", "1200", "20", "20", " ",
    "指标2", " ", " ", " ", " ", " ",
    "质量指标", "指标1完工率", "100", "100", "10", "10", " ",
    "指标2验收合格率", "100", "100", "10", "10", " ",
    "……", " ", " ", " ", " ", " ",
    "效益指标", "社会效益", "指标", "指标1师生满意度", "95", "96", "30", "28", "0",
    "指标2", " ", " ", " ", " ", " ",
    "满意度", "指标", "服务对象满意度指标", "指标1家长满意度", "90", "92", "20", "20", "0",
]


# 四川's 部门预算项目支出绩效自评表 as a page's text renders it: cells between
# ` | `, empty cells as `||`, no leading pipe. The budget block's title
# (`预算执行情况(10分)`) and its labels' title naming the unit come before
# 年初预算; the indicator table prints 指标性质 and 度量单位 in columns of their
# own; 合计 counts the budget block's 10 points beside the indicators' 90.
# All consistent: 14.40 / 15.00 = 96 %, 10 × 96 % = 9.6, 9.6 + 30 + 30 + 28 = 97.6.
SICHUAN_FORM = """部门预算项目支出绩效自评表(2023年度) | ||||||||||
项目名称 | 51000000T000000000001-2023年办公设备购置项目 | |||||||||
主管部门 | 桐川县司法局部门 | 实施单位（盖章） | 桐川县司法局 | |||||||
项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 | |||||||
购置办公设备,提升办公效率。 | 完成 | |||||||||
2.项目实施内容及过程概述 | 全年购置电脑13台,年底前付清款项。 | |||||||||
预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||
总额 | 12.00 | 15.00 | 14.40 | 96.00% | 10 | 9.6 | 1.执行率按执行数除以调整后预算数计算,低于90%的写明原因;2.年中调整预算的写明理由. | |||
其中:财政资金 | 12.00 | 15.00 | 14.40 | 96.00% | / | / | ||||
财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||
单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||
其他资金 | / | / | ||||||||
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
产出指标 | 数量指标 | 购置电脑数量 | ≥ | 13 | 台 | 13 | 30 | 30 | ||
产出指标 | 质量指标 | 验收合格率 | = | 100 | % | 100 | 30 | 30 | ||
效益指标 | 社会效益指标 | 办公效率提升 | 定性 | 明显 | | 明显 | 30 | 28 | ||
合计 | 100 | 97.6 | |||||||||
评价结论 | 项目按计划完成。 | |||||||||
"""


# A project form's indicator table with a 完成率 column, its targets and values
# partly percentages, as a web page copied as text gives it: one cell per line,
# no marks. All consistent: 312 / 300 = 104 %; 98 % of ≥95 % met (100 %);
# 2 / 1.8 = 111.11 % for a ceiling; 980 / 1000 = 98 %.
INDICATOR_COMPLETION = [
    "桐川市河湾区2024年度农村危房改造补助资金绩效自评表",
    "三、绩效指标完成情况",
    "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "完成率", "分值", "得分",
    "产出指标", "数量指标", "改造农村危房", "≥300户", "312户", "104%", "20", "20",
    "产出指标", "质量指标", "验收合格率", "≥95%", "98%", "100%", "20", "20",
    "产出指标", "质量指标", "资金使用合规率", "100%", "100%", "100%", "10", "10",
    "产出指标", "成本指标", "户均补助标准", "≤2万元", "1.8万元", "111.11%", "10", "10",
    "效益指标", "社会效益指标", "受益人口", "≥1000人", "980人", "98%", "20", "19.6",
    "满意度指标", "服务对象满意度指标", "受益户满意度", "≥90%", "96%", "106.67%", "10", "10",
    "合计", "90", "89.6",
]

# 新疆's form between single spaces: a value's basis, last year's value and the
# scoring rule stand between the target and this year's value. Consistent:
# 96 / 95 = 101.05 %, 93 / 90 = 103.33 %.
WIDE_FORM_SPACES = """阜康市2024年度项目支出绩效自评表
年度绩效指标完成情况
一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料 指标实际完成值 完成率 指标得分 偏差原因分析及改进措施
产出指标 时效指标 补贴发放及时率 ≥95% 计划标准 98% 10 完成得满分 发放记录 96% 101.05% 10 无
效益指标 社会效益指标 数据质量提升 ≥90% 行业标准 92% 20 完成得满分 统计报表 93% 103.33% 20 无
"""

# A department's scoring table with a 分值 after each level and a reason column
# last (invented figures, consistent: 92.78 of 100); the 合计 row repeats each
# level's 100.
LEVEL_WEIGHTS = """2023年度部门整体支出绩效评价指标评分表
| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 | 扣分原因 |
| 部门决策 | 20 | 目标设定 | 8 | 绩效目标合理性 | 4 | 4 | |
| | | | | 绩效指标明确性 | 4 | 3.5 | 部分指标未细化量化 |
| | | 预算编制 | 12 | 预算编制科学性 | 6 | 5 | 预算调整较大 |
| | | | | 重点支出安排率 | 6 | 6 | |
| 部门管理 | 30 | 资金投入 | 10 | 预算执行率 | 5 | 4.78 | 执行率95.6% |
| | | | | 结转结余率 | 5 | 4 | |
| | | 财务管理 | 10 | 资金使用合规性 | 5 | 5 | |
| | | | | 管理制度健全性 | 5 | 5 | |
| | | 采购管理 | 10 | 政府采购执行率 | 10 | 9 | |
| 部门产出 | 30 | 职责履行 | 30 | 实际完成率 | 10 | 9 | |
| | | | | 完成及时率 | 10 | 10 | |
| | | | | 质量达标率 | 10 | 9.5 | |
| 部门效益 | 20 | 履职效益 | 20 | 社会效益 | 10 | 9 | |
| | | | | 服务对象满意度 | 10 | 9 | |
| 合计 | 100 | | 100 | | 100 | 92.78 | |
"""


# Tables that print what their two amounts make: a balance and its rate beside
# 预算数 and 执行数 (with header words the vocabulary lacks between the header
# and the first row, 1), the 三公 table's 增减额 and 增减率 of 决算 on 预算, a
# budget table's 结余. All consistent: 612.00 − 590.40 = 21.60, 3.53 %; 合计
# 1,215.50 − 1,167.62 = 47.88, 3.94 %; 10.56 − 12.00 = −1.44, −12.00 %;
# 15.50 − 18.50 = −3.00, −16.22 %; 1,480.00 − 1,406.32 = 73.68.
DIFFERENCES = """河湾区农业农村局2024年度项目支出绩效自评报告
二、资金使用情况
表2 项目资金结余情况表
单位：万元
| 序号 | 项目名称 | 预算数 | 执行数 | 结余资金 | 结余比例 |
| 1 | 高标准农田建设 | 612.00 | 590.40 | 21.60 | 3.53% |
| 2 | 农村公路养护 | 355.50 | 355.50 | 0.00 | 0.00% |
| 3 | 人居环境整治 | 248.00 | 221.72 | 26.28 | 10.60% |
| | 合计 | 1,215.50 | 1,167.62 | 47.88 | 3.94% |
表3 “三公”经费预决算对比表
单位：万元
| 项目 | 预算数 | 决算数 | 增减额 | 增减率 |
| 合计 | 18.50 | 15.50 | -3.00 | -16.22% |
| 公务用车运行维护费 | 12.00 | 10.56 | -1.44 | -12.00% |
| 因公出国（境）费 | 0 | 0 | 0 | — |
| 公务接待费 | 6.50 | 4.94 | -1.56 | -24.00% |
表4 年度预算执行情况表
单位：万元
| 项目 | 年初预算数 | 调整后预算数 | 实际支出数 | 结余 | 执行率 |
| 合计 | 1,400.00 | 1,480.00 | 1,406.32 | 73.68 | 95.02% |
三、绩效自评结论
经自评，该局项目支出绩效自评得分为92.5分，评价等级为优。
"""


# A 部门决算 table numbered in an outline (一、基本支出 with 人员经费 and 公用经费
# under it, 二、项目支出) with its total under them, and a rate column headed
# by what it is a share of (决算数占调整后预算比例（%）); a projects table whose
# 执行率（%） prints bare numbers. All consistent: 1,372.80 + 213.65 = 1,586.45;
# 1,586.45 + 860.50 = 2,446.95; 2,389.45 / 2,446.95 = 97.65 %; 855.10 / 900.00
# = 95.01 %. A summary by group under a caption naming its 得分 (no column:
# nothing is scored before its label); 18.5 + 17 + 36.2 + 16.8 = 88.5.
OUTLINE_TABLES = """河湾区水利局2024年度部门整体支出绩效自评报告
四、部门决算情况
单位：万元
| 项目 | 年初预算数 | 调整后预算数 | 决算数 | 决算数占调整后预算比例（%） |
| 一、基本支出 | 1,520.30 | 1,586.45 | 1,568.23 | 98.85 |
| 人员经费 | 1,320.10 | 1,372.80 | 1,365.12 | 99.44 |
| 公用经费 | 200.20 | 213.65 | 203.11 | 95.07 |
| 二、项目支出 | 780.00 | 860.50 | 821.22 | 95.44 |
| 合计 | 2,300.30 | 2,446.95 | 2,389.45 | 97.65 |
五、项目支出情况
| 序号 | 项目名称 | 预算金额（万元） | 实际支出（万元） | 执行率（%） |
| 1 | 农村道路硬化 | 450.00 | 438.60 | 97.47 |
| 2 | 饮水安全巩固提升 | 280.00 | 265.30 | 94.75 |
| 3 | 人居环境整治 | 170.00 | 151.20 | 88.94 |
| 合计 | | 900.00 | 855.10 | 95.01 |
六、评价结论
表6 绩效评价得分情况
| 一级指标 | 分值 | 得分 | 得分率 |
| 决策 | 20 | 18.5 | 92.50% |
| 过程 | 20 | 17 | 85.00% |
| 产出 | 40 | 36.2 | 90.50% |
| 效益 | 20 | 16.8 | 84.00% |
| 合计 | 100 | 88.5 | 88.50% |
"""


# Tables of one measure in two years, as 部门决算 说明 print them: the change
# between the years beside them, a 合计 above or below the rows. Two traps: a
# table of rates by year (its 增幅 in points) and one of three years.
YEAR_TABLES = """河湾区交通运输局2023年度部门整体支出绩效自评报告
三、“三公”经费支出情况
单位：万元
| 项目 | 2022年决算数 | 2023年决算数 | 增减额 | 增减率 |
| 合计 | 31.40 | 46.72 | 15.32 | 48.79% |
| 1.因公出国（境）费 | 0.00 | 0.00 | 0.00 | |
| 2.公务用车购置及运行维护费 | 13.18 | 40.26 | 27.08 | 205.46% |
| 其中：公务用车购置费 | 0.00 | 30.15 | 30.15 | |
| 公务用车运行维护费 | 13.18 | 10.11 | -3.07 | -23.29% |
| 3.公务接待费 | 18.22 | 6.46 | -11.76 | -64.54% |
四、收入决算情况
单位：万元
| 项目 | 上年数 | 本年数 | 增减变化 | 增减率（%） |
| 一般公共预算财政拨款收入 | 4,105.36 | 4,388.02 | 282.66 | 6.89 |
| 政府性基金预算财政拨款收入 | 150.00 | 96.00 | -54.00 | -36.00 |
| 其他收入 | 12.48 | 9.30 | -3.18 | -25.48 |
| 本年收入合计 | 4,267.84 | 4,493.32 | 225.48 | 5.28 |
五、主要指标对比
| 项目 | 2022年 | 2023年 | 增幅 |
| 预算执行率 | 94.36% | 96.80% | 2.44% |
| 群众满意度 | 91% | 94% | 3% |
六、近三年支出
单位：万元
| 项目 | 2021年 | 2022年 | 2023年 | 年均增长率 |
| 基本支出 | 1,020.50 | 1,106.30 | 1,198.64 | 8.38% |
| 项目支出 | 2,860.00 | 3,010.40 | 3,120.75 | 4.46% |
| 合计 | 3,880.50 | 4,116.70 | 4,319.39 | 5.50% |
"""


# A provincial form whose indicators' header is printed in two rows: the
# merged cells' names above (绩效指标 over the three levels, 年度指标值 over
# 指标性质 | 指标值 | 度量单位) and the columns below; rows under a merged 一级
# cell print without it. All consistent: 35.04 / 36.50 = 96.00 %, 10 × 96 % = 9.6,
# weights 10 + 20 + 20 + 10 + 30 + 10 = 100, scores 9.6 + 20 + 18.5 + 10 + 28 + 10 = 96.1.
TWO_ROW_HEADER = """2024年度项目支出绩效自评表
项目名称 | 河湾区农村公路养护补助经费 |
主管部门 | 河湾区交通运输局 | 实施单位 | 河湾区公路事务中心 |
项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 36.50 | 36.50 | 35.04 | 10.00 | 96.00% | 9.60 |
其中：当年财政拨款 | 36.50 | 36.50 | 35.04 | — | — | — |
上年结转资金 |  |  |  | — | — | — |
其他资金 |  |  |  | — | — | — |
绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |
产出指标 | 数量指标 | 养护农村公路里程 | ﹦ | 120 | 公里 | 120 | 20.00 | 20.00 |  |
质量指标 | 路面技术状况优良率 | ≥ | 85 | % | 83 | 20 | 18.5 | 略低于目标，加强日常巡查 |
时效指标 | 养护任务完成及时率 | ≥ | 95 | % | 100 | 10.00 | 10.00 |  |
效益指标 | 社会效益指标 | 群众出行条件改善 | 定性 | 明显改善 |  | 明显改善 | 30.00 | 28.00 |  |
满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥ | 90 | % | 93 | 10.00 | 10.00 |  |
总分 | 100.00 | 96.10 |
"""


# A web page's copy of the 2021 national form (spaces, indented lines): the
# groups' weights alone on a line (`(50分)`), unused numbered slots (`指标2：`)
# and `……` after every indicator, a row without 指标值 and 完成值, a group name
# wrapped mid-word. Scores: 10 × 9 + 8 = 98; weights 100.
NUMBERED_SLOTS = """河湾区农业农村局农田水利维护项目支出绩效自评
    项目支出绩效自评表
    (2023年度)
    项目名称 农田水利设施维护经费
    主管部门 实施单位 河湾区农业农村局
    项目资金
    (万元)
    年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
    年度资金总额: 260.00 260.00 260.00 10 100.00% 10
     其中:本年财政拨款 260.00 260.00 260.00 - -
        上年结转资金 - -
    年度绩效指标完成情况 一级
    指标
    二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施


    (50分)
    数量指标 指标1:维护灌溉渠道长度 12公里 12公里 10 10
    指标2:维修小型泵站数量 3座 3座 10 10
    ……
    质量指标 指标1:维护工程验收合格 10 8
    指标2:
    ……
    时效指标 指标1:年度资金支付完成率100% 10 10
    指标2:
    ……
    成本指标 指标1:资金执行在预算范围内 10 10
    指标2:
    ……


    (30分)
    经济效益
    指标
    指标1:灌溉面积保持稳定 10 10
    指标2:
    ……
    社会效益
    指标
    指标1:保障农业生产用水 10 10
    指标2:
    ……
    可持续影
    响指标
    指标1:设施良性运行 10 10
    指标2:
    ……
    满意度指标
    (10分)
    服务对象
    满意度指标
    指标1:受益农户满意度 90% 96% 10 10
    指标2:
    ……
    总分 100 98
"""


def one_cell_per_line(rows: str) -> str:
    """The same table one cell per line, each followed by ` |` (another page's rendering)."""
    out = []
    for row in rows.splitlines():
        for cell in row.split("|"):
            cell = cell.strip()
            out.append(f"{cell} |" if cell else "|")
    return "\n".join(out) + "\n"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in SHAPES.items():
        (OUT / name).write_text(text, encoding="utf-8")
    body = "".join(f"<p>{c}</p>\n" for c in PARAGRAPH_CELLS)
    page = ("<html><head><meta charset='utf-8'><title>河湾区文化馆</title></head><body>"
            f"<div class='article'>\n{body}</div></body></html>\n")
    (OUT / "paragraph_cells.html").write_text(page, encoding="utf-8")
    (OUT / "sichuan_form.txt").write_text(SICHUAN_FORM, encoding="utf-8")
    # One cell per line, with one slip planted: 合计 98.6 where the scores give 97.6.
    (OUT / "sichuan_form_cells.txt").write_text(
        one_cell_per_line(SICHUAN_FORM.replace("合计 | 100 | 97.6", "合计 | 100 | 98.6")),
        encoding="utf-8")
    # A unit that filled neither 完成值 nor 得分, one cell per line: `|` alone on
    # a line is an empty cell; 合计 100 is then the weights' total.
    unscored = SICHUAN_FORM
    for filled, blank in [("| 13 | 30 | 30 |", "|  | 30 |  |"), ("| 100 | 30 | 30 |", "|  | 30 |  |"),
                          ("| 明显 | 30 | 28 |", "|  | 30 |  |"), ("合计 | 100 | 97.6 |", "合计 | 100 |  |"),
                          ("| 10 | 9.6 |", "| 10 |  |")]:
        assert filled in unscored, filled
        unscored = unscored.replace(filled, blank)
    (OUT / "sichuan_form_unscored.txt").write_text(one_cell_per_line(unscored), encoding="utf-8")
    # The two-row header as a web page's table copies (a pipe before each row)
    # and between single spaces (one row per line, empty cells gone); the
    # spaced copy with one slip planted: 总分 97.10 where the scores give 96.10.
    (OUT / "two_row_header_pipes.txt").write_text(
        "".join(f"| {line}\n" for line in TWO_ROW_HEADER.splitlines()), encoding="utf-8")
    # As a web page copies it with line breaks inside cells: a row printed
    # over several lines, each continuing the cell the line before left open.
    piped = "".join(f"| {line}\n" for line in TWO_ROW_HEADER.splitlines())
    for whole, broken in [
        ("| 项目名称 | 河湾区农村公路养护补助经费 |", "| 项目名称 |\n河湾区农村公路养护补助经费 |"),
        ("| 一级指标 | 二级指标 |", "|\n一级指标 |\n二级指标 |"),
        ("| 项目资金（万元） | 年初预算数 |", "|\n项目资金（万元） |\n年初预算数 |"),
    ]:
        assert whole in piped, whole
        piped = piped.replace(whole, broken)
    (OUT / "two_row_header_breaks.txt").write_text(piped, encoding="utf-8")
    spaced = "".join(
        " ".join(c.strip() for c in line.split("|") if c.strip()) + "\n"
        for line in TWO_ROW_HEADER.replace("| 96.10 |", "| 97.10 |").splitlines())
    (OUT / "two_row_header_spaces.txt").write_text(spaced, encoding="utf-8")
    # The numbered slots' copy, and one with a slip planted: 总分 90 where the
    # rows give 98 (whole scores: beyond the rounding of ten of them).
    (OUT / "numbered_slots_spaces.txt").write_text(NUMBERED_SLOTS, encoding="utf-8")
    assert "总分 100 98" in NUMBERED_SLOTS
    (OUT / "numbered_slots_slip.txt").write_text(
        NUMBERED_SLOTS.replace("总分 100 98", "总分 100 90"), encoding="utf-8")
    (OUT / "split_header_cells.txt").write_text(
        "\n\n".join(SPLIT_HEADER_CELLS) + "\n", encoding="utf-8")
    # A CMS page whose article opens without its title: the title is only in the
    # page's metadata and in its <title> before the site's name.
    cms = ("<html><head><meta charset='utf-8'>"
           "<meta name='ArticleTitle' content='桐川市河湾区文化馆2024年度免费开放补助资金项目绩效自评报告'>"
           "<title>桐川市河湾区文化馆2024年度免费开放补助资金项目绩效自评报告_桐川市河湾区人民政府</title></head><body>"
           "<div class='nav'>首页 &gt; 政务公开 &gt; 财政预决算</div>"
           "<div class='info'>发布时间：2025-04-02 来源：区文化馆 【字体：大 中 小】【打印】【关闭】</div>"
           "<div id='zoom' class='article-content'>"
           "<p>一、项目基本情况</p>"
           "<p>本项目年初预算为120.00万元，全年预算数为120.00万元，全年执行数为116.40万元，预算执行率为97.00%。</p>"
           "<p>二、绩效自评结论</p>"
           "<p>经自评，本项目自评得分为96.5分，评价等级为优。</p>"
           "</div><div class='share'>分享到：</div></body></html>\n")
    (OUT / "cms_title.html").write_text(cms, encoding="utf-8")
    (OUT / "indicator_completion_cells.txt").write_text(
        "\n".join(INDICATOR_COMPLETION) + "\n", encoding="utf-8")
    (OUT / "wide_form_spaces.txt").write_text(WIDE_FORM_SPACES, encoding="utf-8")
    (OUT / "level_weights.txt").write_text(LEVEL_WEIGHTS, encoding="utf-8")
    # One cell per line as a web table copies (an empty cell an empty line).
    cells = [c.strip() for line in LEVEL_WEIGHTS.splitlines()
             for c in (line.strip().strip("|").split("|") if line.startswith("|") else [line])]
    (OUT / "level_weights_cells.txt").write_text("\n".join(cells) + "\n", encoding="utf-8")
    (OUT / "differences.txt").write_text(DIFFERENCES, encoding="utf-8")
    cells = [c.strip() for line in DIFFERENCES.splitlines()
             for c in (line.strip().strip("|").split("|") if line.startswith("|") else [line])]
    (OUT / "differences_cells.txt").write_text("\n".join(cells) + "\n", encoding="utf-8")
    (OUT / "outline_tables.txt").write_text(OUTLINE_TABLES, encoding="utf-8")
    (OUT / "outline_tables_spaces.txt").write_text(
        "\n".join(" ".join(c.strip() for c in line.strip().strip("|").split("|"))
                  if line.startswith("|") else line
                  for line in OUTLINE_TABLES.splitlines()) + "\n", encoding="utf-8")
    # One cell per line: a row is several lines, the 合计 still right under its rows.
    cells = [c.strip() for line in OUTLINE_TABLES.splitlines()
             for c in (line.strip().strip("|").split("|") if line.startswith("|") else [line])]
    (OUT / "outline_tables_cells.txt").write_text("\n".join(cells) + "\n", encoding="utf-8")
    (OUT / "year_tables.txt").write_text(YEAR_TABLES, encoding="utf-8")
    (OUT / "year_tables_spaces.txt").write_text(
        "\n".join(" ".join(c.strip() for c in line.strip().strip("|").split("|"))
                  if line.startswith("|") else line
                  for line in YEAR_TABLES.splitlines()) + "\n", encoding="utf-8")
    # Pipes turned into spaces as a web page's copy prints its cells: a run of
    # spaces between cells, an empty cell's border two runs joined into one,
    # the columns no longer lined up.
    for stem, text in [("sichuan_form", SICHUAN_FORM), ("level_weights", LEVEL_WEIGHTS),
                       ("differences", DIFFERENCES)]:
        (OUT / f"{stem}_spaces.txt").write_text(
            "".join(line.replace("|", " ").rstrip() + "\n" for line in text.splitlines()),
            encoding="utf-8")
    print(f"wrote {len(SHAPES) + 19} files to {OUT}")


if __name__ == "__main__":
    main()
