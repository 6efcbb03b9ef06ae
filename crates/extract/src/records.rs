//! Label and value cells read as the sentences they stand for.
//!
//! A form's cells printed one per line (`实际到位` / `2,000.00` / `到位率` /
//! `100.00%`), a line of names over a line of as many figures (`编制数
//! 实际在职人数 控制率` / `42 40 95.24%`), or a form's fields one per line
//! (`全年预算数（A）：892.50`), state what a sentence would:
//! `实际到位2,000.00万元，到位率100.00%`. Written out as that sentence, with
//! each piece's source kept, they are read by the prose reader and checked by
//! the same rules, rather than by a second reader of their own.
//!
//! Only an unambiguous pairing is written out: each line of figures right
//! under the line of names it pairs with, as many names as figures (names
//! beyond them, on the left, caption the pairs), or a line of names each
//! followed by one figure. A line of figures under another, or two figures
//! after a name, is a table's rows, whose columns a table reader places; its
//! pairs are left unread. A table one cell per line that no reader knew is
//! given back as a grid ([`grids`]) for the reader of such tables.

use std::collections::HashSet;

use jixiao_model::{MoneyUnit, Paragraph, Source};

use crate::number::{declared_unit, is_number, unit_in_label};
use crate::streams::LineCells;
use crate::vocab::without_unit;

/// Cells a caption or a label holds at most: a longer cell is prose.
const MAX_LABEL_CHARS: usize = 30;

/// A sentence written out from cells, and the lines it was read from.
pub struct Written {
    /// The sentences, each piece's source that of its cell.
    pub paragraph: Paragraph,
    /// (page, line) of every line a sentence took a cell from.
    pub lines: Vec<(u32, u32)>,
    /// Fields of one of several blocks alike, each under a caption of its own
    /// (`项目一：A项目（万元）` / `全年预算数：120.00` / … / `项目二：B项目（万元）`
    /// / `全年预算数：80.00`): the caption's figures, not the report's own.
    pub one_of_several: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Label,
    Value,
    Blank,
}

fn kind_of(text: &str) -> Option<Kind> {
    let t = text.trim();
    // (The vocabulary's blank marks, and a full-width slash.)
    if crate::vocab::is_placeholder(t) || t == "／" {
        return Some(Kind::Blank);
    }
    if is_value(t) {
        return Some(Kind::Value);
    }
    let label = t.chars().count() <= MAX_LABEL_CHARS
        && t.chars().any(jixiao_model::is_han)
        && !t.contains(['。', '，', '；', ';'])
        && !t.ends_with([',', '、']);
    label.then_some(Kind::Label)
}

/// A figure alone in its cell: a number, a rate, an amount with its money
/// unit, or a count with its measure word (`42人`, `≥12公里`); not a date.
fn is_value(t: &str) -> bool {
    if is_number(t) {
        return true;
    }
    let bare = t.trim_start_matches(['≥', '≤', '＞', '＜', '>', '<']);
    let digits = bare
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ','))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &bare[digits..];
    digits > 0
        && bare.starts_with(|c: char| c.is_ascii_digit())
        && (1..=3).contains(&word.chars().count())
        && !word.starts_with(['年', '月', '日', '号', '、', '.', '-'])
        && word.chars().all(jixiao_model::is_han)
}

/// The measure a count's label names (`实际在职人数`, `项目个数`): its figure is
/// so many of them.
fn counted_by_label(label: &str) -> Option<&'static str> {
    const COUNTS: &[(&str, &str)] = &[
        ("编制数", "人"),
        ("人数", "人"),
        ("人次", "人次"),
        ("户数", "户"),
        ("个数", "个"),
        ("项目数", "个"),
        ("件数", "件"),
        ("次数", "次"),
    ];
    COUNTS
        .iter()
        .find(|(end, _)| label.ends_with(end))
        .map(|(_, unit)| *unit)
}

/// Labels that name money, which a unit declared for the table (`单位：万元`)
/// applies to; a count or a rate beside them is in no money unit.
fn names_money(label: &str) -> bool {
    const MONEY: &[&str] = &[
        "资金",
        "预算",
        "决算",
        "经费",
        "支出",
        "收入",
        "拨款",
        "金额",
        "投资",
        "结转",
        "结余",
        "追加",
        "到位",
        "补助",
        "补贴",
        "费",
        "执行数",
        "合计",
        "总计",
        "小计",
    ];
    MONEY.iter().any(|w| label.contains(w)) && counted_by_label(label).is_none()
}

