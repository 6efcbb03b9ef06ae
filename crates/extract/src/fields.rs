//! Report-level fields: title, reporting unit, evaluated project, kind, fiscal
//! year, total score and grade. Each is looked for where reports put it (the
//! title block, labelled lines, the conclusion's sentence), most specific first.

use std::collections::HashMap;
use std::sync::OnceLock;

use jixiao_model::{Block, Decimal, Document, Paragraph, ReportFields, Source};
use regex::Regex;

use crate::number::Printed;
use crate::streams::Streams;

/// A pattern compiled once, in its own cell (the patterns are constants).
pub(crate) fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

/// Words that end an organisation's name.
const ORG_ENDINGS: &[&str] = &[
    "委员会",
    "管委会",
    "事务中心",
    "中心",
    "总工会",
    "工会",
    "办公室",
    "办事处",
    "政府",
    "街道",
    "局",
    "厅",
    "院",
    "所",
    "站",
    "队",
    "委",
    "部",
    "处",
    "馆",
    "公司",
    "学校",
    "医院",
    "联合会",
    "协会",
];

fn is_org(name: &str) -> bool {
    let n = name.chars().count();
    (4..=40).contains(&n)
        && ORG_ENDINGS.iter().any(|e| name.ends_with(e))
        && !name.contains(['，', '。', '“', '”'])
}

/// The prose and headings of the document's opening, before the first table.
fn opening(doc: &Document) -> Vec<&Paragraph> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Heading { text, .. } | Block::Paragraph(text) => out.push(text),
            // A line or two of page chrome read as a table (`2021-01-05 17:00   来源：…`)
            // is not where the report starts.
            Block::Table(t) if t.rows.len() <= 2 => {}
            Block::Table(_) => break,
        }
        // Page chrome (file names, page counts, breadcrumbs) does not count.
        if out.iter().filter(|p| !is_page_chrome(&p.text)).count() >= 12 {
            break;
        }
    }
    out
}

