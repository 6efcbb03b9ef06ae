//! Tables that arrived without their grid: a web or Word table copied as text
//! with one cell per line, a pipe rendering whose merged cells broke the rows
//! over lines (`成本指标` / `| 省级宣传片… | 200万 | 195.5万元 | 10 |`), a
//! spreadsheet row printed with single spaces between cells.
//!
//! All of them are one thing: a stream of cell tokens after a header that
//! names the columns. The reader finds the header by its words (the column
//! roles of [`crate::vocab`]) and then chooses, by dynamic programming over the
//! whole stream, the reading in which the tokens form rows of that header:
//! label columns may be missing (a merged 一级 or 二级 cell printed once), a
//! label may have been cut into several tokens (`经济效益` `指标`), number
//! columns hold numbers, a score is within its weight. Tokens that fit no row
//! (page chrome, criteria prose) are left over at a cost, so the cheapest
//! reading is the one where the numbers fall in their columns. The result is
//! an ordinary [`Table`] with the grid rebuilt (merged cells left empty), read
//! by the same table readers as every other format.
//!
//! Cost is linear in the tokens: each start position tries one small
//! column-by-token table of bounded width.

use std::collections::HashSet;

use jixiao_model::{Cell, Line, Source, Table};

use crate::number::{cell_number, declared_unit, unit_in_label, MoneyUnit};
use crate::vocab::{header_role, is_placeholder, is_total_label, Role};

/// One cell token: its text and the line it is on.
#[derive(Clone, Debug)]
struct Token {
    text: String,
    source: Source,
}

/// What a column accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    /// 序号: a small whole number; may be missing.
    Seq,
    /// 一级 / 二级: a label, missing where a merged cell was printed once.
    /// `weighted`: the header puts a 分值 column right after it.
    Group { weighted: bool },
    /// 三级 / 项目名称 / the row label of a budget block: always there.
    Label,
    /// An amount, a weight, a score or a rate.
    Number { required: bool },
    /// 指标值 / 实际完成值: anything short; may be empty.
    Free,
    /// Criteria, explanations: prose; may be empty.
    Prose,
}

#[derive(Clone, Debug)]
struct Column {
    class: Class,
    role: Option<Role>,
    header: String,
}

/// The cost of a token that fits no row.
const JUNK: f32 = 2.0;
/// Tokens a label may have been cut into; tokens of a prose cell.
const MAX_LABEL_TOKENS: usize = 4;
const MAX_PROSE_TOKENS: usize = 8;
/// A run of tokens this long that fits no row ends the table.
const END_GAP: usize = 16;

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Splits the lines into cell tokens: a line with pipes at its pipes, any other
/// line at its runs of white space. Lines in `skip` (already read as tables)
/// are left out and end the stream there, as page furniture is ignored.
fn tokenize(lines: &[Line], skip: &HashSet<(u32, u32)>) -> Vec<Vec<Token>> {
    let mut streams: Vec<Vec<Token>> = vec![Vec::new()];
    for line in lines {
        if line.furniture {
            continue;
        }
        let key = (
            line.source.page.unwrap_or(0),
            line.source.line.unwrap_or(0),
        );
        if skip.contains(&key) {
            if streams.last().is_some_and(|s| !s.is_empty()) {
                streams.push(Vec::new());
            }
            continue;
        }
        let Some(stream) = streams.last_mut() else {
            continue;
        };
        let push = |stream: &mut Vec<Token>, text: &str| {
            let t = text.trim();
            let is_rule = !t.is_empty() && t.chars().all(|c| matches!(c, '-' | ':' | '—'));
            if !t.is_empty() && !(is_rule && t.chars().count() > 2) {
                stream.push(Token {
                    text: t.to_string(),
                    source: line.source.clone(),
                });
            }
        };
        if line.text.contains('|') {
            for cell in line.text.split('|') {
                push(stream, cell);
            }
        } else {
            for cell in line.text.split_whitespace() {
                push(stream, cell);
            }
        }
    }
    streams
}