/// Labels of a score, a rate, a target or a code under a caption that
/// declares its money unit (`资金投入情况（万元）` / `分值：10` / `得分：9.58` /
/// `项目编号：2023001258`): no money.
fn names_another_measure(label: &str) -> bool {
    use crate::vocab::Role;
    const CODES: &[&str] = &[
        "编号", "编码", "代码", "电话", "号码", "日期", "邮编", "账号",
    ];
    let role = crate::vocab::header_role(label);
    matches!(
        role,
        Some(Role::Weight | Role::Score | Role::Rate | Role::Target | Role::Actual)
    ) || label.ends_with(['率', '分'])
        || label.ends_with("比例")
        || CODES.iter().any(|w| label.contains(w))
}

fn money_word(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Yuan => "元",
        MoneyUnit::Wan => "万元",
        MoneyUnit::Yi => "亿元",
    }
}

struct Pair<'s> {
    label: (String, &'s Source),
    value: (&'s str, &'s Source),
}

#[derive(Default)]
struct Sentence<'s> {
    caption: Vec<(String, &'s Source)>,
    pairs: Vec<Pair<'s>>,
    /// A line of figures right under another: a table's rows, not pairs.
    table: bool,
    /// The pairs a clause of its own opens on (after `；`).
    clauses: Vec<usize>,
    lines: Vec<(u32, u32)>,
}

/// A line of names, and the lines it was read from.
struct Names<'s> {
    cells: Vec<(String, &'s Source)>,
    lines: Vec<(u32, u32)>,
}

/// What a cell holding only brackets holds: `万元` of `（万元）`.
fn bracketed(text: &str) -> Option<&str> {
    text.trim()
        .strip_prefix(['(', '（'])
        .and_then(|x| x.strip_suffix([')', '）']))
}

/// `（万元）` alone in its cell.
fn is_bare_unit(text: &str) -> bool {
    bracketed(text).is_some_and(|inner| MoneyUnit::parse(inner).is_some())
}

/// `全年预算数（A）：892.50`: a form's field and its figure in one cell, the
/// colon between them: the two cells of a name and its figure. `None` where
/// the line holds no such cell.
fn fields_and_figures<'s>(cells: &[(&'s str, &'s Source)]) -> Option<Vec<(&'s str, &'s Source)>> {
    let split = |&(text, source): &(&'s str, &'s Source)| {
        let (at, colon) = text
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '：' | ':'))?;
        let (name, figure) = text.split_at(at + colon.len_utf8());
        let figure = figure.trim();
        (kind_of(name) == Some(Kind::Label) && kind_of(figure) == Some(Kind::Value))
            .then_some([(name, source), (figure, source)])
    };
    cells.iter().any(|c| split(c).is_some()).then(|| {
        cells
            .iter()
            .flat_map(|c| match split(c) {
                Some(pair) => pair.to_vec(),
                None => vec![*c],
            })
            .collect()
    })
}

/// A line opening on a name whose every figure follows a name, and which
/// ends on a figure: names and their figures, one each.
fn alternating(kinds: &[Kind]) -> bool {
    kinds.first() == Some(&Kind::Label)
        && kinds.last() == Some(&Kind::Value)
        && kinds
            .windows(2)
            .all(|w| !(w[0] != Kind::Label && w[1] != Kind::Label))
}

/// The sentences of one run of lines being read.
#[derive(Default)]
struct Reading<'s> {
    block: Vec<Sentence<'s>>,
    /// Lines of names since the last line of figures.
    pending: Vec<Names<'s>>,
    after_values: bool,
    /// The block being read is one of several alike (see [`Written::one_of_several`]).
    several: bool,
}