fn is_title_word(text: &str) -> bool {
    // 部门预算 / 部门决算: the budget publications archived beside the reports.
    [
        "报告",
        "自评表",
        "评价表",
        "评分表",
        "评价情况",
        "自评情况",
        "部门预算",
        "部门决算",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// A line that is the page around the report, not its title: a file name
/// (`…自评表.xlsx`) or a breadcrumb (`当前位置：首页 / 政务公开 / …`).
fn is_page_chrome(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let file = [
        ".docx", ".doc", ".xlsx", ".xls", ".pdf", ".wps", ".ofd", ".et",
    ]
    .iter()
    // A file name, alone or with a document host's page count after it.
    .any(|e| t.ends_with(e) || t.contains(&format!("{e}_")) || t.contains(&format!("{e} ")));
    // A page's own lines: where the text came from, when, how to read it.
    let meta = [
        "发布时间",
        "访问量",
        "字体大小",
        "浏览次数",
        "点击数",
        "【打印】",
        "【关闭】",
        "信息来源",
    ]
    .iter()
    .any(|w| t.contains(w))
        && t.chars().count() <= 80;
    let crumbs = [
        "当前位置",
        "您现在的位置",
        "你现在的位置",
        "您的位置",
        "所在位置",
    ]
    .iter()
    .any(|w| t.contains(w))
        || (t.contains("首页") && (t.contains('>') || t.contains('/') || t.contains('》')));
    file || crumbs || meta
}

/// True when `a`'s characters appear in `b` in order: `b` says the same with
/// more words (the issuer's name inserted into the page's short title).
fn is_expanded_by(a: &str, b: &str) -> bool {
    let mut rest = b.chars().filter(|c| !c.is_whitespace());
    a.chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| rest.any(|d| d == c))
}

/// The title: the first opening line that names the document type, with the
/// line above it when the title was set on two lines (unit, then year and type).
pub fn title(doc: &Document) -> Option<(String, Source)> {
    let open = opening(doc);
    let is_candidate = |p: &&Paragraph| {
        is_title_word(&p.text)
            && p.text.chars().count() <= 80
            && !p.text.contains('。')
            && !is_page_chrome(&p.text)
            // `为做好…工作，我局对…开展了绩效自评，现将评价情况报告如下：` is a sentence.
            && !(p.text.contains(['，', ',']) && p.text.chars().count() > 30)
            && !p.text.contains("如下")
    };
    if let Some(found) = form_title(&open) {
        return Some(found);
    }
    let Some(mut idx) = open.iter().position(|p| is_candidate(p)) else {
        // A web page whose article opens without its title states it in its
        // metadata (`ArticleTitle`, `<h1>`, `<title>` beside the site's name).
        return table_title(doc)
            .or_else(|| leading_title(&open))
            .or_else(|| {
                doc.titles
                    .iter()
                    .find(|p| is_candidate(&p))
                    .map(|p| (p.text.trim().to_string(), p.source_at(0)))
            });
    };
    // A page that lists two reports (`…自评报告、…自评报告`) names the one in
    // its body again on its own.
    if open[idx].text.contains('、') {
        if let Some(part) = open
            .iter()
            .enumerate()
            .skip(idx + 1)
            .find(|(_, p)| is_candidate(p) && open[idx].text.contains(p.text.trim()))
            .map(|(k, _)| k)
        {
            idx = part;
        }
    }
    // A page's short title is often repeated in the body with the issuer's name.
    if let Some(longer) = open
        .iter()
        .enumerate()
        .skip(idx + 1)
        .take(4)
        .find(|(_, p)| {
            is_candidate(p)
                && p.text.chars().count() > open[idx].text.chars().count()
                && is_expanded_by(&open[idx].text, &p.text)
        })
        .map(|(k, _)| k)
    {
        idx = longer;
    }
    let mut text = open[idx].text.trim().to_string();
    let source = open[idx].source_at(0);
    let starts_with_year =
        text.chars().next().is_some_and(|c| c.is_ascii_digit()) || text.starts_with("年度");
    // A long title set on two lines may leave only its last word below (`…绩效评价` / `报告`).
    let only_a_word = text.chars().count() <= 6;
    if (starts_with_year || only_a_word) && idx > 0 {
        let above = open[idx - 1].text.trim();
        let limit = if only_a_word { 60 } else { 40 };
        if !is_page_chrome(above)
            && (is_org(above)
                || (above.chars().count() <= limit && !above.contains(['，', '。', '：'])))
        {
            text = format!("{above}{text}");
        }
    }
    Some((text, source))
}

/// A form whose title is the first rows' one cell of its table (a merged row,
/// or a scan whose title sits inside the form's frame): where the opening
/// prose names none.
fn table_title(doc: &Document) -> Option<(String, Source)> {
    let table = doc.tables().next()?;
    table.rows.iter().take(3).find_map(|row| {
        let filled: Vec<&jixiao_model::Cell> =
            row.iter().filter(|c| !c.text.trim().is_empty()).collect();
        let [cell] = filled.as_slice() else {
            return None;
        };
        let text = cell.text.trim();
        (is_title_word(text) && text.chars().count() <= 80 && !text.contains('。'))
            .then(|| (text.to_string(), cell.source.clone()))
    })
}

/// The title of a national self-evaluation form: its name with the year in
/// brackets under or after it (`项目支出绩效自评表` / `（2023年度）`), wherever
/// the page put it (also inside text run together or flattened on one line).
fn form_title(open: &[&Paragraph]) -> Option<(String, Source)> {
    static FORM: OnceLock<Regex> = OnceLock::new();
    let form = re(
        &FORM,
        r"([^:：，。、；\d\s|]{0,30}(?:自评表|评价表|评分表))\s*([（(](?:19|20)\d{2}\s*年度[)）])",
    );
    for (k, p) in open.iter().enumerate() {
        let next = open.get(k + 1).map(|n| n.text.trim()).unwrap_or("");
        let joined = if next.chars().count() <= 10 { next } else { "" };
        let text = format!("{}{}", p.text.trim(), joined);
        if let Some(c) = form.captures(&text) {
            let start = c.get(0).map_or(0, |m| m.start());
            // `2022年12月30日绩效目标自评表`: the date's last character is not the title's.
            let after_date = text[..start].ends_with(|ch: char| ch.is_ascii_digit());
            let mut head = c[1].trim();
            // `…项目绩效目标自评表河湾区教育局绩效目标自评表（2023年度）`: the form's own
            // title is the last one, after an attachment's name run into it.
            let mut after_title = false;
            for w in ["自评表", "评价表", "评分表"] {
                let body = &head[..head.len().saturating_sub(w.len())];
                if let Some(at) = body.rfind(w) {
                    head = &head[at + w.len()..];
                    after_title = true;
                }
            }
            let head = if after_date && !after_title {
                head.trim_start_matches(['日', '月', '年'])
            } else {
                head
            };
            let name = format!("{head}{}", &c[2]);
            return Some((name, p.source_at(start.min(p.text.len()))));
        }
    }
    None
}

/// A title that opens a long line (a form flattened onto one line: `广水市…自评表
/// 填报日期：…`), or a report's (`关于…绩效自评的报告 一、基本情况…`, a
/// publication's `…部门预算情况说明`, its
/// spaces gone too: up to a heading's number or the opening `根据`): the
/// words up to the first title word.
fn leading_title(open: &[&Paragraph]) -> Option<(String, Source)> {
    static LEAD: OnceLock<Regex> = OnceLock::new();
    let lead = re(
        &LEAD,
        r"^([^:：，。、；\s|]{4,40}?(?:自评表|评价表|评分表|评价报告|自评报告|的报告|说明))(?:\s|填报|项目名称|单位|金额|根据|按照|[一二三四五六七八九十]、|[（(][一二三四五六七八九十]+[）)])",
    );
    open.iter().find_map(|p| {
        let c = lead.captures(p.text.trim())?;
        // (`…2024年部门预算情况说明`: a publication's, where it names one.)
        (!is_page_chrome(&c[1]) && is_title_word(&c[1])).then(|| (c[1].to_string(), p.source_at(0)))
    })
}

/// The fiscal year: in the title, else the year the text names most with 年度
/// (with where it is stated: its first mention), else the plain year the
/// opening paragraphs name most (a guess: no source).
pub fn fiscal_year(
    doc: &Document,
    title: Option<(&str, &Source)>,
) -> (Option<i32>, Option<Source>) {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let year_re = re(&YEAR, r"((?:19|20)\d{2})\s*年");
    if let Some((t, at)) = title {
        if let Some(c) = year_re.captures(t) {
            return (c[1].parse().ok(), Some(at.clone()));
        }
    }
    static YEAR_DU: OnceLock<Regex> = OnceLock::new();
    let du = re(&YEAR_DU, r"((?:19|20)\d{2})\s*年度");
    let mut counts: HashMap<i32, usize> = HashMap::new();
    let mut first_stated: HashMap<i32, Source> = HashMap::new();
    for p in doc.paragraphs() {
        for c in du.captures_iter(&p.text) {
            if let Ok(y) = c[1].parse::<i32>() {
                *counts.entry(y).or_default() += 1;
                first_stated
                    .entry(y)
                    .or_insert_with(|| p.source_at(c.get(1).map_or(0, |m| m.start())));
            }
        }
    }
    if counts.is_empty() {
        // No `年度` at all (`2023年临河区…资金`): a year that is not a date's.
        static YEAR_NOT_DATE: OnceLock<Regex> = OnceLock::new();
        let plain = re(&YEAR_NOT_DATE, r"((?:19|20)\d{2})\s*年([^\d月底末初]|$)");
        for p in doc.paragraphs().take(12) {
            for c in plain.captures_iter(&p.text) {
                // (Not a year planned ahead: `计划2024年完工`.)
                let before = c.get(1).map_or("", |m| &p.text[..m.start()]);
                if ["计划", "预计", "拟", "力争", "将于"]
                    .iter()
                    .any(|w| before.trim_end().ends_with(w))
                {
                    continue;
                }
                if let Ok(y) = c[1].parse::<i32>() {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    let year = counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y);
    (year, year.and_then(|y| first_stated.remove(&y)))
}

/// `project` or `department`, from the title's wording.
pub fn kind(title: Option<&str>) -> Option<&'static str> {
    let t = title?;
    // `部门预算项目支出绩效自评表`: one project of the department's budget.
    let of_a_project = t.contains("项目支出") && !t.contains("整体");
    if of_a_project {
        Some("project")
    } else if [
        "部门整体",
        "整体支出",
        "单位整体",
        "部门绩效自评",
        "整体绩效",
        "部门预算",
        "部门决算",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
        Some("department")
    } else if t.contains("项目") {
        Some("project")
    } else {
        None
    }
}

/// `project` or `department` where the title does not say: the first section
/// of the text (`一、部门基本情况`, `一、项目基本情况`) or the form's name.
fn kind_from_opening(doc: &Document) -> Option<&'static str> {
    for p in doc.paragraphs().take(40) {
        let t = &p.text;
        if [
            "部门基本情况",
            "部门整体",
            "单位基本情况",
            "整体支出",
            "部门概况",
        ]
        .iter()
        .any(|w| t.contains(w))
        {
            return Some("department");
        }
        if [
            "项目基本情况",
            "项目概况",
            "项目支出绩效",
            "专项资金",
            "项目资金",
        ]
        .iter()
        .any(|w| t.contains(w))
        {
            return Some("project");
        }
    }
    None
}

/// Label cells a form prints beside their values: `项目名称 | X`, `实施单位 | Y`.
const CELL_LABELS: &[&str] = &[
    "项目名称",
    "主管部门",
    "实施单位",
    "部门（单位）名称",
    "部门(单位)名称",
    "单位名称",
    "部门名称",
    "自评等级",
    "评价等级",
    "绩效等级",
    "综合评价等级",
];

/// The value printed in the cell right of a label cell, for the first of
/// `labels` found in the document's tables.
fn labelled_cell(doc: &Document, cells: &Streams, labels: &[&str]) -> Option<(String, Source)> {
    let key = crate::streams::field_key;
    let in_tables = labels.iter().find_map(|want| {
        doc.tables().find_map(|table| {
            table.rows.iter().find_map(|row| {
                let own: Vec<&jixiao_model::Cell> = row
                    .iter()
                    .filter(|c| c.covered_by.is_none() && !c.text.trim().is_empty())
                    .collect();
                own.windows(2).find_map(|pair| {
                    // The next header cell of a table this label heads is no value.
                    (key(&pair[0].text) == *want
                        && !CELL_LABELS.contains(&key(&pair[1].text).as_str())
                        && crate::vocab::header_role(&pair[1].text).is_none())
                    .then(|| (pair[1].text.trim().to_string(), pair[1].source.clone()))
                })
            })
        })
    });
    // Where the form's grid was lost, its label cells are tokens in the lines.
    in_tables.or_else(|| crate::streams::labelled_value(cells, labels))
}

/// The reporting unit: a labelled value, the title's leading organisation name,
/// or the organisation the prose says is in charge.
pub fn unit(
    doc: &Document,
    cells: &Streams,
    title: Option<&str>,
) -> Option<(String, Option<Source>)> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    if let Some((name, source)) = labelled_cell(
        doc,
        cells,
        &[
            "实施单位",
            "项目实施单位",
            "项目单位",
            "部门（单位）名称",
            "部门(单位)名称",
            "单位名称",
            "部门名称",
            "单位",
        ],
    )
    .filter(|(n, _)| is_org(n))
    {
        return Some((name, Some(source)));
    }
    // The department in charge, where the form has no 实施单位 cell at all (a
    // 实施单位 whose value was lost is unknown, not its department).
    let names_a_unit = doc.lines.iter().any(|l| l.text.contains("实施单位"));
    if !names_a_unit {
        if let Some((name, source)) =
            labelled_cell(doc, cells, &["主管部门", "预算主管部门"]).filter(|(n, _)| is_org(n))
        {
            return Some((name, Some(source)));
        }
    }
    let label = re(
        &LABEL,
        r"(?:实施单位|部门（单位）名称|部门\(单位\)名称|单位名称|评价单位|报告单位)\s*[：:]\s*([^\s，。；：:]{4,40})",
    );
    for p in doc.paragraphs() {
        if let Some(c) = label.captures(&p.text) {
            if is_org(&c[1]) {
                return Some((
                    c[1].to_string(),
                    Some(p.source_at(c.get(1).map_or(0, |m| m.start()))),
                ));
            }
        }
    }
    if let Some(t) = title {
        static PREFIX: OnceLock<Regex> = OnceLock::new();
        if let Some(c) = re(&PREFIX, r"^(.{4,40}?)(?:(?:19|20)\d{2}\s*年)").captures(t) {
            let name = c[1].trim();
            if is_org(name) {
                return Some((name.to_string(), None));
            }
        }
    }
    if let Some(t) = title {
        // `2022年度株洲市荷塘区妇女联合会部门（单位）整体支出绩效自评报告`.
        static AFTER_YEAR: OnceLock<Regex> = OnceLock::new();
        let after_year = re(
            &AFTER_YEAR,
            r"^(?:19|20)\d{2}\s*年度?(.{4,40}?)(?:部门|单位|整体|项目|关于)",
        );
        if let Some(c) = after_year.captures(t) {
            let name = c[1].trim();
            if is_org(name) {
                return Some((name.to_string(), None));
            }
        }
    }
    static PROSE: OnceLock<Regex> = OnceLock::new();
    let prose = re(
        &PROSE,
        r"(?:主管部门|实施单位|项目单位|责任单位)(?:为|是|：|:)([^，。；、\s（(]{4,40})|由([^，。；、\s（(由]{4,40}?)(?:统筹|负责|组织|具体负责)",
    );
    let mut counts: HashMap<String, (usize, Source)> = HashMap::new();
    for p in doc.paragraphs() {
        for c in prose.captures_iter(&p.text) {
            let Some(m) = c.get(1).or_else(|| c.get(2)) else {
                continue;
            };
            let name = m.as_str().trim();
            if is_org(name) {
                counts
                    .entry(name.to_string())
                    .or_insert((0, p.source_at(m.start())))
                    .0 += 1;
            }
        }
    }
    if let Some(best) = counts
        .into_iter()
        .max_by_key(|(n, (k, _))| (*k, n.chars().count()))
        .map(|(n, (_, s))| (n, Some(s)))
    {
        return Some(best);
    }
    // `山东省残疾人联合会（以下简称“省残联”）是…`: the subject the report is about.
    static SHORT_NAME: OnceLock<Regex> = OnceLock::new();
    let short_name = re(&SHORT_NAME, r"([^，。；、\s（(“”]{4,40})[（(]以下简称");
    for p in doc.paragraphs().take(12) {
        if let Some(c) = short_name.captures(&p.text) {
            let name = c[1].trim();
            if is_org(name) {
                let at = c.get(1).map_or(0, |m| m.start());
                return Some((name.to_string(), Some(p.source_at(at))));
            }
        }
    }
    None
}

/// The evaluated project: `评价项目：X` / `项目名称：X`, a quoted project name,
/// or the subject of the sentence that opens the project's description
/// (`2020年度招商专项经费主要包括…`).
pub fn project(doc: &Document, cells: &Streams) -> Option<(String, Source)> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    // A project's name says what is funded; `债券性质` beside a 项目名称
    // header cell is the next column's name, not a project.
    if let Some(found) = labelled_cell(doc, cells, &["项目名称"]).filter(|(name, _)| {
        name.chars().count() >= 6
            || ["项目", "资金", "经费", "工程", "补助", "补贴", "建设"]
                .iter()
                .any(|w| name.contains(w))
    }) {
        return Some(found);
    }
    let label = re(
        &LABEL,
        r"(?:评价项目|项目名称|被评价项目)\s*[：:]\s*([^\s，。；]{2,60})",
    );
    for p in doc.paragraphs() {
        if let Some(c) = label.captures(&p.text) {
            return Some((
                c[1].to_string(),
                p.source_at(c.get(1).map_or(0, |m| m.start())),
            ));
        }
    }
    static QUOTED: OnceLock<Regex> = OnceLock::new();
    let quoted = re(&QUOTED, r"“([^”“]{2,40})”(?:预算)?项目");
    if let Some(best) = most_frequent(doc, quoted) {
        return Some(best);
    }
    static SUBJECT: OnceLock<Regex> = OnceLock::new();
    let subject = re(
        &SUBJECT,
        r"((?:19|20)\d{2}年度?[^，。；：、“”（）\s]{2,30}?(?:经费|资金|项目|工程|补助|补贴))(?:主要包括|主要用于|项目及)",
    );
    // A 项目名称 column over several projects (a table of them): the title's
    // words are theirs, not one project's name.
    let lists_projects = doc.lines.iter().any(|l| l.text.trim() == "项目名称");
    most_frequent(doc, subject).or_else(|| {
        if lists_projects {
            None
        } else {
            project_in_title(doc)
        }
    })
}