/// The role a header token (or two tokens of a header cell cut at a space:
/// `一级` `指标`) names.
fn role_at(tokens: &[Token], i: usize) -> Option<(Role, usize, String)> {
    for n in 1..=3 {
        let Some(part) = tokens.get(i..i + n) else {
            break;
        };
        // Only short pieces are one header cell cut at a space or a line end.
        if n > 1 && part.iter().any(|t| t.text.chars().count() > 4) {
            break;
        }
        let text = join(part);
        if cell_number(&text).is_some() || text.chars().count() > 16 {
            return None;
        }
        if let Some(role) = header_role(&text) {
            // `一级` `指标` is one cell cut in two; `二、评分` `一级指标` is not,
            // since its last piece names the role by itself.
            let suffix_names_it =
                n > 1 && (1..n).any(|k| header_role(&join(&part[k..])).is_some());
            if suffix_names_it {
                return None;
            }
            return Some((role, n, text));
        }
    }
    None
}

fn class_of(role: Role, next: Option<Role>) -> Class {
    match role {
        Role::Seq => Class::Seq,
        Role::Level1 | Role::Level2 => Class::Group {
            weighted: matches!(next, Some(Role::Weight)),
        },
        Role::Level3 | Role::Name => Class::Label,
        Role::Weight | Role::Score => Class::Number { required: true },
        Role::Initial | Role::Budget | Role::Available | Role::Executed | Role::Rate => {
            Class::Number { required: false }
        }
        Role::Target | Role::Actual => Class::Free,
        Role::Description => Class::Prose,
    }
}

/// A header at token `i`: the columns it names and the token after it.
fn header_at(tokens: &[Token], i: usize) -> Option<(Vec<Column>, usize)> {
    let mut found: Vec<(Role, String)> = Vec::new();
    let mut j = i;
    // A budget block's first header cell titles its row labels (`资金来源`,
    // `项目资金（万元）`); it names no role.
    let lead = tokens.get(i).filter(|t| {
        role_at(tokens, i).is_none()
            && cell_number(&t.text).is_none()
            && t.text.chars().count() <= 20
    });
    if lead.is_some() {
        j += 1;
    }
    while let Some((role, n, text)) = role_at(tokens, j) {
        found.push((role, text));
        j += n;
    }
    let roles: HashSet<Role> = found.iter().map(|(r, _)| *r).collect();
    let has = |r: Role| roles.contains(&r);
    let indicator = has(Role::Level3) || (has(Role::Level1) && has(Role::Level2));
    let scored = indicator && (has(Role::Score) || has(Role::Weight));
    let items = has(Role::Name) && (has(Role::Budget) || has(Role::Executed));
    let money = [Role::Initial, Role::Budget, Role::Executed, Role::Rate]
        .iter()
        .filter(|r| has(**r))
        .count();
    let budget = !indicator && !has(Role::Name) && money >= 2;
    if found.len() < 3 || !(scored || items || budget) {
        return None;
    }
    let mut columns = Vec::new();
    if budget {
        let lead = lead?;
        columns.push(Column {
            class: Class::Label,
            role: None,
            header: lead.text.clone(),
        });
    } else if lead.is_some() {
        // The lead token is not part of this header, which starts at the next one.
        return None;
    }
    let mut k = 0;
    while k < found.len() {
        let (role, text) = &found[k];
        let next = found.get(k + 1).map(|(r, _)| *r);
        let class = class_of(*role, next);
        columns.push(Column {
            class,
            role: Some(*role),
            header: text.clone(),
        });
        // The 分值 after a group label is that group's weight.
        k += if matches!(class, Class::Group { weighted: true }) {
            2
        } else {
            1
        };
    }
    // A header cell's wrapped tail (`(经济科目)`, `(万元)`) printed after the run.
    while let Some(t) = tokens.get(j) {
        let text = t.text.as_str();
        let wrapped = (text.starts_with('(') && text.ends_with(')'))
            || (text.starts_with('（') && text.ends_with('）'));
        if !wrapped || text.chars().count() > 12 {
            break;
        }
        if let Some(last) = columns.last_mut() {
            last.header.push_str(text);
        }
        j += 1;
    }
    Some((columns, j))
}

fn is_number(text: &str) -> bool {
    cell_number(text).is_some()
}

fn is_blank_mark(text: &str) -> bool {
    is_placeholder(text) || matches!(text, "……" | "…" | "——")
}

/// A percentage is a rate, never an amount, a weight or a score.
fn fits_number_column(role: Option<Role>, text: &str) -> bool {
    role == Some(Role::Rate) || !text.contains('%')
}

/// A token that can be (part of) a label.
fn is_label_token(text: &str) -> bool {
    !is_number(text)
        && !is_blank_mark(text)
        && !is_total_label(text)
        && text.chars().count() <= 40
        && !text.contains('。')
}