impl<'s> Reading<'s> {
    /// Pairs a line of figures with the line of names right above it.
    fn pair(&mut self, values: &[(&'s str, &'s Source)], key: (u32, u32)) {
        let names = match self.pending.last() {
            Some(n) if !self.after_values && n.cells.len() >= values.len() => n,
            _ => {
                // Figures under figures, or under fewer names: a table's rows.
                if let Some(s) = self.block.last_mut() {
                    s.table = true;
                }
                self.pending.clear();
                self.after_values = true;
                return;
            }
        };
        let extra = names.cells.len() - values.len();
        // A caption: a line of one name before the names, or the names left
        // of those the figures are under. (A line declaring the unit,
        // `单位：万元`, captions nothing.)
        let before = self
            .pending
            .len()
            .checked_sub(2)
            .map(|k| &self.pending[k])
            .filter(|l| l.cells.len() == 1 && declared_unit(&l.cells[0].0).is_none());
        let mut caption: Vec<(String, &Source)> = Vec::new();
        caption.extend(before.iter().flat_map(|l| l.cells.iter().cloned()));
        caption.extend(names.cells[..extra].iter().cloned());
        if !caption.is_empty() || self.block.is_empty() {
            self.block.push(Sentence {
                caption,
                ..Sentence::default()
            });
        }
        if let Some(s) = self.block.last_mut() {
            s.lines
                .extend(before.iter().flat_map(|l| l.lines.iter().copied()));
            s.lines.extend(names.lines.iter().copied());
            s.lines.push(key);
            for (label, value) in names.cells[extra..].iter().zip(values) {
                s.pairs.push(Pair {
                    label: label.clone(),
                    value: *value,
                });
            }
        }
        self.pending.clear();
        self.after_values = true;
    }

    /// Where a line of fields (`name：figure`) opens a clause or a sentence of
    /// its own. A field named again (`全年预算数` / `其中：财政资金：280.00` / … /
    /// `全年执行数` / `其中：财政资金：277.50`) is the next block's, in a sentence
    /// of its own; where it opens a 其中, the field before it is that block's
    /// whole, and the clause breaks before that. A rate after a 其中's parts is
    /// no part's (`执行率：98.50%` is the whole's): a clause of its own.
    fn before_a_field(
        &mut self,
        cells: &[(&'s str, &'s Source)],
        declared: Option<MoneyUnit>,
        out: &mut Vec<Written>,
    ) {
        if self.names_again(cells) {
            let opens_parts = cells.first().is_some_and(|(t, _)| t.starts_with("其中"));
            match self.block.last_mut() {
                Some(s) if opens_parts && s.pairs.len() >= 2 => s.clauses.push(s.pairs.len() - 1),
                _ => {
                    // (The names above it, a caption, are the next block's.)
                    let captions = std::mem::take(&mut self.pending);
                    // Both blocks captioned, neither naming a part of the
                    // budget (which scopes its own): one subject's of several.
                    let names_a_part = crate::budget::names_a_part;
                    let ended = self.block.last().map(|s| {
                        s.caption
                            .iter()
                            .map(|(t, _)| t.as_str())
                            .collect::<String>()
                    });
                    let next: String = captions
                        .iter()
                        .flat_map(|n| n.cells.iter().map(|(t, _)| t.as_str()))
                        .collect();
                    self.several = ended.is_some_and(|c| !c.is_empty() && !names_a_part(&c))
                        && !next.is_empty()
                        && !names_a_part(&next);
                    let several = self.several;
                    self.end(declared, out);
                    self.several = several;
                    self.pending = captions;
                }
            }
        }
        let a_rate = cells
            .first()
            .is_some_and(|(t, _)| t.trim_end_matches(['：', ':']).ends_with('率'));
        if let Some(s) = self.block.last_mut().filter(|_| a_rate) {
            let clause = s.clauses.last().copied().unwrap_or(0);
            if s.pairs[clause..]
                .iter()
                .any(|p| p.label.0.starts_with("其中"))
            {
                s.clauses.push(s.pairs.len());
            }
        }
    }

    /// Whether a cell of the line names a pair the clause being read has.
    fn names_again(&self, cells: &[(&str, &Source)]) -> bool {
        self.block.last().is_some_and(|s| {
            let clause = s.clauses.last().copied().unwrap_or(0);
            s.pairs[clause..].iter().any(|p| {
                cells
                    .iter()
                    .any(|(t, _)| without_unit(t.trim()) == without_unit(&p.label.0))
            })
        })
    }