/// `五华区2023年高标准农田建设项目重点绩效评价报告摘要`: the title names the project
/// before the kind of report.
fn project_in_title(doc: &Document) -> Option<(String, Source)> {
    static IN_TITLE: OnceLock<Regex> = OnceLock::new();
    let in_title = re(
        &IN_TITLE,
        r"^(.{4,50}?(?:项目|资金|经费))(?:重点|整体)?(?:支出)?绩效(?:评价|自评)",
    );
    let (t, source) = title(doc)?;
    // `关于2022年度…项目绩效自评情况的报告`: 关于 opens the title, not the name.
    let t = t.strip_prefix("关于").unwrap_or(&t);
    let c = in_title.captures(t)?;
    Some((c[1].to_string(), source))
}

fn most_frequent(doc: &Document, pattern: &Regex) -> Option<(String, Source)> {
    let mut counts: Vec<(String, usize, Source)> = Vec::new();
    for p in doc.paragraphs() {
        // Parentheticals such as （以下简称“…”） sit inside names; read around them.
        let text = strip_parentheticals(&p.text);
        for c in pattern.captures_iter(&text) {
            let name = c[1].to_string();
            match counts.iter_mut().find(|(n, ..)| *n == name) {
                Some(e) => e.1 += 1,
                None => counts.push((name, 1, p.source_at(0))),
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(b.0.chars().count().cmp(&a.0.chars().count()))
        })
        .map(|(n, _, s)| (n, s))
}

fn strip_parentheticals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether the words after a score make it the end of a grade band
/// (`90分（含）以上`, `80-90分`), not a score obtained.
pub(crate) fn opens_a_band(after: &str) -> bool {
    [
        "（含）",
        "(含)",
        "以上",
        "及以上",
        "以下",
        "-",
        "－",
        "～",
        "~",
        "至",
    ]
    .iter()
    .any(|w| after.trim_start().starts_with(w))
}

/// A grade stated in words: `评价等级为优秀`, `等级：良`.
pub(crate) fn grade_re() -> &'static Regex {
    static GRADE: OnceLock<Regex> = OnceLock::new();
    re(
        &GRADE,
        r"(?:评价结果|评价等级|绩效等级|评级|自评等级|综合评价等级|评定等级|等级)\s*(?:为|是|：|:|评定为|确定为|属于)\s*[“\x22「]?(优秀|良好|一般|较差|不合格|合格|优|良|中|差)",
    )
}