/// A token that names an indicator group (`数量指标`, `产出指标`, `满意度指标`)
/// rather than an indicator: taking it for a 三级 costs extra.
fn looks_like_group(text: &str) -> bool {
    let t = compact(text);
    let n = t.chars().count();
    (t.ends_with("指标") && n <= 9) || crate::rows::split_weighted_label(&t).1.is_some()
}

/// One column's reading: the tokens it took (`start..end`), none if missing.
type Taken = Option<(usize, usize)>;

/// The cheapest reading of one row starting at token `p`, for each end: cost
/// and what each column took.
fn rows_from(tokens: &[Token], p: usize, columns: &[Column]) -> Vec<(usize, f32, Vec<Taken>)> {
    let k = columns.len();
    let width = k * MAX_LABEL_TOKENS + MAX_PROSE_TOKENS;
    let limit = (p + width).min(tokens.len());
    let span = limit - p + 1;
    // best[j][q]: columns before j read, tokens p..p+q taken.
    let inf = f32::INFINITY;
    let mut best = vec![vec![inf; span]; k + 1];
    let mut back: Vec<Vec<(usize, Taken)>> = vec![vec![(0, None); span]; k + 1];
    best[0][0] = 0.0;
    for j in 0..k {
        let col = &columns[j];
        for q in 0..span {
            let here = best[j][q];
            if here == inf {
                continue;
            }
            let at = p + q;
            let mut relax = |nq: usize, cost: f32, taken: Taken| {
                if nq < span && here + cost < best[j + 1][nq] {
                    best[j + 1][nq] = here + cost;
                    back[j + 1][nq] = (q, taken);
                }
            };
            // Missing cells.
            match col.class {
                Class::Seq => relax(q, 0.5, None),
                Class::Group { .. } => relax(q, 1.0, None),
                Class::Number { required: false } => relax(q, 1.5, None),
                Class::Free => relax(q, 1.0, None),
                Class::Prose => relax(q, 0.3, None),
                Class::Label | Class::Number { required: true } => {}
            }
            let text = |n: usize| tokens.get(at + n).map(|t| t.text.as_str());
            match col.class {
                Class::Seq => {
                    if let Some(n) = text(0).and_then(cell_number) {
                        if n.decimals == 0 && n.value >= rust_decimal::Decimal::ONE {
                            relax(q + 1, 0.0, Some((at, at + 1)));
                        }
                    }
                }
                Class::Number { .. } => match text(0) {
                    Some(t) if is_number(t) && fits_number_column(col.role, t) => {
                        relax(q + 1, 0.0, Some((at, at + 1)))
                    }
                    Some(t) if is_blank_mark(t) => relax(q + 1, 0.3, Some((at, at + 1))),
                    _ => {}
                },
                Class::Group { weighted } => {
                    for n in 1..=MAX_LABEL_TOKENS {
                        if !(0..n).all(|m| text(m).is_some_and(is_label_token)) {
                            break;
                        }
                        let extra = 0.25 * (n - 1) as f32;
                        if weighted {
                            if text(n).is_some_and(is_number) {
                                relax(q + n + 1, extra, Some((at, at + n + 1)));
                            }
                        } else {
                            relax(q + n, extra, Some((at, at + n)));
                        }
                    }
                }
                Class::Label => {
                    // A budget block's row label (no role) is a short name.
                    let most = if col.role.is_none() { 2 } else { MAX_LABEL_TOKENS };
                    for n in 1..=most {
                        if !(0..n).all(|m| text(m).is_some_and(is_label_token)) {
                            break;
                        }
                        let joined: String = (0..n).filter_map(text).collect();
                        let group_like = looks_like_group(&joined) && col.role == Some(Role::Level3);
                        let extra = 0.25 * (n - 1) as f32 + if group_like { 1.5 } else { 0.0 };
                        relax(q + n, extra, Some((at, at + n)));
                    }
                }
                Class::Free => {
                    for n in 1..=2 {
                        if !(0..n).all(|m| {
                            text(m).is_some_and(|t| !is_total_label(t) && header_role(t).is_none())
                        }) {
                            break;
                        }
                        relax(q + n, 0.25 * (n - 1) as f32, Some((at, at + n)));
                    }
                }
                Class::Prose => {
                    for n in 1..=MAX_PROSE_TOKENS {
                        if !(0..n).all(|m| text(m).is_some_and(|t| !is_number(t) && !is_total_label(t))) {
                            break;
                        }
                        relax(q + n, 0.05 * n as f32, Some((at, at + n)));
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for q in 1..span {
        let cost = best[k][q];
        if cost == inf {
            continue;
        }
        let mut taken = vec![None; k];
        let mut at = q;
        for j in (1..=k).rev() {
            let (prev, t) = back[j][at];
            taken[j - 1] = t;
            at = prev;
        }
        if plausible(tokens, columns, &taken) {
            out.push((p + q, cost, taken));
        }
    }
    out
}

/// A row reading makes sense: some number column holds a number, and a score
/// is within its weight.
fn plausible(tokens: &[Token], columns: &[Column], taken: &[Taken]) -> bool {
    let value = |role: Role| {
        columns
            .iter()
            .zip(taken)
            .find(|(c, _)| c.role == Some(role) && matches!(c.class, Class::Number { .. }))
            .and_then(|(_, t)| *t)
            .and_then(|(s, _)| tokens.get(s))
            .and_then(|t| cell_number(&t.text))
            .map(|p| p.value)
    };
    let any_number = columns.iter().zip(taken).any(|(c, t)| {
        matches!(c.class, Class::Number { .. })
            && t.and_then(|(s, _)| tokens.get(s)).is_some_and(|t| is_number(&t.text))
    });
    let within = match (value(Role::Weight), value(Role::Score)) {
        (Some(w), Some(s)) => s <= w,
        _ => true,
    };
    any_number && within
}

/// One step of the chosen reading.
enum Step {
    Junk,
    Row(Vec<Taken>),
    /// A 总分 / 合计 row: the label and the numbers after it.
    Total(usize),
}

/// Reads the stream after a header: the cheapest segmentation into rows,
/// a total row, and left-over tokens.
fn read_rows(tokens: &[Token], start: usize, end: usize, columns: &[Column]) -> Vec<(usize, usize, Step)> {
    let n = end - start;
    let inf = f32::INFINITY;
    let mut best = vec![inf; n + 1];
    let mut back: Vec<Option<(usize, Step)>> = (0..=n).map(|_| None).collect();
    best[0] = 0.0;
    let numeric_columns = columns
        .iter()
        .filter(|c| matches!(c.class, Class::Number { .. }))
        .count();
    for i in 0..n {
        if best[i] == inf {
            continue;
        }
        let here = best[i];
        if here + JUNK < best[i + 1] {
            best[i + 1] = here + JUNK;
            back[i + 1] = Some((i, Step::Junk));
        }
        let at = start + i;
        if is_total_label(&tokens[at].text) {
            let numbers = tokens[at + 1..end]
                .iter()
                .take(numeric_columns)
                .take_while(|t| is_number(&t.text))
                .count();
            if numbers > 0 {
                let e = i + 1 + numbers;
                if here < best[e] {
                    best[e] = here;
                    back[e] = Some((i, Step::Total(numbers)));
                }
            }
            continue;
        }
        for (e, cost, taken) in rows_from(&tokens[..end], at, columns) {
            let e = e - start;
            if here + cost < best[e] {
                best[e] = here + cost;
                back[e] = Some((i, Step::Row(taken)));
            }
        }
    }
    let mut steps = Vec::new();
    let mut at = n;
    while at > 0 {
        let Some((prev, step)) = back[at].take() else {
            break;
        };
        steps.push((start + prev, start + at, step));
        at = prev;
    }
    steps.reverse();
    steps
}

fn join(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.text.as_str()).collect()
}

/// A cell's text from its tokens: prose keeps its spaces, a label was only cut
/// by them (`经济效益 指标`).
fn cell_text(tokens: &[Token], (s, e): (usize, usize), prose: bool) -> String {
    if prose {
        let parts: Vec<&str> = tokens[s..e].iter().map(|t| t.text.as_str()).collect();
        parts.join(" ")
    } else {
        compact(&join(&tokens[s..e]))
    }
}

/// Rebuilds the tables of the lines' cell streams. Lines in `skip` were read
/// as tables by the reader already.
pub fn rebuild_tables(lines: &[Line], skip: &HashSet<(u32, u32)>) -> Vec<Table> {
    let mut out = Vec::new();
    for tokens in tokenize(lines, skip) {
        let headers: Vec<(usize, Vec<Column>, usize)> = {
            let mut hs = Vec::new();
            let mut i = 0;
            while i < tokens.len() {
                match header_at(&tokens, i) {
                    Some((cols, end)) => {
                        hs.push((i, cols, end));
                        i = end;
                    }
                    None => i += 1,
                }
            }
            hs
        };
        // A header repeated (after a page break) continues the table above it.
        let mut h = 0;
        while h < headers.len() {
            let (at, columns, _) = &headers[h];
            let same = |c: &Vec<Column>| {
                c.iter().map(|x| &x.header).eq(columns.iter().map(|x| &x.header))
            };
            let mut last = h;
            while headers.get(last + 1).is_some_and(|n| same(&n.1)) {
                last += 1;
            }
            let segments: Vec<(usize, usize)> = (h..=last)
                .map(|k| {
                    let end = headers.get(k + 1).map_or(tokens.len(), |n| n.0);
                    (headers[k].2, end)
                })
                .collect();
            if let Some(table) = build_table(&tokens, *at, columns, &segments) {
                out.push(table);
            }
            h = last + 1;
        }
    }
    out
}

/// Builds the table of a header over its body segments (one per page where the
/// header was repeated).
fn build_table(
    tokens: &[Token],
    at: usize,
    columns: &[Column],
    segments: &[(usize, usize)],
) -> Option<Table> {
    let header_row: Vec<Cell> = columns
        .iter()
        .map(|c| Cell::new(c.header.clone(), tokens[at].source.clone()))
        .collect();
    let mut rows = vec![header_row];
    let mut page_breaks = Vec::new();
    'segments: for (k, &(body, end)) in segments.iter().enumerate() {
        if k > 0 {
            page_breaks.push(rows.len());
        }
        let mut gap = 0usize;
        for (s, e, step) in read_rows(tokens, body, end, columns) {
        match step {
            Step::Junk => {
                gap += e - s;
                if gap >= END_GAP && rows.len() > 1 {
                    break 'segments;
                }
            }
            Step::Row(taken) => {
                gap = 0;
                let row: Vec<Cell> = columns
                    .iter()
                    .zip(&taken)
                    .map(|(col, t)| match t {
                        None => Cell::new("", tokens[s].source.clone()),
                        Some((ts, te)) => {
                            let text = match col.class {
                                // `项目决策` `20`: the group's weight goes into its label.
                                Class::Group { weighted: true } if te - ts >= 2 => format!(
                                    "{}({}分)",
                                    cell_text(tokens, (*ts, te - 1), false),
                                    tokens[te - 1].text
                                ),
                                Class::Prose => cell_text(tokens, (*ts, *te), true),
                                _ => cell_text(tokens, (*ts, *te), false),
                            };
                            Cell::new(text, tokens[*ts].source.clone())
                        }
                    })
                    .collect();
                rows.push(row);
            }
            Step::Total(numbers) => {
                // The numbers go to the last number columns, in order.
                let mut row: Vec<Cell> = columns
                    .iter()
                    .map(|_| Cell::new("", tokens[s].source.clone()))
                    .collect();
                row[0] = Cell::new(tokens[s].text.clone(), tokens[s].source.clone());
                let number_cols: Vec<usize> = columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| matches!(c.class, Class::Number { .. }))
                    .map(|(k, _)| k)
                    .collect();
                let first = number_cols.len().saturating_sub(numbers);
                for (n, &col) in number_cols[first..].iter().enumerate() {
                    let tok = &tokens[s + 1 + n];
                    row[col] = Cell::new(tok.text.clone(), tok.source.clone());
                }
                rows.push(row);
                break 'segments;
            }
        }
        }
    }
    page_breaks.retain(|&b| b < rows.len());
    (rows.len() > 1).then(|| Table {
        rows,
        page_breaks,
        source: tokens[at].source.clone(),
        ..Table::default()
    })
}

/// Labels a form prints in a cell before its value (`项目名称`, `主管部门`),
/// and those that only end the value before them (`项目负责人`, `联系电话`).
pub const FIELD_LABELS: &[&str] = &[
    "项目名称",
    "主管部门",
    "项目主管部门",
    "预算主管部门",
    "项目主管单位",
    "主管单位",
    "实施单位",
    "项目实施单位",
    "项目单位",
    "部门（单位）名称",
    "部门(单位)名称",
    "单位名称",
    "部门名称",
    "自评等级",
    "评价等级",
    "项目负责人及电话",
    "项目负责人",
    "负责人",
    "联系电话",
    "联系人",
    "项目属性",
    "项目类型",
    "项目类别",
    "资金情况",
    "项目资金",
    "地址",
    "邮编",
    "评价类型",
    "评价方式",
    "填报日期",
    "自评总分",
];

/// `广水市交通运输局 广水市交通运输局` (two cells of one value side by side) → once.
fn dedupe_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 && words.iter().all(|w| *w == words[0]) {
        words[0].to_string()
    } else {
        text.trim().to_string()
    }
}

fn field_key(text: &str) -> String {
    compact(text).trim_end_matches(['：', ':']).to_string()
}

/// The value a form prints after one of `labels`, read from the token streams
/// where the form's grid was lost: the rest of the label's line up to the next
/// label (cells between spaces), the next cell (pipes, or one cell per line),
/// or, in text run together, what follows the label up to the next label.
pub fn labelled_value(lines: &[Line], labels: &[&str]) -> Option<(String, Source)> {
    let streams = tokenize(lines, &HashSet::new());
    let is_label = |t: &str| FIELD_LABELS.contains(&field_key(t).as_str());
    for want in labels {
        for tokens in &streams {
            for (i, t) in tokens.iter().enumerate() {
                let key = field_key(&t.text);
                if key == *want {
                    let same_line: Vec<&Token> = tokens[i + 1..]
                        .iter()
                        .take_while(|n| n.source == t.source && !is_label(&n.text))
                        .collect();
                    let value = if same_line.is_empty() {
                        tokens
                            .get(i + 1)
                            .filter(|n| !is_label(&n.text))
                            .map(|n| (n.text.clone(), n.source.clone()))
                    } else {
                        let text: Vec<&str> = same_line.iter().map(|n| n.text.as_str()).collect();
                        Some((text.join(" "), same_line[0].source.clone()))
                    };
                    // Not a value: a label cut in two (`项目主管单` `位`), or the
                    // next header cell of a table whose header this label is.
                    let near_header = tokens[i + 1..]
                        .iter()
                        .take(3)
                        .any(|n| header_role(&n.text).is_some());
                    let value = value
                        .map(|(v, s)| (dedupe_words(&v), s))
                        .filter(|(v, _)| !v.trim().is_empty() && !is_label(v) && !near_header);
                    if let Some(v) = value {
                        return Some(v);
                    }
                } else if let Some(at) = key.find(want) {
                    // Run together: `…主管部门中江县水利局实施单位中江县水利局资金情况…`.
                    let rest = &key[at + want.len()..];
                    let end = FIELD_LABELS
                        .iter()
                        .filter_map(|l| rest.find(l))
                        .filter(|&e| e > 0)
                        .min();
                    if let Some(end) = end {
                        let value = &rest[..end];
                        if value.chars().count() <= 40 {
                            return Some((value.to_string(), t.source.clone()));
                        }
                    }
                }
            }
        }
    }
    None
}

/// An amount a form prints in the cell after its label: `实际到位资金（万元）` `398.88`,
/// `年度预算资金总额：` `321.25` under a block titled `…补助资金（万元）`.
#[derive(Clone, Debug)]
pub struct LabelledAmount {
    /// The label, without its unit.
    pub label: String,
    /// The amount as printed.
    pub value: crate::number::Printed,
    /// The unit: the label's own, or the block title's above it.
    pub unit: MoneyUnit,
    /// Where the amount is.
    pub source: Source,
}

/// How many tokens a block title's unit (`…资金（万元）`) reaches.
const UNIT_REACH: usize = 12;

fn bare_unit(text: &str) -> Option<MoneyUnit> {
    let t = compact(text);
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|x| x.strip_suffix([')', '）']))?;
    MoneyUnit::parse(inner)
}