    fn end(&mut self, declared: Option<MoneyUnit>, out: &mut Vec<Written>) {
        let before = out.len();
        flush(&mut self.block, declared, out);
        if let Some(w) = out.get_mut(before..).and_then(|w| w.last_mut()) {
            w.one_of_several = self.several;
        }
        self.several = false;
        self.pending.clear();
        self.after_values = false;
    }
}

/// Sentences written out from the lines' cells; lines in `taken` belong to
/// tables read already and end any run of pairs.
pub fn written_out<'s>(
    lines: &'s [LineCells<'s>],
    taken: &dyn Fn((u32, u32)) -> bool,
) -> Vec<Written> {
    let mut out = Vec::new();
    let mut reading = Reading::default();
    // The money unit declared for what follows (`单位：万元`).
    let mut declared: Option<MoneyUnit> = None;
    for line in lines {
        let split = fields_and_figures(&line.cells);
        let cells = split.as_deref().unwrap_or(&line.cells);
        if cells.is_empty() {
            continue;
        }
        // (A caption naming its unit, `项目资金（万元）：`, declares it for the
        // fields after it, as `单位：万元` does.)
        let caption_unit = match cells {
            [(t, _)] if kind_of(t) == Some(Kind::Label) => unit_in_label(t),
            _ => None,
        };
        if let Some(u) = cells
            .iter()
            .find_map(|(t, _)| declared_unit(t))
            .or(caption_unit)
        {
            declared = Some(u);
        }
        if split.is_some() {
            reading.before_a_field(cells, declared, &mut out);
        }
        let kinds: Option<Vec<Kind>> = cells.iter().map(|(t, _)| kind_of(t)).collect();
        let Some(kinds) = kinds.filter(|_| !taken(line.key) && !line.run_together) else {
            reading.end(declared, &mut out);
            continue;
        };
        let names = |cells: &[(&'s str, &'s Source)]| Names {
            cells: cells
                .iter()
                .map(|(t, s)| (t.trim().to_string(), *s))
                .collect(),
            lines: vec![line.key],
        };
        let labels = kinds.iter().filter(|k| **k == Kind::Label).count();
        let values = kinds.iter().filter(|k| **k == Kind::Value).count();
        match (labels, values) {
            // `（万元）` on the line under a name: that name's unit.
            (1, 0) if cells.len() == 1 && is_bare_unit(cells[0].0) => {
                match reading.pending.last_mut().and_then(|n| {
                    n.lines.push(line.key);
                    n.cells.last_mut()
                }) {
                    Some(cell) if !reading.after_values => cell.0.push_str(cells[0].0.trim()),
                    _ => reading.end(declared, &mut out),
                }
            }
            (_, 0) => {
                reading.pending.push(names(&cells));
                reading.after_values = false;
            }
            (0, _) => reading.pair(&cells, line.key),
            // Names, each run of them followed by one figure: a row of a form
            // (`实际支出 | 合计 | 829.40`), or a form's cells flattened onto one
            // line (`计划投资额（万元） 570 实际到位资金（万元） 398.88`). (Two
            // figures after a name are a table's row.)
            _ if alternating(&kinds) => {
                let mut from = 0;
                for (k, kind) in kinds.iter().enumerate() {
                    if *kind == Kind::Value {
                        reading.pending.push(names(&cells[from..k]));
                        reading.after_values = false;
                        reading.pair(&cells[k..=k], line.key);
                        from = k + 1;
                    }
                }
            }
            _ => reading.end(declared, &mut out),
        }
    }
    reading.end(declared, &mut out);
    out
}