/// A total score and where it is stated, with the grade its paragraph gives
/// it after it (`自评得分为92.5分，等级为优秀`), if any.
struct TotalScore {
    value: Decimal,
    source: Source,
    grade: Option<(String, Source)>,
}

/// The total score the report states in its conclusion.
fn total_score(doc: &Document, cells: &Streams) -> Option<TotalScore> {
    static TOTAL: OnceLock<Regex> = OnceLock::new();
    let total = re(
        &TOTAL,
        &format!(
            r"(?:{})\s*(?:为|是|：|:|达)?\s*(\d+(?:\.\d+)?)\s*分",
            crate::vocab::TOTAL_SCORE_LABELS.join("|")
        ),
    );
    for p in doc.paragraphs() {
        for (offset, sentence) in crate::mentions::sentences(&p.text) {
            // A bare 总分 beside a named score (`项目总分100分，自评得分93.5分`) is
            // the scale: the named one is the score.
            let all: Vec<regex::Captures> = total.captures_iter(sentence).collect();
            let named = all
                .iter()
                .find(|c| c.get(0).is_some_and(|m| !m.as_str().starts_with("总分")));
            if let Some(c) = named.or(all.first()) {
                // A clause about the scale, not the score (`满分100分`, `采用百分制`,
                // whether or not a clause after it states the score); a group's
                // full marks in brackets (`项目决策18分（满分20分）`) say nothing
                // of the total.
                let (start, end) = c.get(0).map_or((0, 0), |m| (m.start(), m.end()));
                let clause_start = sentence[..start]
                    .rfind(['，', ',', '；', ';'])
                    .map_or(0, |i| {
                        i + sentence[i..].chars().next().map_or(1, char::len_utf8)
                    });
                let clause_end = sentence[end..]
                    .find(['，', ',', '；', ';'])
                    .map_or(sentence.len(), |i| end + i);
                let clause = strip_parentheticals(&sentence[clause_start..clause_end]);
                if ["满分", "设置为", "设定为", "百分制", "总分值"]
                    .iter()
                    .any(|w| clause.contains(w))
                {
                    continue;
                }
                let Some(mut v) = Printed::parse(&c[1]) else {
                    continue;
                };
                let mut at = c.get(1).map_or(0, |m| m.start());
                // `本次评价总分为100分，实际得分88分`: a 总分 of 100 before what was
                // obtained is the scale.
                if c[0].contains("总分") && v.value == Decimal::from(100) {
                    static OBTAINED: OnceLock<Regex> = OnceLock::new();
                    let obtained = re(
                        &OBTAINED,
                        r"实际得分\s*(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分",
                    );
                    let end = c.get(0).map_or(0, |m| m.end());
                    if let Some(o) = obtained.captures(&sentence[end..]) {
                        let (Some(g), Some(got)) = (o.get(1), Printed::parse(&o[1])) else {
                            continue;
                        };
                        v = got;
                        at = end + g.start();
                    }
                }
                // A grade band (`评价得分90分（含）以上为优`), not the score.
                if opens_a_band(&sentence[c.get(0).map_or(0, |m| m.end())..]) {
                    continue;
                }
                if v.value <= Decimal::from(100) {
                    let grade = grade_re().captures(&p.text[offset + at..]).and_then(|g| {
                        let m = g.get(1)?;
                        Some((m.as_str().to_string(), p.source_at(offset + at + m.start())))
                    });
                    return Some(TotalScore {
                        value: v.value,
                        source: p.source_at(offset + at),
                        grade,
                    });
                }
            }
        }
    }
    // A form's label cell: `自评总分： 95`.
    let (text, source) = crate::streams::labelled_value(cells, &["自评总分"])?;
    let v = Printed::parse(text.trim().trim_end_matches('分'))?;
    (v.value <= Decimal::from(100)).then_some(TotalScore {
        value: v.value,
        source,
        grade: None,
    })
}