/// Every label followed by exactly one amount, with a unit that the label or
/// the block's title states (no unit stated: no amount, never a guess).
pub fn labelled_amounts(lines: &[Line]) -> Vec<LabelledAmount> {
    let mut out = Vec::new();
    for tokens in tokenize(lines, &HashSet::new()) {
        // (unit, token index where it was stated)
        let mut block_unit: Option<(MoneyUnit, usize)> = None;
        let mut i = 0;
        while i < tokens.len() {
            let label = &tokens[i].text;
            if is_number(label) || is_blank_mark(label) || compact(label).chars().count() > 30 {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut unit = unit_in_label(label);
            if let Some(u) = tokens.get(j).and_then(|t| bare_unit(&t.text)) {
                unit = Some(u);
                j += 1;
            }
            let value = tokens.get(j).filter(|t| !t.text.contains('%')).and_then(|t| {
                cell_number(&t.text).map(|p| (p, t.source.clone()))
            });
            // One amount, not a row of numbers.
            let alone = tokens.get(j + 1).is_none_or(|t| !is_number(&t.text));
            match value {
                Some((printed, source)) if alone => {
                    let unit = unit.or_else(|| {
                        block_unit
                            .filter(|(_, at)| i - at <= UNIT_REACH)
                            .map(|(u, _)| u)
                    });
                    if let Some(unit) = unit {
                        out.push(LabelledAmount {
                            label: strip_unit(label),
                            value: printed,
                            unit,
                            source,
                        });
                        block_unit = block_unit.map(|(u, _)| (u, j));
                    }
                    i = j + 1;
                }
                _ => {
                    if let Some(u) = unit.or_else(|| declared_unit(label)) {
                        block_unit = Some((u, i));
                    }
                    i += 1;
                }
            }
        }
    }
    out
}

/// `实际到位资金（万元）` → `实际到位资金`; `年度预算资金总额）：` → `年度预算资金总额`.
fn strip_unit(label: &str) -> String {
    let mut t = compact(label);
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(start) = t.find(open) {
            if let Some(len) = t[start..].find(close) {
                if MoneyUnit::parse(&t[start + open.len_utf8()..start + len]).is_some() {
                    t.replace_range(start..start + len + close.len_utf8(), "");
                }
            }
        }
    }
    t.trim_end_matches(['：', ':', ')', '）']).to_string()
}