/// Writes the block's sentences out as one paragraph.
fn flush(block: &mut Vec<Sentence>, declared: Option<MoneyUnit>, out: &mut Vec<Written>) {
    let mut text = String::new();
    let mut spans: Vec<(usize, Source)> = Vec::new();
    let mut lines = Vec::new();
    for s in block.drain(..).filter(|s| !s.table) {
        // A name printed twice in a clause (`省财政` `570` … `省财政` `398.88`):
        // two blocks of a form side by side, whose figures are no one sentence's.
        let mut seen = HashSet::new();
        if !s.pairs.iter().enumerate().all(|(k, p)| {
            if s.clauses.contains(&k) {
                seen.clear();
            }
            seen.insert(without_unit(&p.label.0))
        }) {
            continue;
        }
        let caption: String = s.caption.iter().map(|(t, _)| t.trim()).collect();
        let caption_unit = unit_in_label(&caption);
        let mut pieces = Vec::new();
        for (k, p) in s.pairs.iter().enumerate() {
            let opens_a_clause = s.clauses.contains(&k);
            let (value, _) = p.value;
            let value = value.trim();
            let label = without_unit(p.label.0.trim()).trim_end_matches(['：', ':']);
            let own = unit_in_label(&p.label.0);
            // (`附件3` then `42`: a name ending on a digit would run into its figure.)
            if matches!(kind_of(value), Some(Kind::Blank) | None)
                || label.ends_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            // (A figure with its own unit or a `%` is written as printed.)
            let bare = crate::number::Printed::parse(value).is_some();
            let unit = if !bare {
                None
            } else if let Some(u) = own {
                Some(money_word(u))
            } else if let Some(count) = counted_by_label(label) {
                Some(count)
            } else if matches!(
                crate::vocab::header_role(label),
                Some(crate::vocab::Role::Weight | crate::vocab::Role::Score)
            ) {
                // (`分值：10`, `得分：9.58`: points.)
                Some("分")
            } else if label.ends_with("项目") && !value.contains('.') {
                // (`已完工项目` `21`: so many projects.)
                Some("个")
            } else if names_another_measure(label) {
                None
            } else if let Some(u) = caption_unit {
                Some(money_word(u))
            } else {
                declared.filter(|_| names_money(label)).map(money_word)
            };
            pieces.push((label, p.label.1, value, p.value.1, unit, opens_a_clause));
        }
        if pieces.is_empty() {
            continue;
        }
        lines.extend(s.lines);
        if let Some((_, source)) = s.caption.first() {
            spans.push((text.len(), (*source).clone()));
            text.push_str(units_taken_out(&caption).trim_end_matches(['：', ':']));
            // (A bare `合计` is the caption's: `实际支出合计829.40万元`, not
            // one total of every figure named so.)
            if !pieces
                .first()
                .is_some_and(|p| crate::vocab::is_total_label(p.0))
            {
                text.push('：');
            }
        }
        for (k, (label, label_source, value, value_source, unit, opens_a_clause)) in
            pieces.into_iter().enumerate()
        {
            if k > 0 {
                text.push(if opens_a_clause { '；' } else { '，' });
            }
            spans.push((text.len(), label_source.clone()));
            text.push_str(label);
            spans.push((text.len(), value_source.clone()));
            text.push_str(value);
            if let Some(u) = unit {
                text.push_str(u);
            }
        }
        text.push('。');
    }
    if text.is_empty() {
        return;
    }
    spans.dedup_by(|b, a| a.0 == b.0);
    out.push(Written {
        paragraph: Paragraph {
            text: text.into(),
            spans: spans.into_iter().collect(),
        },
        lines,
        one_of_several: false,
    });
}

/// Tables printed one cell per line (`县（区）` / `一事一议` / … / `合计` /
/// `甲县` / `620` / `300` / …) whose header no table reader knew: the names
/// right before the first row, as many as a row has cells, then rows of a
/// name and as many figures (or blank marks) each, while they last. Read as
/// grids, for the reader of tables no other reading knows.
pub fn grids(lines: &[LineCells], taken: &dyn Fn((u32, u32)) -> bool) -> Vec<jixiao_model::Table> {
    let mut out = Vec::new();
    // Runs of lines of one cell each.
    let mut run: Vec<(&str, &Source, Kind)> = Vec::new();
    let mut end_run = |run: &mut Vec<(&str, &Source, Kind)>, last: bool| {
        out.extend(grid_in(run, last));
        run.clear();
    };
    for line in lines {
        if line.cells.is_empty() {
            continue;
        }
        let one = match line.cells.as_slice() {
            [(text, source)] if !taken(line.key) && !line.run_together => {
                kind_of(text).map(|k| (*text, *source, k))
            }
            _ => None,
        };
        match one {
            Some(cell) => run.push(cell),
            None => end_run(&mut run, false),
        }
    }
    end_run(&mut run, true);
    out
}