/// The grade as stated: 优/良/中/差, 优秀/良好/一般/较差, 合格/不合格.
pub fn grade(doc: &Document, cells: &Streams) -> Option<(String, Source)> {
    let grade = grade_re();
    if let Some((g, source)) = labelled_cell(
        doc,
        cells,
        &["自评等级", "评价等级", "绩效等级", "综合评价等级"],
    ) {
        // Prose after the label (`评价等级为良。`) keeps its verb and stop.
        let g = g
            .trim_start_matches(['为', '是', '：', ':'])
            .trim_end_matches(['。', '；', ';', '，', ',', '.'])
            .trim_matches(['“', '”', '"']);
        // A grade word, not the scale's own wording (`评价等级划分为：90分以上为优…`).
        const GRADES: &[&str] = &[
            "优秀",
            "良好",
            "一般",
            "较差",
            "不合格",
            "合格",
            "优",
            "良",
            "中",
            "差",
        ];
        if g.chars().count() <= 4 && GRADES.iter().any(|w| g.starts_with(w)) {
            return Some((g.to_string(), source));
        }
    }
    for p in doc.paragraphs() {
        if let Some(c) = grade.captures(&p.text) {
            return Some((
                c[1].to_string(),
                p.source_at(c.get(1).map_or(0, |m| m.start())),
            ));
        }
    }
    None
}