/// Runs of labelled amounts that open with a total (`年度预算资金总额`, `合计`)
/// and list its parts after it, as a two-column table for the budget-block
/// reader: the form's breakdown by source, whose sum the checker tests.
pub fn breakdown_tables(amounts: &[LabelledAmount]) -> Vec<Table> {
    let is_total = |a: &LabelledAmount| {
        a.label.contains("资金总额") || a.label.contains("合计") || a.label.contains("总计")
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < amounts.len() {
        if !is_total(&amounts[k]) {
            k += 1;
            continue;
        }
        let unit = amounts[k].unit;
        let run: Vec<&LabelledAmount> = amounts[k..]
            .iter()
            .take_while(|a| a.unit == unit)
            .collect();
        let parts = run.iter().skip(1).take_while(|a| !is_total(a)).count();
        k += run.len().max(1);
        if parts < 2 {
            continue;
        }
        let header = vec![
            Cell::new("项目", run[0].source.clone()),
            Cell::new(format!("预算数（{}）", unit.label()), run[0].source.clone()),
        ];
        let mut rows = vec![header];
        for a in run {
            rows.push(vec![
                Cell::new(a.label.clone(), a.source.clone()),
                Cell::new(a.value.value.to_string(), a.source.clone()),
            ]);
        }
        out.push(Table {
            source: rows[1][0].source.clone(),
            rows,
            ..Table::default()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                text: t.to_string(),
                source: Source::at_line(None, i as u32 + 1),
                furniture: false,
            })
            .collect()
    }

    fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn one_cell_per_line_with_group_weights() {
        let text = "二、评分\n一级指标\n\n分值\n\n二级指标\n\n分值\n\n三级指标\n\n分值\n\n得分\n\n决策\n\n20\n\n目标设定\n\n6\n\n目标明确\n\n6\n\n5\n\n程序合规\n\n14\n\n审批程序\n\n8\n\n8\n\n论证\n\n6\n\n6\n";
        let tables = rebuild_tables(&lines(text), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t[0], vec!["一级指标", "二级指标", "三级指标", "分值", "得分"]);
        assert_eq!(t[1], vec!["决策(20分)", "目标设定(6分)", "目标明确", "6", "5"]);
        assert_eq!(t[2], vec!["", "程序合规(14分)", "审批程序", "8", "8"]);
        assert_eq!(t[3], vec!["", "", "论证", "6", "6"]);
    }

    #[test]
    fn pipe_rows_broken_over_lines_with_merged_labels() {
        let text = "序号 | 一级 指标 |\n二级 指标 |\n三级 指标 |\n指标分值 | 评分标准 | 自评得分 |\n1 | 投入 (10分) |\n预算编制 (6分) | 编制 科学性 | 4 | 是否科学。 |\n3 |\n2 | 编制 完整性 | 2 | 是否完整(2分)。 | 2 | ||\n3 | 资金管理 (4分) | 资金 到位率 | 4 | 到位率。 | 4 |\n";
        let tables = rebuild_tables(&lines(text), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[1][1..5], ["投入(10分)", "预算编制(6分)", "编制科学性", "4"]);
        assert_eq!(t[1][6], "3");
        assert_eq!(t[2][1..4], ["", "", "编制完整性"]);
        assert_eq!(t[3][2..4], ["资金管理(4分)", "资金到位率"]);
    }

    #[test]
    fn space_separated_budget_block() {
        let text = "项目资金\n资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 12.50 10.00 9.80 10 98.00% 9.8\n其中:当年财政拨款 12.50 10.00 9.80 - - -\n其他资金 0.00 0.00 0.00 - - -\n年度总体目标 总体目标完成情况\n";
        let tables = rebuild_tables(&lines(text), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[1], vec!["年度资金总额", "12.50", "10.00", "9.80", "10", "98.00%", "9.8"]);
        assert_eq!(t[3][0], "其他资金");
    }

    #[test]
    fn label_values_in_every_shape() {
        let spaced = lines("项目名称 河湾区 社区养老 补助资金\n主管部门 河湾区民政局 实施单位 河湾区养老服务中心\n");
        assert_eq!(
            labelled_value(&spaced, &["项目名称"]).map(|v| v.0).as_deref(),
            Some("河湾区 社区养老 补助资金")
        );
        assert_eq!(
            labelled_value(&spaced, &["实施单位"]).map(|v| v.0).as_deref(),
            Some("河湾区养老服务中心")
        );
        let per_line = lines("项目实施单位\n\n河湾区养老服务中心\n\n主管部门\n\n河湾区民政局\n");
        assert_eq!(
            labelled_value(&per_line, &["项目实施单位"]).map(|v| v.0).as_deref(),
            Some("河湾区养老服务中心")
        );
        let run = lines("附件:自评表项目名称河湾区社区养老补助资金项目负责人及电话张三1390000主管部门河湾区民政局实施单位河湾区养老服务中心资金情况(万元)");
        assert_eq!(
            labelled_value(&run, &["实施单位"]).map(|v| v.0).as_deref(),
            Some("河湾区养老服务中心")
        );
        assert_eq!(
            labelled_value(&run, &["项目名称"]).map(|v| v.0).as_deref(),
            Some("河湾区社区养老补助资金")
        );
        let piped = lines("项目名称 | 河湾区社区养老补助资金 | ||||\n主管部门 | 河湾区民政局 | 项目实施单位 | 河湾区养老服务中心 | ||\n");
        assert_eq!(
            labelled_value(&piped, &["项目实施单位"]).map(|v| v.0).as_deref(),
            Some("河湾区养老服务中心")
        );
    }

    #[test]
    fn labelled_amounts_and_a_breakdown() {
        let text = "计划安排资金(万元)\n\n120.50\n\n实际到位资金(万元)\n\n118.00\n\n其中:中央财政\n\n其中:中央财政\n\n养老补助资金(万元)\n年度预算资金总额: 60.00\n其中:中央补助 30.00\n市级资金 20.00\n本级资金 11.00\n年度资金总额 5.28 1.96 1.96 10 100.00% 10\n";
        let amounts = labelled_amounts(&lines(text));
        let got: Vec<(String, String)> = amounts
            .iter()
            .map(|a| (a.label.clone(), a.value.value.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("计划安排资金".to_string(), "120.50".to_string()),
                ("实际到位资金".to_string(), "118.00".to_string()),
                ("年度预算资金总额".to_string(), "60.00".to_string()),
                ("其中:中央补助".to_string(), "30.00".to_string()),
                ("市级资金".to_string(), "20.00".to_string()),
                ("本级资金".to_string(), "11.00".to_string()),
            ]
        );
        assert!(amounts.iter().all(|a| a.unit == MoneyUnit::Wan));
        let tables = breakdown_tables(&amounts);
        assert_eq!(tables.len(), 1);
        assert_eq!(texts(&tables[0]).len(), 5);
    }

    #[test]
    fn a_score_above_its_weight_is_no_reading() {
        // 12 > 10: the second number cannot be the score of a 10-point row.
        let text = "一级指标 二级指标 三级指标 分值 得分\n产出指标 数量指标 完成数 10 12\n";
        let tables = rebuild_tables(&lines(text), &HashSet::new());
        assert!(tables.iter().all(|t| t.rows.len() == 1 || texts(t)[1][3] != "10"));
    }
}