/// Tables printed a row per line, cells between spaces (a PDF's text:
/// `任务名称 主要内容 总额 财政拨款 其他资金` / `耕地保护 完成耕地保护目标任务
/// 312.40 252.40 60.00` / … / `合计 547.20 427.20 120.00`) whose header no
/// table reader knew: rows of names then as many figures each (two or
/// more), under a line naming as many columns or more (its last names are
/// the figures'). Each row is its first name and its figures (a column of
/// words between is left out); read as grids, for the reader of tables no
/// other reading knows, which keeps only those with one 合计 row.
pub fn row_grids<'s>(
    lines: &[LineCells<'s>],
    taken: &dyn Fn((u32, u32)) -> bool,
) -> Vec<jixiao_model::Table> {
    use jixiao_model::{Cell, Table};
    let split = |line: &LineCells<'s>| match taken(line.key) || line.run_together {
        true => None,
        false => names_then_figures(line),
    };
    let mut out = Vec::new();
    let mut at = 1;
    while at < lines.len() {
        let row = split(&lines[at]);
        let header = split(&lines[at - 1]);
        let (Some((names, figures)), Some((head, none))) = (row, header) else {
            at += 1;
            continue;
        };
        let width = figures.len();
        if names.is_empty() || width < 2 || !none.is_empty() || head.len() < width {
            at += 1;
            continue;
        }
        let cells = |name: (&str, &Source), figures: &[(&str, &Source)]| -> Vec<Cell> {
            std::iter::once(name)
                .chain(figures.iter().copied())
                .map(|(t, s)| Cell::new(t.trim(), s.clone()))
                .collect()
        };
        // The header: the rows' names' column (its first name, where it
        // names more than the figures), then the figures' names.
        let label_head = match head.len() > width {
            true => head[0],
            false => ("", head[0].1),
        };
        let mut rows = vec![cells(label_head, &head[head.len() - width..])];
        let mut next = at;
        while let Some((names, figures)) = lines.get(next).and_then(|l| split(l)) {
            if names.is_empty() || figures.len() != width {
                break;
            }
            rows.push(cells(names[0], &figures));
            next += 1;
        }
        if rows.len() >= 3 {
            out.push(Table {
                source: rows[1][0].source.clone(),
                rows,
                ..Table::default()
            });
        }
        at = next.max(at + 1);
    }
    out
}

/// A line's cells as its names and its figures, names first (a figure's
/// blank mark a figure): `None` for any other line.
#[allow(clippy::type_complexity)]
fn names_then_figures<'s>(
    line: &LineCells<'s>,
) -> Option<(Vec<(&'s str, &'s Source)>, Vec<(&'s str, &'s Source)>)> {
    let kinds: Vec<Kind> = line
        .cells
        .iter()
        .map(|(t, _)| kind_of(t))
        .collect::<Option<_>>()?;
    let names = kinds.iter().take_while(|k| **k == Kind::Label).count();
    if kinds[names..].contains(&Kind::Label) {
        return None;
    }
    let (n, f) = line.cells.split_at(names);
    Some((n.to_vec(), f.to_vec()))
}

/// The grid a run of one-cell lines holds, if its first figures make one;
/// `last` where the run ends the document (which may cut it off).
fn grid_in(run: &[(&str, &Source, Kind)], last: bool) -> Option<jixiao_model::Table> {
    use jixiao_model::{Cell, Table};
    if let Some(table) = numbered_grid(run, last) {
        return Some(table);
    }
    let first = run.iter().position(|c| c.2 == Kind::Value)?;
    let figures = run[first..]
        .iter()
        .take_while(|c| c.2 != Kind::Label)
        .count();
    let width = figures + 1;
    // (The row's name, and the header's names before it.)
    let start = first.checked_sub(1 + width)?;
    if width < 3 || run[start..first].iter().any(|c| c.2 != Kind::Label) {
        return None;
    }
    let cells = |from: usize| -> Vec<Cell> {
        run[from..from + width]
            .iter()
            .map(|(t, s, _)| Cell::new(t.trim(), (*s).clone()))
            .collect()
    };
    let mut rows = vec![cells(start)];
    let mut at = first - 1;
    while at + width <= run.len()
        && run[at].2 == Kind::Label
        && run[at + 1..at + width].iter().all(|c| c.2 != Kind::Label)
    {
        rows.push(cells(at));
        at += width;
    }
    (rows.len() >= 3).then(|| Table {
        source: rows[0][0].source.clone(),
        rows,
        ..Table::default()
    })
}