/// All report fields.
pub fn report_fields(doc: &Document, cells: &Streams) -> ReportFields {
    let mut f = ReportFields::default();
    if let Some((t, s)) = title(doc) {
        f.title = Some(t);
        f.sources.insert("title".into(), s);
    }
    f.kind = kind(f.title.as_deref())
        .or_else(|| kind_from_opening(doc))
        .map(str::to_string);
    let title_at = f.title.as_deref().zip(f.sources.get("title"));
    let (year, stated_at) = fiscal_year(doc, title_at);
    f.fiscal_year = year;
    if let Some(s) = stated_at {
        f.sources.insert("fiscal_year".into(), s);
    }
    if let Some((u, s)) = unit(doc, cells, f.title.as_deref()) {
        f.unit = Some(u);
        if let Some(s) = s.or_else(|| f.sources.get("title").cloned()) {
            f.sources.insert("unit".into(), s);
        }
    }
    if f.kind.as_deref() != Some("department") {
        if let Some((p, s)) = project(doc, cells) {
            f.project = Some(p);
            f.sources.insert("project".into(), s);
            // A report that names its project is a project's, whatever its title says.
            f.kind.get_or_insert_with(|| "project".to_string());
        }
    }
    let total = total_score(doc, cells);
    // The grade given the total beside it is the report's: a department's
    // report also grades each of its projects.
    let beside = total.as_ref().and_then(|t| t.grade.clone());
    if let Some(t) = total {
        f.total_score = Some(t.value);
        f.sources.insert("total_score".into(), t.source);
    }
    if let Some((g, s)) = beside.or_else(|| grade(doc, cells)) {
        f.grade = Some(g);
        f.sources.insert("grade".into(), s);
    }
    f
}