/// A grid whose header opens on `序号` (`序号` / `地区` / `小计` / `一般项目` /
/// `（万元）` / …), a unit under a column's name being that name's: then rows
/// of a number, a name and figures, a 合计 row of a name and figures. A text
/// dump prints no blank cell, so a row short of figures has them placed by
/// guess, its total (where a column is headed 合计 or 小计, first or last)
/// in that column and the rest beside it; such rows are marked. Where the
/// run ends the document (`cut`), a last row short of figures may be cut
/// short: it is not read.
fn numbered_grid(run: &[(&str, &Source, Kind)], cut: bool) -> Option<jixiao_model::Table> {
    use jixiao_model::{Cell, Table};
    let compact = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace()).collect() };
    let first = run.iter().position(|c| c.2 == Kind::Value)?;
    let head = run[..first]
        .iter()
        .rposition(|c| matches!(compact(c.0).as_str(), "序号" | "编号"))?;
    // The header ends where the first row starts: its number, or a 合计's name.
    let header_end = if crate::vocab::is_total_label(run[first - 1].0) {
        first - 1
    } else {
        first
    };
    let mut heads: Vec<(String, &Source)> = Vec::new();
    for (text, source, kind) in &run[head..header_end] {
        let t = compact(text);
        if *kind != Kind::Label {
            return None;
        }
        match heads.last_mut() {
            Some(last) if is_unit_mark(&t) => last.0.push_str(&t),
            _ => heads.push((t, source)),
        }
    }
    let figures = heads.len().checked_sub(2).filter(|&n| n >= 2)?;
    let is_total_head = |t: &str| matches!(without_unit(t), "合计" | "小计" | "总计");
    let total_at = match (heads.get(2), heads.last()) {
        (Some((t, _)), _) if is_total_head(t) => Some(0),
        (_, Some((t, _))) if is_total_head(t) => Some(figures - 1),
        _ => None,
    };
    let is_seq = |text: &str, n: usize| compact(text) == n.to_string();
    let mut rows = vec![heads
        .iter()
        .map(|(t, s)| Cell::new(t.as_str(), (*s).clone()))
        .collect::<Vec<_>>()];
    let mut guessed = Vec::new();
    let mut at = header_end;
    let mut next_seq = 1;
    while at < run.len() {
        let (seq, name) = match run.get(at..at + 2) {
            Some([(n, s, Kind::Value), (name, _, Kind::Label)]) if is_seq(n, next_seq) => {
                next_seq += 1;
                (Cell::new(n.trim(), (*s).clone()), at + 1)
            }
            Some([(name, s, Kind::Label), ..]) if crate::vocab::is_total_label(name) => {
                (Cell::new("", (*s).clone()), at)
            }
            _ => break,
        };
        // Its figures run to the next label, less the next row's number.
        let mut end = name + 1;
        while end < run.len() && run[end].2 != Kind::Label {
            end += 1;
        }
        if end > name + 1 && is_seq(run[end - 1].0, next_seq) {
            // (At the run's end, that number may as well be the row's last
            // figure, the next row cut off: the row is not read.)
            if end == run.len() {
                break;
            }
            end -= 1;
        }
        let printed = &run[name + 1..end];
        if printed.is_empty()
            || printed.len() > figures
            || (cut && end == run.len() && printed.len() < figures)
        {
            break;
        }
        let (name_text, name_source, _) = run[name];
        let blank = || Cell::new("", name_source.clone());
        let mut cells: Vec<Cell> = (0..figures).map(|_| blank()).collect();
        let place = |k: usize| -> usize {
            match total_at {
                _ if printed.len() == figures => k,
                Some(t) if t > 0 && k + 1 == printed.len() => t,
                _ => k,
            }
        };
        for (k, (text, source, _)) in printed.iter().enumerate() {
            cells[place(k)] = Cell::new(text.trim(), (*source).clone());
        }
        if printed.len() < figures {
            guessed.push(rows.len());
        }
        let mut row = vec![seq, Cell::new(name_text.trim(), name_source.clone())];
        row.extend(cells);
        rows.push(row);
        at = end;
    }
    // (A header and its 合计 alone state the 合计's sum.)
    (rows.len() >= 2).then(|| Table {
        source: rows[0][0].source.clone(),
        rows,
        placed_by_guess: guessed,
        ..Table::default()
    })
}

/// A unit printed alone under a column's name: `（万元）`, `(人)`, `(%)`.
fn is_unit_mark(text: &str) -> bool {
    bracketed(text)
        .is_some_and(|u| ["万元", "元", "亿元", "千元", "人", "个", "户", "%"].contains(&u))
}

/// A caption without the units its cells print (`资金情况（万元）年度资金总额`).
fn units_taken_out(caption: &str) -> String {
    let mut t = caption.to_string();
    for unit in ["(万元)", "（万元）", "(元)", "（元）", "(亿元)", "（亿元）"] {
        t = t.replace(unit, "");
    }
    t
}

/// Lines written out, so the paragraphs made of nothing else are not read again.
pub fn lines_of(written: &[Written]) -> HashSet<(u32, u32)> {
    written
        .iter()
        .flat_map(|w| w.lines.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::streams::Streams;
    use crate::testing::lines;

    fn written(text: &str, taken: &[u32]) -> Vec<String> {
        let lines = lines(text);
        let streams = Streams::of(&lines);
        let cells = streams.lines();
        written_out(&cells, &|(_, l)| taken.contains(&l))
            .into_iter()
            .map(|w| w.paragraph.text.to_string())
            .collect()
    }

    #[test]
    fn cells_one_per_line_are_written_as_their_sentences() {
        let text = "资金到位情况（万元）\n\n实际到位\n\n2,000.00\n\n到位率\n\n100.00%\n\n项目实施情况\n\n计划实施项目\n\n24\n\n已完工项目\n\n21\n";
        assert_eq!(
            written(text, &[]),
            ["资金到位情况：实际到位2,000.00万元，到位率100.00%。项目实施情况：计划实施项目24个，已完工项目21个。"]
        );
        // (`（万元）` on the line under a name is that name's.)
        let text = "计划投资额\n（万元）\n86\n实际到位资金\n（万元）\n80.5\n";
        assert_eq!(
            written(text, &[]),
            ["计划投资额86万元，实际到位资金80.5万元。"]
        );
    }

    #[test]
    fn names_over_figures_pair_by_place_and_the_declared_unit_is_moneys_only() {
        let text = "填报单位：某局 单位：万元\n财政供养人员情况 编制数 实际在职人数 全年预算\n42 40 3,787.00\n";
        assert_eq!(
            written(text, &[]),
            ["财政供养人员情况：编制数42人，实际在职人数40人，全年预算3,787.00万元。"]
        );
        // A form's cells flattened onto one line, a name before each figure.
        let text = "计划投资额（万元） 570 实际到位资金（万元） 398.88 到位率 69.98%\n";
        assert_eq!(
            written(text, &[]),
            ["计划投资额570万元，实际到位资金398.88万元，到位率69.98%。"]
        );
        // (Two figures after a name are a table's row: the line is no pairs.)
        assert!(written("计划投资额（万元） 570 年度资金总额 5.28 1.96\n", &[]).is_empty());
        // A row of names ending on its one figure.
        let text = "资金使用情况（万元） | 实际支出 | 合计 | 829.40\n其中：中央补助 | 598.60\n资金支出率 | 96.89%\n";
        assert_eq!(
            written(text, &[]),
            ["资金使用情况实际支出合计829.40万元，其中：中央补助598.60万元，资金支出率96.89%。"]
        );
    }

    #[test]
    fn tables_and_side_by_side_blocks_are_not_written() {
        // Figures under figures: rows of a table.
        assert!(written("预算数 执行数\n12.00 11.00\n13.00 12.00\n", &[]).is_empty());
        // One name twice: two blocks side by side.
        let text = "资金（万元）\n省财政\n570\n省财政\n398.88\n";
        assert!(written(text, &[]).is_empty());
        // A line a table read ends the run: its names pair with nothing.
        let text = "编制数 实际在职人数\n42 40\n";
        assert!(written(text, &[2]).is_empty());
        assert_eq!(written(text, &[]).len(), 1);
    }
}
