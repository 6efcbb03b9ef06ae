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

use crate::number::{
    cell_number, declared_unit, is_number, money_suffix, unit_in_label, MoneyUnit,
};
use crate::vocab::{
    header_role, is_placeholder, is_target_sign, is_total_label, without_unit, year_amount, Role,
};

/// One cell token: its text and the line it is on.
#[derive(Clone, Debug)]
struct Token<'a> {
    /// The cell's text: borrowed from its line, owned only where pieces were joined.
    text: std::borrow::Cow<'a, str>,
    source: Source,
    /// Set on the pieces of a run of digits printed with no separator
    /// (`202010100.00%10`): one id per run, one token per character, so the
    /// row reader chooses where its numbers end.
    run: Option<u32>,
    /// What the token can be, worked out once (the row reader asks often).
    facts: Facts,
}

#[derive(Clone, Copy, Debug, Default)]
struct Facts {
    number: bool,
    label: bool,
    group: bool,
    total: bool,
    blank: bool,
    /// The header role the token names alone.
    names: Option<Role>,
}

impl<'a> Token<'a> {
    fn new(
        text: impl Into<std::borrow::Cow<'a, str>>,
        source: Source,
        run: Option<u32>,
    ) -> Token<'a> {
        let text = text.into();
        let facts = Facts {
            number: is_number(&text),
            label: is_label_token(&text),
            group: looks_like_group(&text),
            total: is_total_label(&text),
            blank: is_blank_mark(&text),
            names: header_role(&text),
        };
        Token {
            text,
            source,
            run,
            facts,
        }
    }

    /// This token with what its line printed after it run on into it
    /// (`13` `分`, `规划` `(15分)`): `text`, its span to the line's `end`.
    fn run_on(&self, text: String, end: usize) -> Token<'a> {
        let mut source = self.source.clone();
        source.chars = self.source.chars.map(|[s, _]| [s, end as u32]);
        Token::new(text, source, None)
    }
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
    /// The row label of a budget block whose label column was lost with its
    /// header cell: only the block's first row, its total, may lack it.
    TotalLabel,
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

/// Run-together text is cut into per-character pieces only up to this size.
const MAX_GLUED_BYTES: usize = 64 * 1024;
/// Tokens one table's rows are read from at most: past that, the rows a
/// reader of this kind can recover are no longer worth the time.
const MAX_BODY_TOKENS: usize = 400_000;

/// The cost of reading a row in two halves (its values, later its labels).
const ORPHAN: f32 = 1.5;

/// How far past the level columns' names the rest of a scattered header is looked for.
const SCATTERED_HEADER: usize = 24;

/// The cost of reading a merged group cell after the label it is centred on.
const LATE_GROUP: f32 = 0.5;

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

/// A line of two to four Chinese characters set apart (`合  计`, `地  区`,
/// a short label spaced out to its column's width) is one word, one cell.
fn spaced_out_word_joined<'l>(
    line: &'l str,
    cells: Vec<(&'l str, usize)>,
) -> Vec<(&'l str, usize)> {
    let one_han = |t: &str| {
        let mut chars = t.chars();
        chars.next().is_some_and(jixiao_model::is_han) && chars.next().is_none()
    };
    match cells.as_slice() {
        [(first, from), .., (last, _)]
            if cells.len() <= 4 && cells.iter().all(|(t, _)| one_han(t)) =>
        {
            let start = first.as_ptr() as usize - line.as_ptr() as usize;
            let end = last.as_ptr() as usize - line.as_ptr() as usize + last.len();
            vec![(&line[start..end], *from)]
        }
        _ => cells,
    }
}

/// A number whose pieces a page's text layer set apart is one cell: a percent
/// sign (`99 %`), or the decimals after the point (`4. 0`, as prose reads it).
fn with_number_pieces_joined<'l>(
    line: &'l str,
    cells: Vec<(&'l str, usize)>,
) -> Vec<(&'l str, usize)> {
    let offset = |t: &str| t.as_ptr() as usize - line.as_ptr() as usize;
    let mut out: Vec<(&str, usize)> = Vec::with_capacity(cells.len());
    for (t, from) in cells {
        if let Some((prev, _)) = out.last_mut() {
            let percent = matches!(t, "%" | "％")
                && !prev.ends_with(['%', '％'])
                && crate::number::cell_number(prev).is_some();
            let decimals = prev
                .strip_suffix('.')
                .is_some_and(|int| !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()))
                && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && crate::number::cell_number(t).is_some();
            if percent || decimals {
                let start = offset(prev);
                *prev = &line[start..offset(t) + t.len()];
                continue;
            }
        }
        out.push((t, from));
    }
    out
}

/// More words between two pipes than any form's cell holds (a criteria
/// cell's sentences run to a few dozen).
const MAX_WORDS_IN_A_CELL: usize = 60;

/// Splits the lines into cell tokens: a line with pipes at its pipes, any other
/// line at its runs of white space. Page furniture is left out.
fn tokenize(lines: &[Line]) -> Vec<Token<'_>> {
    let glued_rows = rows_run_together(lines);
    let mut stream: Vec<Token> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if line.furniture {
            continue;
        }
        // `|` alone on its line (a table printed one cell per line, each cell
        // followed by ` |`), or white space alone (one cell per paragraph, blank
        // lines between): an empty cell. Kept as a blank, so the cells after it
        // stay under their columns (an unfilled 完成值 or 得分).
        if line.text.trim() == "|" || (!line.text.is_empty() && line.text.trim().is_empty()) {
            stream.push(Token::new("", line.source.clone(), None));
            continue;
        }
        // The line's cells with the character each starts at.
        let mut cells: Vec<(&str, usize)> = Vec::new();
        // (A stray pipe in a page flattened onto one line, `简体版| 繁体版 …`,
        // separates no cells: one pipe among dozens of words, or a piece of
        // more words than a cell holds, is no row of cells.)
        let piped = line.text.contains('|')
            && (line.text.matches('|').count() >= 2 || line.text.split_whitespace().count() <= 20)
            && line
                .text
                .split('|')
                .all(|cell| cell.split_whitespace().count() <= MAX_WORDS_IN_A_CELL);
        if piped {
            // Pipes separate the cells: none of them is run together.
            let mut at = 0;
            for cell in line.text.split('|') {
                let lead = cell.chars().take_while(|c| c.is_whitespace()).count();
                cells.push((cell.trim(), at + lead));
                at += cell.chars().count() + 1;
            }
        } else if glued_rows[n] {
            // A row run together is cut as a whole, its spaces included.
            let lead = line.text.chars().take_while(|c| c.is_whitespace()).count();
            cells.push((line.text.trim(), lead));
        } else {
            let mut start = None;
            let mut byte_start = 0;
            for (k, (b, c)) in line.text.char_indices().enumerate() {
                match (c.is_whitespace(), start) {
                    (false, None) => {
                        start = Some(k);
                        byte_start = b;
                    }
                    (true, Some(from)) => {
                        cells.push((&line.text[byte_start..b], from));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(from) = start {
                cells.push((&line.text[byte_start..], from));
            }
            cells = with_number_pieces_joined(&line.text, cells);
            cells = spaced_out_word_joined(&line.text, cells);
        }
        let mut here: Vec<Token> = Vec::new();
        let at = |from: usize, len: usize| {
            let mut source = line.source.clone();
            source.chars = Some([from as u32, (from + len) as u32]);
            source
        };
        for (t, from) in cells {
            let is_rule = !t.is_empty() && t.chars().all(|c| matches!(c, '-' | ':' | '—'));
            if t.is_empty() || (is_rule && t.chars().count() > 2) {
                continue;
            }
            // Longer run-together text than any form is left as it is.
            if !piped && t.len() <= MAX_GLUED_BYTES && (glued_rows[n] || is_run_together(t)) {
                let mut offset = from;
                for piece in glued::split(t) {
                    match piece {
                        // (A 序号 known by the numbering is a plain token too.)
                        glued::Piece::Text(text) | glued::Piece::Seq(text) => {
                            let len = text.chars().count();
                            here.push(Token::new(text, at(offset, len), None));
                            offset += len;
                        }
                        glued::Piece::UnitPiece(text) => offset += text.chars().count(),
                        glued::Piece::Digits(atoms) => {
                            let id = (stream.len() + here.len()) as u32;
                            for atom in atoms {
                                let len = atom.chars().count();
                                here.push(Token::new(atom, at(offset, len), Some(id)));
                                offset += len;
                            }
                        }
                    }
                }
            } else if let Some(label) = here
                .last_mut()
                .filter(|l| l.run.is_none() && !l.facts.number && is_bracketed_weight(t))
            {
                // `规划 (15分)`: a group's weight spaced from its name is the
                // name's, as in a cell (`规划（15分）`).
                *label = label.run_on(format!("{} {}", label.text, t), from + t.chars().count());
            } else if let Some(number) = here
                .last_mut()
                .filter(|n| t == "分" && n.run.is_none() && n.facts.number)
            {
                // `13 分`: a page's text layer spaced a weight from its unit.
                *number = number.run_on(format!("{}分", number.text), from + 1);
            } else {
                here.push(Token::new(t, at(from, t.chars().count()), None));
            }
        }
        // A line that is one cell needs no characters to say where the cell is.
        if here.len() == 1 {
            for t in &mut here {
                t.source.chars = None;
            }
        }
        stream.extend(here);
    }
    stream
}

/// `(15分)`: a weight in brackets, printed after a group's name. (A bare
/// `(4)` is left a cell of its own: copies print an indicator's weight so
/// beside its name, and the readers take it as such.)
fn is_bracketed_weight(t: &str) -> bool {
    let Some(inner) = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
        .and_then(|r| r.trim().strip_suffix('分'))
    else {
        return false;
    };
    crate::number::Printed::parse(inner.trim()).is_some()
}

/// A token continuing an earlier one across a line break: the index of the
/// token it joins (among those kept so far) and the two joined.
type Join = for<'a> fn(&[Token<'a>], &Token<'a>) -> Option<(usize, Token<'a>)>;

/// What a copy cuts across lines and the tokens put back together, in order.
const JOINS: [Join; 3] = [wrapped_weight, number_cut_at_line_end, wrapped_tail];

/// One pass over the tokens: each one a [`JOINS`] rule says continues an
/// earlier token is joined to it.
fn join_across_lines(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for t in tokens {
        match JOINS.iter().find_map(|join| join(&out, &t)) {
            Some((k, joined)) => out[k] = joined,
            None => out.push(t),
        }
    }
    out
}

/// `产出指标` on one line, `（50分）` opening the next: a merged group cell
/// wrapped before its weight (a PDF's text copied line by line prints it
/// so, between the rows it spans). The weight is the first unweighted
/// group name's on the line before, as if printed beside it.
fn wrapped_weight<'a>(out: &[Token<'a>], t: &Token<'a>) -> Option<(usize, Token<'a>)> {
    let last = out.last()?;
    if last.source.same_line(&t.source) || t.run.is_some() || !is_bracketed_weight(&t.text) {
        return None;
    }
    let line_before = out
        .iter()
        .rposition(|l| !l.source.same_line(&last.source))
        .map_or(0, |k| k + 1);
    let k = (line_before..out.len()).find(|&k| {
        let g = &out[k];
        g.run.is_none()
            && g.facts.group
            && g.facts.names.is_none()
            && crate::rows::split_weighted_label(&g.text).1.is_none()
    })?;
    let joined = format!("{}{}", out[k].text, t.text);
    Some((k, Token::new(joined, out[k].source.clone(), None)))
}

/// `95.` ending a line and `10%` opening the next: a figure a page's text
/// layer (or OCR) cut after its point is one cell, `95.10%`. A figure never
/// ends on its point, so the cut is sure after other cells of its row; alone
/// on its line it may be a row's number (`3.` / `20`). One cut before its
/// point is joined only where the next line opens on the point (`548` /
/// `.60`); `13` / `6.5` may be two cells.
fn number_cut_at_line_end<'a>(out: &[Token<'a>], t: &Token<'a>) -> Option<(usize, Token<'a>)> {
    let [.., before, last] = out else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b',');
    // (Or cut before its point: `548` / `.60`, the next line opening on the
    // point, which no figure of its own does.)
    let before_point = digits(&last.text)
        && t.text
            .strip_prefix('.')
            .is_some_and(|f| f.bytes().next().is_some_and(|b| b.is_ascii_digit()));
    let after_point = last.text.strip_suffix('.').is_some_and(digits)
        && t.text.bytes().next().is_some_and(|b| b.is_ascii_digit());
    // (Or inside a group of thousands, `2,91` / `5.40`: no figure of its own
    // ends on a group of fewer than three digits.)
    let in_a_group = digits(&last.text)
        && last.text.rsplit(',').next().is_some_and(|g| g.len() < 3)
        && last.text.contains(',')
        && t.text.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && well_grouped(&format!("{}{}", last.text, t.text));
    let cut = before.source.same_line(&last.source)
        && last.run.is_none()
        && t.run.is_none()
        && !last.source.same_line(&t.source)
        && (after_point || before_point || in_a_group);
    let joined = format!("{}{}", last.text, t.text);
    if !cut || crate::number::cell_number(&joined).is_none() {
        return None;
    }
    let mut source = last.source.clone();
    source.chars = None;
    Some((out.len() - 1, Token::new(joined, source, None)))
}

/// A figure whose commas each open a group of three digits (`2,915.40`).
fn well_grouped(text: &str) -> bool {
    let whole = text.split('.').next().unwrap_or_default();
    let mut groups = whole.split(',');
    groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// `经济效益` / `指标` on two lines: a group's name whose cell wrapped before its
/// last word (a narrow column of a form copied one cell per paragraph) is one
/// cell, `经济效益指标`; `指标` alone names nothing.
fn wrapped_tail<'a>(out: &[Token<'a>], t: &Token<'a>) -> Option<(usize, Token<'a>)> {
    let last = out.last()?;
    let wraps = t.text == "指标"
        && t.run.is_none()
        && last.run.is_none()
        && !last.source.same_line(&t.source)
        && last.facts.label
        && !last.text.ends_with("指标")
        && last.text.chars().count() <= 7;
    wraps.then(|| {
        let joined = format!("{}指标", last.text);
        (out.len() - 1, Token::new(joined, last.source.clone(), None))
    })
}

/// Which lines are a table's rows printed one per line with their cells run
/// together (a page's text layer that lost the gaps between cells): a row is
/// too short to tell by itself, so a run of three or more lines, each one
/// piece of text, most not ending a sentence nor a number alone, and some with
/// figures running into each other, is told by its text as one.
fn rows_run_together(lines: &[Line]) -> Vec<bool> {
    let mut glued = vec![false; lines.len()];
    // (A space may stand before a weight's bracket: `规划 (15分)`.)
    let one_piece = |l: &Line| {
        let t = l.text.trim();
        let chars: Vec<char> = t.chars().collect();
        let spaced = chars
            .windows(2)
            .any(|w| w[0].is_whitespace() && !w[1].is_whitespace() && !matches!(w[1], '(' | '（'));
        !l.furniture && !t.is_empty() && !spaced && !t.contains('|')
    };
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        while i < lines.len() && one_piece(&lines[i]) {
            i += 1;
        }
        let block = &lines[start..i];
        let sentences = block
            .iter()
            .filter(|l| l.text.trim_end().ends_with(['。', '；', ';', '！', '？']))
            .count();
        // (One cell per line is no row run together: there, a number stands
        // alone on many lines, the value cells; a row has its label.)
        let lone_numbers = block
            .iter()
            .filter(|l| crate::number::cell_number(&l.text).is_some())
            .count();
        // (Prose is no row either: its figures are apart, each with its
        // unit and a comma after it; a row's run into each other.)
        let run_figures = block
            .iter()
            .filter(|l| figures_run_together(&l.text))
            .count();
        // (Or a header whose column names ran together heads the rows:
        // `一级指标分值二级指标分值三级指标分值评价标准得分`.)
        let header = block.iter().any(|l| names_columns_run_together(&l.text));
        if block.len() >= 3
            && sentences * 2 < block.len()
            && lone_numbers * 10 < block.len()
            && ((run_figures >= 1 && run_figures * 8 >= block.len()) || header)
        {
            let text: String = block.iter().map(|l| l.text.trim()).collect();
            if is_run_together(&text) {
                glued[start..i].fill(true);
            }
        }
        i = i.max(start + 1);
    }
    glued
}

/// A header's column names run together, no figure among them: three or
/// more of the forms' column names, one after another with nothing between.
fn names_columns_run_together(text: &str) -> bool {
    let t = text.trim();
    if t.chars().any(|c| c.is_ascii_digit() || c.is_whitespace()) {
        return false;
    }
    let (starts, _) = glued::cell_starts();
    let mut rest = t;
    let mut names = 0;
    while !rest.is_empty() {
        match starts.iter().find(|w| rest.starts_with(**w)) {
            Some(w) => {
                names += 1;
                rest = &rest[w.len()..];
            }
            None => return false,
        }
    }
    names >= 3
}

/// Figures run into each other: two decimal points in one run of digits
/// (`772.96432.86`), or a figure right after a `%` or a unit (`97.74%9.77`,
/// `772.96万元432.86万元`).
fn figures_run_together(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let after_unit = chars
        .windows(2)
        .any(|w| matches!(w[0], '%' | '元') && w[1].is_ascii_digit());
    let two_points = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .any(|run| run.matches('.').count() >= 2);
    after_unit || two_points
}

/// Text whose cells were run together (OCR, a page's text layer): long, and
/// holding several numbers with words between them.
fn is_run_together(text: &str) -> bool {
    let n = text.chars().count();
    let mut runs = 0;
    let mut in_digits = false;
    for c in text.chars() {
        let d = c.is_ascii_digit();
        if d && !in_digits {
            runs += 1;
        }
        in_digits = d;
    }
    if n < 40 || runs < 3 {
        return false;
    }
    form_words(text) >= 2
}

/// How many of a form's own words (its column names, its label cells) the
/// text holds, counted up to two.
fn form_words(text: &str) -> usize {
    glued::CELL_STARTS
        .iter()
        .chain(FIELD_LABELS)
        .filter(|w| text.contains(*w))
        .take(2)
        .count()
}

/// Cutting run-together text into the pieces a form's cells were.
mod glued {
    use crate::vocab::FORM_FRAMEWORK;

    /// A piece of run-together text.
    pub enum Piece {
        /// Words: a label, a header cell, a target with its unit.
        Text(String),
        /// Digits (with `.`, `%`, a leading `≥` and a trailing unit): one atom
        /// per character, to be cut into numbers by the row reader.
        Digits(Vec<String>),
        /// A row's 序号, known whole by the form's numbering (see `numbered_rows`).
        Seq(String),
        /// A piece of a caption's unit printed down its merged cell and so cut
        /// across the rows beside it (`（万` … `元）`): no cell, and no bracket
        /// round the rows' figures; kept only for where the pieces after it are.
        UnitPiece(String),
    }

    /// The characters of a caption's unit cut across rows: `年度预算执行情况（万元）`
    /// printed down a merged cell, run together with the rows beside it,
    /// reads `…行情况（万按收入性质分政府性基金预算0.00320.00298.60———元）其他资金…`.
    /// The bracket opens on the unit's first character and closes right after
    /// its last, with figures between and the rest of the unit only at the
    /// close (a bracket in prose, `（其中…100万元）`, opens on no piece of a unit).
    fn unit_cut_across_rows(chars: &[char]) -> Vec<bool> {
        const MOST_BETWEEN: usize = 400;
        let mut cut = vec![false; chars.len()];
        for i in 0..chars.len() {
            let (Some('(' | '（'), Some(first), Some(after)) =
                (chars.get(i), chars.get(i + 1), chars.get(i + 2))
            else {
                continue;
            };
            if !matches!(first, '万' | '亿' | '千') || *after == '元' {
                continue;
            }
            let inner = &chars[i + 2..chars.len().min(i + 2 + MOST_BETWEEN)];
            let Some(end) = inner
                .windows(2)
                .position(|w| w[0] == '元' && matches!(w[1], ')' | '）'))
            else {
                continue;
            };
            let between = &inner[..end];
            // (`（万达路段改造100万元）`: the unit whole before the bracket closes.)
            if between.iter().any(|c| matches!(c, '(' | '（' | ')' | '）'))
                || !between.iter().any(|c| c.is_ascii_digit())
                || between.last() == Some(first)
            {
                continue;
            }
            let close = i + 2 + end;
            for k in [i, i + 1, close, close + 1] {
                cut[k] = true;
            }
        }
        cut
    }

    /// Words a new cell starts with: the column names of the forms and the
    /// framework's group names.
    pub const CELL_STARTS: &[&str] = &[
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "权重",
        "得分",
        "年度指标值",
        // (The 年度指标值 spelled out below it: `指标性质 | 指标值 | 度量单位`.)
        "指标性质",
        "度量单位",
        "计量单位",
        "指标值",
        "全年实际值",
        "实际完成值",
        "实际值",
        "完成值",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "执行数",
        "执行率",
        "项目名称",
        "主管部门",
        "实施单位",
        "总分",
        "合计",
        "未完成原因",
        "偏差原因",
        "其中",
        "其他资金",
        "年度资金总额",
        "年度总体目标",
        "绩效指标",
        "资金情况",
        // A department's form: its 支出明细 and its score table.
        "支出内容",
        "计划支出数",
        "实际支出数",
        "序号",
        "指标分值",
        "指标解释",
        "评分标准",
        "评价标准",
        "指标说明",
        "自评得分",
        // A department's 收支概况: its planned, received and spent funds.
        "计划安排资金",
        "实际到位资金",
        "实际支出",
        // Funds by source across: `中央 | 省级 | 本级 | 合计 | 执行数`.
        "中央",
        "省级",
        "本级",
    ];

    /// Column names that also end an indicator's name or a scoring rule
    /// (`预算执行率`, `否则不得分`): cells only where the text before them
    /// ends one (a bracket, a colon, another column's name).
    const ALSO_WORD_ENDINGS: &[&str] = &["执行率", "执行数", "得分", "分值"];

    /// Units printed right after a number.
    const UNITS: &[&str] = &[
        "万元",
        "亿元",
        "元",
        "厘米",
        "公里",
        "千米",
        "平方米",
        "米",
        "个",
        "人次",
        "人",
        "户",
        "次",
        "项",
        "家",
        "天",
        "所",
        "座",
        "台",
        "套",
        "件",
        "株",
        "亩",
        "吨",
    ];

    fn is_number_char(c: char) -> bool {
        c.is_ascii_digit() || c == '.' || c == '%'
    }

    fn is_comparison(c: char) -> bool {
        matches!(c, '≥' | '≤' | '＞' | '＜' | '>' | '<' | '=')
    }

    /// Cuts text at the starts of known cells, after `:` and after a `(N分)`.
    /// The words a cell starts with, longest first, and the framework's group names.
    pub fn cell_starts() -> &'static (Vec<&'static str>, Vec<&'static str>) {
        static STARTS: std::sync::OnceLock<(Vec<&'static str>, Vec<&'static str>)> =
            std::sync::OnceLock::new();
        STARTS.get_or_init(|| {
            let groups: Vec<&'static str> = FORM_FRAMEWORK
                .iter()
                .flat_map(|(l1, l2)| [*l1, *l2])
                .collect();
            let mut starts: Vec<&'static str> = CELL_STARTS
                .iter()
                .chain(super::FIELD_LABELS)
                .copied()
                .chain(groups.iter().copied())
                .collect();
            starts.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
            (starts, groups)
        })
    }

    /// A bracket opening at `i` (`（A）`, `(20分)`) taken into `piece`, whole;
    /// where the text goes on after it.
    fn with_its_bracket(chars: &[char], mut i: usize, piece: &mut String) -> usize {
        if matches!(chars.get(i), Some('(' | '（')) {
            while let Some(&c) = chars.get(i) {
                piece.push(c);
                i += 1;
                if c == ')' || c == '）' {
                    break;
                }
            }
        }
        i
    }

    fn cut_words(text: &str, out: &mut Vec<Piece>) {
        let chars: Vec<char> = text.chars().collect();
        // Byte offset of each character, to match words where it starts.
        let at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let (starts, groups) = cell_starts();
        let mut piece = String::new();
        let mut i = 0;
        while i < chars.len() {
            let rest = &text[at[i]..];
            // `…自评一、收支概况`: a numbered heading starts a piece of its own.
            let heading = super::is_numbered_heading(rest)
                && rest.chars().nth(1) == Some('、')
                && !piece.ends_with(|c: char| "一二三四五六七八九十第".contains(c));
            if heading && !piece.is_empty() {
                out.push(Piece::Text(std::mem::take(&mut piece)));
            }
            let ends_a_cell = piece.is_empty()
                || piece.ends_with([')', '）', ':', '：', '。', '；'])
                || starts.contains(&piece.as_str());
            if let Some(word) = starts
                .iter()
                .find(|w| rest.starts_with(**w))
                .filter(|w| ends_a_cell || !ALSO_WORD_ENDINGS.contains(w))
            {
                if !piece.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut piece)));
                }
                piece.push_str(word);
                i += word.chars().count();
                // A group's name is a cell of its own, with its weight if printed.
                if groups.contains(word) {
                    i = with_its_bracket(&chars, i, &mut piece);
                    out.push(Piece::Text(std::mem::take(&mut piece)));
                } else if super::FIELD_LABELS.contains(word) {
                    // So is a label cell, with its unit or colon.
                    i = with_its_bracket(&chars, i, &mut piece);
                    if matches!(chars.get(i), Some(':' | '：')) {
                        piece.push(chars[i]);
                        i += 1;
                    }
                    out.push(Piece::Text(std::mem::take(&mut piece)));
                } else if word.ends_with(['数', '率', '值', '分']) {
                    // So is a column of figures' name, with its bracket
                    // (`全年预算数（A）`): the first row's label may follow it
                    // (`实际支出数劳务费`). (Not one a longer name goes on
                    // from: `得分率`.)
                    i = with_its_bracket(&chars, i, &mut piece);
                    if !matches!(chars.get(i), Some('率' | '数' | '值')) {
                        out.push(Piece::Text(std::mem::take(&mut piece)));
                    }
                }
                continue;
            }
            let c = chars[i];
            piece.push(c);
            i += 1;
            let weight_closed = (c == ')' || c == '）') && piece.contains('分');
            if matches!(c, ':' | '：') || weight_closed {
                out.push(Piece::Text(std::mem::take(&mut piece)));
            }
        }
        if !piece.is_empty() {
            out.push(Piece::Text(piece));
        }
        // `显著提升显著提升`: a target and its actual, equal, run together; or
        // two blocks' blank cells side by side, the next cell after them
        // (`省级财政省级财政市县财政`).
        let mut k = 0;
        while k < out.len() {
            // (The first twin may have been cut off already at its start.)
            if let (Some(Piece::Text(twin)), Some(Piece::Text(t))) =
                (k.checked_sub(1).map(|p| &out[p]), out.get(k))
            {
                if let Some(rest) = t
                    .strip_prefix(twin.as_str())
                    .filter(|r| !r.is_empty() && twin.chars().count() >= 2)
                {
                    let (twin, rest) = (twin.clone(), rest.to_string());
                    out[k] = Piece::Text(twin);
                    out.insert(k + 1, Piece::Text(rest));
                    k += 1;
                    continue;
                }
            }
            if let Some(Piece::Text(t)) = out.get(k) {
                let chars: Vec<char> = t.chars().collect();
                let twice = (2..=chars.len() / 2).find(|&h| chars[..h] == chars[h..2 * h]);
                if let Some(h) = twice {
                    let one: String = chars[..h].iter().collect();
                    let rest: String = chars[2 * h..].iter().collect();
                    out[k] = Piece::Text(one.clone());
                    out.insert(k + 1, Piece::Text(one));
                    k += 1;
                    if !rest.is_empty() {
                        out.insert(k + 1, Piece::Text(rest));
                    }
                }
            }
            k += 1;
        }
    }

    /// Whether the number starting at `i` is a scoring rule's, inside its
    /// clause (`得5分，`, `每降低1个百分点扣0.5分，`), not a cell of its own: a
    /// number of points whose clause goes on, or one of percentage points.
    fn in_a_clause(chars: &[char], i: usize) -> bool {
        let end = (i..chars.len())
            .find(|&k| !(chars[k].is_ascii_digit() || chars[k] == '.'))
            .unwrap_or(chars.len());
        let rest: String = chars[end..].iter().take(4).collect();
        let clause_goes_on = |unit: char| {
            rest.starts_with(unit)
                && rest
                    .chars()
                    .nth(1)
                    .is_some_and(|c| matches!(c, '，' | ',' | '；' | ';' | '。' | '、'))
        };
        // (Or a formula's: `（实际完成数/计划数）×100%，`.)
        let in_a_formula = i > 0 && matches!(chars[i - 1], '×' | '*' | '/' | '÷' | '=');
        // (Or a standard's the rule goes on from: `以100%为标准`, `100%计满分`: a
        // cell's figure is followed by another or by a name, not by a word
        // that carries the clause on.)
        let clause_words = |c: char| "为计得的以及或即时则扣不".contains(c);
        let percent_goes_on =
            rest.starts_with('%') && rest.chars().nth(1).is_some_and(clause_words);
        // (Or points a rule gives or takes: `扣0.5分` before the row's score.)
        let start = (0..i)
            .rev()
            .take_while(|&k| chars[k].is_ascii_digit() || chars[k] == '.')
            .last()
            .unwrap_or(i);
        let points_of_a_rule =
            start > 0 && "扣得计加减".contains(chars[start - 1]) && rest.starts_with('分');
        clause_goes_on('分')
            || clause_goes_on('%')
            || percent_goes_on
            || points_of_a_rule
            || in_a_formula
            || rest.starts_with("个百分点")
            || rest.starts_with("百分点")
    }

    /// Where a run of whole digits starting at `i` that a rule's clause goes
    /// on from (`10100%计满分`) holds more than a standard: the start of its
    /// longest tail that is a percentage of at most 100, after figures of the
    /// row's own. `None` for a standard alone (`100%计满分`) or any other run.
    fn glued_to_a_standard(chars: &[char], i: usize) -> Option<usize> {
        let end = (i..chars.len())
            .find(|&k| !chars[k].is_ascii_digit())
            .unwrap_or(chars.len());
        if chars.get(end) != Some(&'%') || !in_a_clause(chars, i) {
            return None;
        }
        let digits: String = chars[i..end].iter().collect();
        let at = (1..digits.len()).find(|&k| {
            let tail = &digits[k..];
            !tail.starts_with('0') && tail.len() <= 3 && tail.parse::<u32>().is_ok_and(|v| v <= 100)
        })?;
        let whole_is_a_standard =
            digits.len() <= 3 && digits.parse::<u32>().is_ok_and(|v| v <= 100);
        (!whole_is_a_standard).then_some(i + at)
    }

    /// Splits run-together text into word pieces and digit runs.
    pub fn split(text: &str) -> Vec<Piece> {
        let chars: Vec<char> = text.chars().collect();
        let unit_cut = unit_cut_across_rows(&chars);
        let mut out = Vec::new();
        let mut words = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if unit_cut[i] {
                if !words.is_empty() {
                    cut_words(&std::mem::take(&mut words), &mut out);
                }
                let mut piece = String::new();
                while unit_cut.get(i) == Some(&true) {
                    piece.push(chars[i]);
                    i += 1;
                }
                out.push(Piece::UnitPiece(piece));
                continue;
            }
            let opens_number = c.is_ascii_digit()
                || (is_comparison(c) && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()));
            // Digits inside a parenthesis or a word (`(70分)`, `指标1`) stay words.
            let in_parens = words.matches(['(', '（']).count() > words.matches([')', '）']).count();
            // `实际完成率10100%计满分`: a row's weight run into a rule's standard
            // (at most 100 %): the figures before the standard are the row's.
            let standard = (opens_number && !in_parens && c.is_ascii_digit())
                .then(|| glued_to_a_standard(&chars, i))
                .flatten();
            if let Some(at) = standard {
                if !words.is_empty() {
                    cut_words(&std::mem::take(&mut words), &mut out);
                }
                out.push(Piece::Digits(
                    chars[i..at].iter().map(|c| c.to_string()).collect(),
                ));
                i = at;
                // (The standard itself stays in its rule's words.)
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '%') {
                    words.push(chars[i]);
                    i += 1;
                }
                continue;
            }
            if !opens_number || in_parens || in_a_clause(&chars, i) {
                words.push(c);
                i += 1;
                continue;
            }
            if !words.is_empty() {
                cut_words(&std::mem::take(&mut words), &mut out);
            }
            let mut atoms: Vec<String> = Vec::new();
            if is_comparison(c) {
                atoms.push(c.to_string());
                i += 1;
            }
            // (A thousands separator between digits is the number's: `1,355.27`.)
            let separator = |i: usize| {
                chars[i] == ','
                    && i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())
            };
            while i < chars.len() && (is_number_char(chars[i]) || separator(i)) {
                atoms.push(chars[i].to_string());
                i += 1;
            }
            let rest: String = chars[i..].iter().take(3).collect();
            if let Some(unit) = UNITS.iter().find(|u| rest.starts_with(*u)) {
                atoms.push(unit.to_string());
                i += unit.chars().count();
            }
            out.push(Piece::Digits(atoms));
        }
        if !words.is_empty() {
            cut_words(&words, &mut out);
        }
        numbered_rows(out)
    }

    /// A numbered form run together whole prints each row's 序号 right after
    /// the previous row's score (`…扣完为止。52工作计划`: score 5, row 2). Under
    /// a `序号` header, the rows' numbers are found in order, 1, 2, 3 …: a run of
    /// digits before a row's words that is the next number, alone after a
    /// sentence's or a header's end, or at the end of a run whose rest is a
    /// figure. The numbering decides the cut no single row could: `0.2512`
    /// before row 12 is 0.25 and 12. Fewer than three rows so found change
    /// nothing.
    fn numbered_rows(pieces: Vec<Piece>) -> Vec<Piece> {
        let Some(header) = pieces
            .iter()
            .position(|p| matches!(p, Piece::Text(t) if t == "序号"))
        else {
            return pieces;
        };
        let digits = |p: &Piece| match p {
            Piece::Digits(atoms)
                if atoms
                    .iter()
                    .all(|a| a.chars().all(|c| c.is_ascii_digit() || c == '.')) =>
            {
                Some(atoms.concat())
            }
            _ => None,
        };
        // (k, where the row's number starts in the run's text)
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut next = 1u32;
        for k in header + 1..pieces.len() {
            let Some(run) = digits(&pieces[k]) else {
                continue;
            };
            let opens_a_row = matches!(&pieces.get(k + 1), Some(Piece::Text(t)) if !t.starts_with(['，', '。', '、', '；', '%', '(', '（']));
            let number = next.to_string();
            if !opens_a_row || !run.ends_with(&number) {
                continue;
            }
            let at = run.len() - number.len();
            let rest = &run[..at];
            let after_an_end = matches!(&pieces[k - 1], Piece::Text(t)
                if t.ends_with(['。', '；', ';']) || crate::vocab::header_role(t).is_some());
            let figure_before = !rest.is_empty()
                && !rest.starts_with('.')
                && !rest.ends_with('.')
                && rest.matches('.').count() <= 1;
            if (rest.is_empty() && after_an_end) || figure_before {
                found.push((k, at));
                next += 1;
            }
        }
        if found.len() < 3 {
            return pieces;
        }
        let mut out = Vec::with_capacity(pieces.len() + found.len());
        let mut found = found.into_iter().peekable();
        for (k, piece) in pieces.into_iter().enumerate() {
            match (found.next_if(|(f, _)| *f == k), piece) {
                (Some((_, at)), Piece::Digits(atoms)) => {
                    let seq = atoms.concat().split_off(at);
                    if at > 0 {
                        // (Each atom is one character: the first `at` bytes.)
                        out.push(Piece::Digits(atoms[..at].to_vec()));
                    }
                    out.push(Piece::Seq(seq));
                }
                (_, piece) => out.push(piece),
            }
        }
        out
    }
}

/// A document's lines as cell tokens, cut once and read by every reader here.
pub struct Streams<'a> {
    /// Every cell, empty ones included: the table reader keeps columns by them.
    cells: Vec<Token<'a>>,
    /// The cells with text: what the label readers pair with their neighbours.
    tokens: Vec<Token<'a>>,
}

/// One line's cells, for the reader that pairs a line of names with the
/// figures of the next (`records.rs`).
pub struct LineCells<'s> {
    /// (page, line)
    pub key: (u32, u32),
    /// Each cell's text and source.
    pub cells: Vec<(&'s str, &'s Source)>,
    /// Some of its digits ran together: where its figures end is a guess.
    pub run_together: bool,
}

impl<'a> Streams<'a> {
    /// The cells with text, line by line (lines with no line number, an HTML
    /// page's, are left out).
    pub fn lines(&self) -> Vec<LineCells<'_>> {
        let mut out: Vec<LineCells> = Vec::new();
        for t in &self.tokens {
            let Some(line) = t.source.line else {
                continue;
            };
            let key = (t.source.page.unwrap_or(0), line);
            if out.last().is_none_or(|l| l.key != key) {
                out.push(LineCells {
                    key,
                    cells: Vec::new(),
                    run_together: false,
                });
            }
            if let Some(l) = out.last_mut() {
                l.cells.push((t.text.as_ref(), &t.source));
                l.run_together |= t.run.is_some();
            }
        }
        out
    }

    /// Tokenizes the lines.
    pub fn of(lines: &'a [Line]) -> Streams<'a> {
        let cells = join_across_lines(tokenize(lines));
        let tokens = cells
            .iter()
            .filter(|t| !t.text.is_empty())
            .cloned()
            .collect();
        Streams { cells, tokens }
    }

    /// The cells with those of the lines in `skip` left out, the stream cut
    /// into pieces there.
    /// The pieces are runs of the stream itself, not copies of it.
    fn without(&self, skip: &HashSet<(u32, u32)>) -> Vec<&[Token<'a>]> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in self.cells.iter().enumerate() {
            let key = (t.source.page.unwrap_or(0), t.source.line.unwrap_or(0));
            if skip.contains(&key) {
                if start < i {
                    out.push(&self.cells[start..i]);
                }
                start = i + 1;
            }
        }
        if start < self.cells.len() {
            out.push(&self.cells[start..]);
        }
        out
    }
}

/// The role a header token (or two tokens of a header cell cut at a space:
/// `一级` `指标`) names.
/// `中央 省级 本级 合计 执行数`: header cells of one source's funds each, then
/// their 合计, the budget the spending named next is of. How many tokens the
/// sources and the 合计 take.
fn funds_by_source_across(tokens: &[Token], i: usize) -> Option<usize> {
    let sources = tokens[i.min(tokens.len())..]
        .iter()
        .take_while(|t| t.run.is_none() && crate::budget::names_a_fund_column(&t.text))
        .count();
    let total = tokens.get(i + sources)?;
    let sum = matches!(without_unit(total.text.trim()), "合计" | "小计" | "合计数");
    let spent = role_at(tokens, i + sources + 1).is_some_and(|(r, _, _)| r == Role::Executed);
    (sources >= 1 && sum && spent).then_some(sources + 1)
}

/// Words that say which figure or level a header cell's next piece names
/// (`年初` `预算数`, `一级` `指标`): with it, one cell cut at a line end.
const QUALIFIERS: &[&str] = &[
    "年初",
    "全年",
    "年度",
    "实际",
    "调整后",
    "本年",
    "当年",
    "年中",
    "计划",
    // (`一级` `指标`: `指标` alone heads a column too.)
    "一级",
    "二级",
    "三级",
    "绩效",
    "评价",
];

fn role_at(tokens: &[Token], i: usize) -> Option<(Role, usize, String)> {
    for n in 1..=3 {
        let Some(part) = tokens.get(i..i + n) else {
            break;
        };
        // Only short pieces are one header cell cut at a space or a line end.
        if n > 1 && part.iter().any(|t| t.text.chars().count() > 4) {
            break;
        }
        if n == 1 {
            let t = &part[0];
            // A header cell names a column; `51.68%，二季度预算执行率为` is prose.
            // (`2023年预算数` names a column by its year.)
            let of_a_year = t.text.char_indices().nth(4).is_some_and(|(at, c)| {
                c == '年' && t.text[..at].bytes().all(|b| b.is_ascii_digit())
            });
            // `(20分*执行率)` after `得分`: a formula or a figure in brackets is a
            // cell's wrapped tail, no column (`(权重)` after `一级指标` is one).
            let inner = t
                .text
                .strip_prefix(['(', '（'])
                .and_then(|r| r.strip_suffix([')', '）']));
            let bracketed = inner.is_some_and(|i| {
                i.starts_with(|c: char| c.is_ascii_digit())
                    || i.contains(['*', '×', '/', '=', '＝'])
            });
            // (`项目名称：城区公厕改造提升项目`: a field and its value, no column.)
            let field = t.text.trim_end_matches(['：', ':']).contains(['：', ':']);
            let sentence = field
                || t.text.contains(['，', '。', '；', ',', '、'])
                || (t.text.starts_with(|c: char| c.is_ascii_digit()) && !of_a_year)
                || is_numbered_heading(&t.text)
                || bracketed;
            if t.facts.number || sentence || t.text.chars().count() > 16 {
                return None;
            }
            // `计划` names a column, `计划` `支出数` one cell cut in two.
            let qualifies_the_next = QUALIFIERS.contains(&&*t.text)
                && tokens.get(i + 1).is_some_and(|n| {
                    n.text.chars().count() <= 4 && header_role(&join(&tokens[i..i + 2])).is_some()
                });
            match t.facts.names {
                Some(role) if !qualifies_the_next => return Some((role, 1, t.text.to_string())),
                _ => continue,
            }
        }
        let text = join(part);
        if cell_number(&text).is_some() || text.chars().count() > 16 {
            return None;
        }
        if let Some(role) = header_role(&text) {
            // `一级` `指标` is one cell cut in two; `二、评分` `一级指标` is not,
            // since its last piece names the role by itself. `年初` `预算数` is:
            // its first piece says which figure (a cell cut at its line end).
            let suffix_names_it = n > 1
                && (1..n).any(|k| {
                    header_role(&join(&part[k..])).is_some()
                        && !QUALIFIERS.contains(&join(&part[..k]).as_str())
                });
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
        Role::Initial
        | Role::Budget
        | Role::Available
        | Role::Adjustment
        | Role::Executed
        | Role::EarlierYear
        | Role::Rate => Class::Number { required: false },
        Role::Target | Role::Actual | Role::Sign | Role::Unit | Role::Other => Class::Free,
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
            && !FIELD_LABELS.contains(&field_key(&t.text).as_str())
    });
    if lead.is_some() {
        // The last of the block's row labels stacked before the header is
        // none: the header starts after it.
        if stacked_fund_labels(tokens, i + 1).end == i + 1 {
            return None;
        }
        j += 1;
    }
    loop {
        if let Some(n) = funds_by_source_across(tokens, j) {
            for t in &tokens[j..j + n - 1] {
                found.push((Role::Other, t.text.to_string()));
            }
            found.push((Role::Budget, tokens[j + n - 1].text.to_string()));
            j += n;
            continue;
        }
        if let Some((role, n, text)) = role_at(tokens, j) {
            found.push((role, text));
            j += n;
            continue;
        }
        let Some(t) = tokens
            .get(j)
            .filter(|t| !found.is_empty() && t.run.is_none())
        else {
            break;
        };
        // A header word the vocabulary does not know, last, where its words
        // say it heads a column (`自评等级`, `备注`, `得分率`, `扣分`).
        let heads_a_column = |text: &str| {
            // (`增减率（%）`: the unit after the name is no part of it.)
            let bare = without_unit(text);
            text.chars().count() <= 8
                && [
                    "等级",
                    "评级",
                    "性质",
                    "类型",
                    "类别",
                    "备注",
                    "率",
                    "扣分",
                    "结余",
                    "占比",
                    "比重",
                    "比例",
                    "结余额",
                    "差额",
                    "差异",
                ]
                .iter()
                .any(|w| bare.ends_with(w))
                // `上年数`, `2022年占比`: a column of a year's figure.
                || year_amount(text).is_some_and(|(_, measure)| !measure.is_empty())
        };
        // Or between two the header holds (`项目名称 债券性质 已发债券规模`): a
        // column of its own.
        let n = t.text.chars().count();
        let unnamed = (2..=8).contains(&n)
            && t.text.chars().all(|c| !c.is_ascii())
            && !t.text.contains(['，', '。', '、', '：', '（', '）'])
            && role_at(tokens, j + 1).is_some();
        // Such words in a row (`分值 得分 扣分 得分率`) head a column each.
        let another_follows = tokens.get(j + 1).is_some_and(|next| {
            next.run.is_none() && !next.facts.number && heads_a_column(&next.text)
        });
        let heads_a_column = heads_a_column(&t.text);
        if !unnamed && !heads_a_column {
            break;
        }
        found.push((Role::Other, t.text.to_string()));
        j += 1;
        // (`2022年占比 2023年金额`: a column the vocabulary names follows.)
        let named_follows = role_at(tokens, j).is_some();
        if !unnamed && !(heads_a_column && (another_follows || named_follows)) {
            // Nothing the vocabulary names follows: the header ends here.
            break;
        }
    }
    let mut found = two_header_rows_merged(found);
    // A numbered table's first row opens on `1`: short words the vocabulary does
    // not know between the header and it (`剩余资金 剩余比例`) are the header's last
    // columns, not a row (whose amount would be the first row's 序号).
    if found.iter().any(|(r, _)| *r == Role::Seq) {
        let header_word = |t: &Token| {
            t.run.is_none()
                && !t.facts.number
                && (2..=8).contains(&t.text.chars().count())
                && !t.text.contains(['，', '。', '、', '：', '；'])
        };
        let words = tokens[j.min(tokens.len())..]
            .iter()
            .take(4)
            .take_while(|t| header_word(t))
            .count();
        if words > 0 && tokens.get(j + words).is_some_and(|t| t.text.trim() == "1") {
            for t in &tokens[j..j + words] {
                found.push((Role::Other, t.text.to_string()));
            }
            j += words;
        }
    }
    // A workbook flattened with its cells out of order may print the level
    // columns' names together and the others a little later, between cells of
    // the first row (`一级 指标 二级指标 三级指标 数量指标 … 指标值 完成值 8755 分值 得分`).
    // The header is then those names in their order; the cells between are lost.
    if found.len() >= 2 && found.iter().all(|(r, _)| r.is_level()) && lead.is_none() {
        let mut k = j;
        let mut last = None;
        while k < tokens.len() && k < j + SCATTERED_HEADER {
            match role_at(tokens, k) {
                Some((role, n, text)) if !role.is_level() => {
                    found.push((role, text));
                    k += n;
                    last = Some(k);
                }
                Some((_, n, _)) => k += n,
                None => k += 1,
            }
        }
        if let Some(end) = last {
            j = end;
        }
    }
    // A score never comes before what it scores: `绩效评价得分情况` over `一级指标
    // 分值 得分` is the table's caption, and the header starts after it.
    if matches!(found.first(), Some((Role::Score, _)))
        && found.get(1).is_some_and(|(r, _)| {
            matches!(r, Role::Level1 | Role::Level2 | Role::Level3 | Role::Name)
        })
    {
        return None;
    }
    // A header that prints 得分 after every level (`一级指标 得分 二级指标 得分 三级指标
    // 得分 评价标准 得分`) scores in its last one; the others hold each level's points.
    let scores = found.iter().filter(|(r, _)| *r == Role::Score).count();
    if scores > 1 {
        let mut seen = 0;
        for (role, text) in found.iter_mut() {
            if *role == Role::Score {
                seen += 1;
                if seen < scores {
                    *role = Role::Weight;
                    // Named for what it holds, so the table reader takes it so.
                    *text = format!("分值（{text}）");
                }
            }
        }
    }
    // A weight never comes before the indicator it weighs: a header that opens
    // with one (`项目权重 评价内容 分值 自评分`) names the group column, whose
    // cells print each group with its weight (`项目决策 2 分`).
    let first_label = found
        .iter()
        .position(|(r, _)| matches!(r, Role::Level1 | Role::Level2 | Role::Level3 | Role::Name));
    let weighted_group = match (found.first(), first_label) {
        (Some((Role::Weight, _)), Some(1)) if found[1].0 != Role::Level1 => {
            // Named for what it holds, so the table reader takes it so.
            found[0] = (Role::Level1, format!("一级指标（{}）", found[0].1));
            true
        }
        _ => false,
    };
    // `预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | …`: the
    // block's title, then the row labels' title naming the unit (a budget
    // figure never comes before the 年初 one), which is no column of figures:
    // the rows print their labels under it.
    if lead.is_some()
        && found.first().is_some_and(|(r, text)| {
            *r == Role::Budget
                && (text.contains("万元") || text.contains("元）") || text.contains("元)"))
        })
        && found.iter().skip(1).any(|(r, _)| *r == Role::Initial)
    {
        found.remove(0);
    }
    let roles: HashSet<Role> = found.iter().map(|(r, _)| *r).collect();
    let has = |r: Role| roles.contains(&r);
    let indicator = has(Role::Level3) || (has(Role::Level1) && has(Role::Level2));
    // `一级指标 分值 得分 得分率`: a summary by group, each row a group's label.
    let by_group = !has(Role::Level3)
        && !has(Role::Level2)
        && has(Role::Level1)
        && has(Role::Weight)
        && has(Role::Score);
    let scored = (indicator && (has(Role::Score) || has(Role::Weight))) || by_group;
    let items = has(Role::Name) && (has(Role::Budget) || has(Role::Executed));
    // `项目 上年数 本年数 增减变化`: one amount in two years.
    let years = has(Role::Name)
        && found
            .iter()
            .filter(|(_, t)| year_amount(t).is_some())
            .count()
            == 2;
    let money = [Role::Initial, Role::Budget, Role::Executed, Role::Rate]
        .iter()
        .filter(|r| has(**r))
        .count();
    let budget = !indicator && !has(Role::Name) && money >= 2;
    if found.len() < 3 || !(scored || items || budget || years) {
        return None;
    }
    // Funds by source across: the lead titles one row of figures under it,
    // unlabelled (its cell spans both rows).
    let is_fund_column =
        |role: Role, text: &str| role == Role::Other && crate::budget::names_a_fund_column(text);
    let funds_across = found.iter().any(|(r, t)| is_fund_column(*r, t));
    let mut columns = Vec::new();
    if budget {
        columns.push(match lead {
            Some(lead) if funds_across => Column {
                class: Class::TotalLabel,
                role: None,
                header: lead.text.to_string(),
            },
            Some(lead) => Column {
                class: Class::Label,
                role: None,
                header: lead.text.to_string(),
            },
            None => Column {
                class: Class::TotalLabel,
                role: None,
                header: "资金".to_string(),
            },
        });
    } else if lead.is_some() {
        // The lead token is not part of this header, which starts at the next one.
        return None;
    }
    let mut k = 0;
    while k < found.len() {
        let (role, text) = &found[k];
        let next = found.get(k + 1).map(|(r, _)| *r);
        let class = match class_of(*role, next) {
            // A budget block's 其中 rows leave 分值 and 得分 empty.
            Class::Number { .. } if budget => Class::Number { required: false },
            Class::Group { .. } if k == 0 && weighted_group => Class::Group { weighted: true },
            Class::Group { .. } if by_group => Class::Label,
            Class::Free if year_amount(text).is_some() => Class::Number { required: false },
            Class::Free if budget && is_fund_column(*role, text) => {
                Class::Number { required: false }
            }
            c => c,
        };
        columns.push(Column {
            class,
            role: Some(*role),
            header: text.clone(),
        });
        // The 分值 after a group label is that group's weight.
        k += if matches!(class, Class::Group { weighted: true }) && !(k == 0 && weighted_group) {
            2
        } else {
            1
        };
    }
    // A header cell's wrapped tail (`(经济科目)`, `(万元)`) printed after the run.
    while let Some(t) = tokens.get(j) {
        let text = &*t.text;
        let wrapped = (text.starts_with('(') && text.ends_with(')'))
            || (text.starts_with('（') && text.ends_with('）'));
        // (`(50分)` is the first group's weight, below the header.)
        if !wrapped || text.chars().count() > 12 || is_bracketed_weight(text) {
            break;
        }
        if let Some(last) = columns.last_mut() {
            last.header.push_str(text);
        }
        j += 1;
    }
    Some((columns, j))
}

/// A header printed in two rows (`crate::vocab::spelled_out`): the levels'
/// names after the score column open the lower row. The columns are the lower
/// row's, then the upper row's after the last one the lower row spells out.
fn two_header_rows_merged(found: Vec<(Role, String)>) -> Vec<(Role, String)> {
    let Some(lower) = found.iter().position(|(r, _)| r.is_level()) else {
        return found;
    };
    let (upper, lower) = found.split_at(lower);
    let roles = |cols: &[(Role, String)]| cols.iter().map(|(r, _)| *r).collect::<Vec<_>>();
    let Some(after) = crate::vocab::spelled_out(&roles(upper), &roles(lower)) else {
        return found;
    };
    lower.iter().chain(&upper[after..]).cloned().collect()
}

fn is_blank_mark(text: &str) -> bool {
    // (`指标2：` with no name: a form's slot for another indicator, unused.)
    let empty_slot = is_numbered_indicator(text)
        && text
            .trim_start_matches("指标")
            .trim_end_matches([':', '：'])
            .chars()
            .all(|c| c.is_ascii_digit());
    is_placeholder(text) || matches!(text, "……" | "…" | "——") || empty_slot
}

/// A percentage is a rate, never an amount, a weight or a score.
/// An amount with its money unit (`356万元`) is only ever an amount.
fn fits_number_column(role: Option<Role>, text: &str) -> bool {
    // (An amount with its unit, under an amount's column or one the
    // vocabulary has no role for: a fund's by source, a 结余.)
    if money_suffix(text).is_some() {
        return role.is_some_and(|r| r.is_amount() || r == Role::Other);
    }
    role == Some(Role::Rate) || !text.contains('%')
}

/// A figure cut from a run of digits is within what its column can hold: a
/// weight or a score within 100 points, a rate under 1000 %. (Checked of the
/// whole row too; told here, the row reader keeps no reading that cannot be.)
fn within_its_columns_range(role: Option<Role>, text: &str) -> bool {
    let Some(n) = cell_number(text) else {
        return true;
    };
    match role {
        Some(Role::Weight | Role::Score) => n.value <= rust_decimal::Decimal::ONE_HUNDRED,
        Some(Role::Rate) => n.value < rust_decimal::Decimal::ONE_THOUSAND,
        _ => true,
    }
}

/// A token that can be (part of) a label: a clause of criteria text
/// (`1 分；`, `2、项目管理制度`) is none.
fn is_label_token(text: &str) -> bool {
    // (`合规得满分`, `100%计满分`, `否则不得分`: a scoring rule, however short.)
    const SCORING: &[&str] = &["满分", "不得分", "扣分", "扣完为止"];
    !is_number(text)
        && !SCORING.iter().any(|w| text.contains(w))
        && !is_blank_mark(text)
        && !is_total_label(text)
        && !is_quantity(text)
        && text.chars().count() <= 40
        && !text.contains('。')
        && !text.ends_with(CLAUSE_MARKS)
        && !is_unit_clause(text)
}

const CLAUSE_MARKS: [char; 4] = ['；', ';', '，', ','];

/// `分,缺一项扣`: the rest of a clause whose number (`1 分,…`) was cut off at a space.
fn is_unit_clause(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('分') && chars.next().is_some_and(|c| CLAUSE_MARKS.contains(&c))
}

/// `（一）评价得分`, `三、评价结论`: a heading numbered in Chinese numerals,
/// which titles what follows and heads no column.
fn is_numbered_heading(text: &str) -> bool {
    let t = text.trim_start();
    let inner = t.strip_prefix(['(', '（']).unwrap_or(t);
    let numerals = inner
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    numerals > 0
        && inner
            .chars()
            .nth(numerals)
            .is_some_and(|c| matches!(c, '、' | '）' | ')' | '．' | '.'))
}

/// `1、`, `2.`, `（3）`, `①`: an item of a list, which criteria text is made of.
fn opens_with_enumerator(text: &str) -> bool {
    let t = text.trim_start();
    if t.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        return true;
    }
    let inner = t.strip_prefix(['(', '（']).unwrap_or(t);
    let digits = inner.chars().take_while(|c| c.is_ascii_digit()).count();
    let mut rest = inner[digits..].chars();
    let mark = rest.next();
    // `1.5` is a number, `1.完成` an item.
    let decimal = mark == Some('.') && rest.next().is_some_and(|c| c.is_ascii_digit());
    digits > 0 && matches!(mark, Some('、' | '.' | '．' | ')' | '）')) && !decimal
}

/// `75元`, `≥95%`, `300公里`: a value with its unit, never a name.
fn is_quantity(text: &str) -> bool {
    let t = text.trim_start_matches(['≥', '≤', '＞', '＜', '>', '<']);
    let digits = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count();
    digits > 0 && t.chars().count() - digits <= 3
}

/// `指标1：全县参合人数` → `全县参合人数`.
fn strip_indicator_number(name: &str) -> &str {
    if !is_numbered_indicator(name) {
        return name;
    }
    let rest = name
        .trim_start_matches("指标")
        .trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.trim_start_matches([':', '：', '、', '.']);
    if rest.is_empty() {
        name
    } else {
        rest
    }
}

/// `指标1：全县参合人数`: the forms' numbered indicator, a 三级 name.
fn is_numbered_indicator(text: &str) -> bool {
    text.strip_prefix("指标")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
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
/// One reading of a row's columns so far: (cost, previous q, its rank there,
/// what the column took).
type Entry = (f32, usize, usize, Taken);

fn rows_from(
    tokens: &[Token],
    p: usize,
    columns: &[Column],
    best: &mut Vec<Vec<Vec<Entry>>>,
) -> Vec<(usize, f32, Vec<Taken>)> {
    let run_of = |i: usize| tokens.get(i).and_then(|t| t.run);
    // A row never starts inside a run of digits.
    if p > 0 && run_of(p).is_some() && run_of(p) == run_of(p - 1) {
        return Vec::new();
    }
    let k = columns.len();
    // A budget block's part row (its label no total) leaves 分值 and 得分 blank
    // (see `plausible`): such cells are not read, so that the cuts of a run
    // of digits fill its amounts, not every column.
    let unscored_part = columns.first().is_some_and(|c| c.role.is_none())
        && tokens.get(p).is_some_and(|t| {
            t.run.is_none()
                && t.facts.label
                && !(t.text.contains("总额") || t.text.contains("合计"))
        });
    // Where the form prints the unit in a column before the 完成值, a 完成值
    // cut from a run with a `%` took the target's unit (`≥95%9833` is
    // ≥95 % | 98 | 3 | 3, not ≥9 | 5% | 98 | 33).
    let unit_apart = columns.iter().any(|c| c.role == Some(Role::Unit));
    let width = k * MAX_LABEL_TOKENS + MAX_PROSE_TOKENS + 24;
    let limit = (p + width).min(tokens.len());
    let span = limit - p + 1;
    // best[j][q]: the cheapest readings (a few, since the arithmetic checked at
    // the end may reject the cheapest) of the columns before j over tokens
    // p..p+q: (cost, previous q, its rank there, what column j-1 took).
    // The table is reused from start to start: only cleared, never reallocated.
    best.resize_with(k + 1, Vec::new);
    for row in best.iter_mut() {
        row.resize_with(span.max(row.len()), Vec::new);
        for slot in row.iter_mut().take(span) {
            slot.clear();
        }
    }
    best[0][0].push((0.0, 0, 0, None));
    for j in 0..k {
        let col = &columns[j];
        for q in 0..span {
            let here_all: Vec<(usize, f32)> = best[j][q]
                .iter()
                .enumerate()
                .map(|(r, e)| (r, e.0))
                .collect();
            for (rank, here) in here_all {
                let at = p + q;
                let mut relax = |nq: usize, cost: f32, taken: Taken| {
                    if nq >= span {
                        return;
                    }
                    let slot = &mut best[j + 1][nq];
                    let total = here + cost;
                    if slot.len() >= KEEP && slot.last().is_some_and(|w| w.0 <= total) {
                        return;
                    }
                    let at = slot.partition_point(|e| e.0 <= total);
                    slot.insert(at, (total, q, rank, taken));
                    slot.truncate(KEEP);
                };
                let blank_by_the_form =
                    unscored_part && matches!(col.role, Some(Role::Weight | Role::Score));
                // Missing cells.
                match col.class {
                    Class::Number { .. } if blank_by_the_form => relax(q, 0.0, None),
                    Class::Seq => relax(q, 0.5, None),
                    Class::Group { .. } => relax(q, 1.0, None),
                    Class::Number { required: false } => relax(q, 1.5, None),
                    // A 度量单位 or 指标性质 cell run together with the target
                    // (`≥95%`) is printed in the target's run.
                    Class::Free
                        if matches!(col.role, Some(Role::Sign | Role::Unit))
                            && tokens.get(at).is_some_and(|t| t.run.is_some()) =>
                    {
                        relax(q, 0.3, None)
                    }
                    Class::Free => relax(q, 1.0, None),
                    Class::Prose => relax(q, 0.3, None),
                    Class::TotalLabel => relax(q, 0.5, None),
                    Class::Label | Class::Number { required: true } => {}
                }
                // A plain token (not a piece of a digit run) at `at + n`.
                let plain = |n: usize| {
                    tokens
                        .get(at + n)
                        .filter(|t| t.run.is_none())
                        .map(|t| &*t.text)
                };
                let facts = |n: usize| {
                    tokens
                        .get(at + n)
                        .filter(|t| t.run.is_none())
                        .map(|t| t.facts)
                };
                let lab = |n: usize| facts(n).is_some_and(|f| f.label);
                let grp = |n: usize| facts(n).is_some_and(|f| f.group);
                let num = |n: usize| facts(n).is_some_and(|f| f.number);
                // Cutting a run of digits is a guess: the fewer cuts, the better.
                let cut_cost = |end: usize| {
                    if run_of(end).is_some() && run_of(end) == run_of(end - 1) {
                        0.1
                    } else {
                        0.0
                    }
                };
                // The numbers a digit run starting here can give: (tokens, text).
                let pieces = || -> Vec<(usize, String)> {
                    let Some(id) = run_of(at) else {
                        return Vec::new();
                    };
                    let mut out = Vec::new();
                    let mut text = String::new();
                    let mut n = 0;
                    while run_of(at + n) == Some(id) {
                        text.push_str(&tokens[at + n].text);
                        n += 1;
                        out.push((n, text.clone()));
                    }
                    // A run ending in its money unit (`75.63万元`) is one amount:
                    // the unit is the whole number's, never a cut piece's.
                    // (A target's run is cut: `1020万元` is 分值 10, 指标值 20万元.)
                    let whole = at == 0 || run_of(at - 1) != Some(id);
                    if text.ends_with('元') && col.role.is_some_and(Role::is_amount) {
                        out.retain(|(k, _)| whole && *k == n);
                    }
                    out
                };
                match col.class {
                    Class::Seq => {
                        if let Some(n) = plain(0).and_then(cell_number) {
                            if n.decimals == 0 && n.value >= rust_decimal::Decimal::ONE {
                                relax(q + 1, 0.0, Some((at, at + 1)));
                            }
                        }
                    }
                    Class::Number { .. } => {
                        if blank_by_the_form {
                            // Only its blank mark (`—`), if printed.
                            if facts(0).is_some_and(|f| f.blank) {
                                relax(q + 1, 0.0, Some((at, at + 1)));
                            }
                            continue;
                        }
                        match plain(0) {
                            Some(t) if num(0) && fits_number_column(col.role, t) => {
                                relax(q + 1, 0.0, Some((at, at + 1)))
                            }
                            // A form leaves a score blank more often than a weight.
                            Some(_) if facts(0).is_some_and(|f| f.blank) => {
                                let cost = if col.role == Some(Role::Weight) {
                                    0.5
                                } else {
                                    0.3
                                };
                                relax(q + 1, cost, Some((at, at + 1)))
                            }
                            _ => {}
                        }
                        for (n, text) in pieces() {
                            // Cut from a run, a rate is known by its `%`.
                            let rate_marked = col.role != Some(Role::Rate) || text.ends_with('%');
                            if is_glued_number(&text, false)
                                && fits_number_column(col.role, &text)
                                && rate_marked
                                && within_its_columns_range(col.role, &text)
                            {
                                // Amounts print two decimals: a cut one short of
                                // them (`135.2|7135.27`) is the less likely.
                                let short = text.split_once('.').is_some_and(|(_, d)| d.len() == 1)
                                    && run_of(at + n).is_some()
                                    && run_of(at + n) == run_of(at + n - 1);
                                let cost = cut_cost(at + n) + if short { 0.05 } else { 0.0 };
                                relax(q + n, cost, Some((at, at + n)));
                            }
                        }
                    }
                    Class::Group { weighted } => {
                        // A group printed with no rows of its own (`经济效益指标`
                        // right before `社会效益指标`): passed over.
                        if !weighted && grp(0) && lab(1) && grp(1) {
                            relax(q + 2, 0.5, Some((at + 1, at + 2)));
                        }
                        for n in 1..=MAX_LABEL_TOKENS {
                            if !(0..n).all(&lab) {
                                break;
                            }
                            // A group's name never holds another group's name, nor a
                            // clause, nor a numbered indicator, nor a list item; but
                            // a name's cell may wrap before its last word
                            // (`经济效益` / `指标`).
                            let wrapped_tail = n == 2 && plain(1) == Some("指标");
                            if ((0..n - 1).any(&grp) && !wrapped_tail)
                                || (0..n).any(|m| {
                                    plain(m).is_some_and(|t| {
                                        t.contains(['，', ','])
                                            || is_numbered_indicator(t)
                                            || opens_with_enumerator(t)
                                    })
                                })
                            {
                                break;
                            }
                            let name_is_group = if n == 1 {
                                grp(0)
                            } else {
                                looks_like_group(&(0..n).filter_map(plain).collect::<String>())
                            };
                            let unusual = !name_is_group && !weighted;
                            let extra = 0.25 * (n - 1) as f32 + if unusual { 0.3 } else { 0.0 };
                            if weighted {
                                if num(n) {
                                    relax(q + n + 1, extra, Some((at, at + n + 1)));
                                }
                                // (Or its weight printed in its name, `项目决策(10分)`:
                                // one token, so a criterion before it stays the row's.)
                                if n == 1
                                    && plain(0).is_some_and(|t| {
                                        crate::rows::split_weighted_label(t).1.is_some()
                                    })
                                {
                                    relax(q + n, extra, Some((at, at + n)));
                                }
                                // (Or its weight cut from a run of digits: `投入18预算配置18…`.)
                                let w = at + n;
                                let opens_a_run =
                                    run_of(w).is_some() && (w == 0 || run_of(w - 1) != run_of(w));
                                let mut m = 0;
                                while opens_a_run && run_of(w + m) == run_of(w) {
                                    m += 1;
                                    let text = join(&tokens[w..w + m]);
                                    if is_glued_number(&text, false)
                                        && within_its_columns_range(Some(Role::Weight), &text)
                                        && !text.contains('%')
                                    {
                                        relax(
                                            q + n + m,
                                            extra + cut_cost(w + m),
                                            Some((at, w + m)),
                                        );
                                    }
                                }
                            } else {
                                relax(q + n, extra, Some((at, at + n)));
                            }
                        }
                    }
                    Class::Label | Class::TotalLabel => {
                        // A budget block's row label (no role) is a short name.
                        let most = if col.role.is_none() {
                            2
                        } else {
                            MAX_LABEL_TOKENS
                        };
                        for n in 1..=most {
                            if !(0..n).all(&lab) {
                                break;
                            }
                            // An indicator's name never holds a group's name before its
                            // end, and a numbered indicator (`指标1：…`) starts it.
                            // Nor is a group's name or a weight (`（10分`) its continuation.
                            let weight_piece =
                                |t: &str| t.starts_with(['(', '（']) && t.contains('分');
                            if (0..n - 1).any(&grp)
                                || (1..n).any(|m| {
                                    grp(m)
                                        || plain(m).is_some_and(|t| {
                                            is_numbered_indicator(t) || weight_piece(t)
                                        })
                                })
                            {
                                break;
                            }
                            let joined_is_group = if n == 1 {
                                grp(0)
                            } else {
                                looks_like_group(&(0..n).filter_map(plain).collect::<String>())
                            };
                            let group_like = joined_is_group && col.role == Some(Role::Level3);
                            // One character is a cell's wrapped tail (`措` / `施`), not a name.
                            let total_chars: usize =
                                (0..n).filter_map(plain).map(|t| t.chars().count()).sum();
                            if total_chars < 2 {
                                continue;
                            }
                            let extra = 0.25 * (n - 1) as f32 + if group_like { 1.5 } else { 0.0 };
                            relax(q + n, extra, Some((at, at + n)));
                        }
                    }
                    Class::Free => {
                        for n in 1..=2 {
                            if !(0..n)
                                .all(|m| facts(m).is_some_and(|f| !f.total && f.names.is_none()))
                            {
                                break;
                            }
                            // Two numbers are two cells, never one.
                            if n == 2 && (num(0) || num(1)) {
                                break;
                            }
                            // A value with its unit (`≥860公里`) is whole: a word
                            // beside it (`计划`, `养护台账`) is another cell's, as
                            // a text column beside it may hold.
                            let whole_value = |t: &str| {
                                is_quantity(t) && !t.chars().all(|c| c.is_ascii_digit() || c == '.')
                            };
                            let word = |t: &str| {
                                t.chars().count() >= 2 && !t.contains(|c: char| c.is_ascii_digit())
                            };
                            let value_and_word = n == 2
                                && matches!((plain(0), plain(1)), (Some(a), Some(b))
                                    if (whole_value(a) && word(b)) || (word(a) && whole_value(b)));
                            let cost =
                                0.25 * (n - 1) as f32 + if value_and_word { 0.5 } else { 0.0 };
                            relax(q + n, cost, Some((at, at + n)));
                        }
                        // (A 指标性质 or 度量单位 cell holds no figure.)
                        let holds_figures = !matches!(col.role, Some(Role::Sign | Role::Unit));
                        // A 完成值 cut from a run is of the target's order
                        // (`≥95%` then `9833`: 98, not 9): the run before it.
                        let target_digits = (col.role == Some(Role::Actual))
                            .then(|| run_before(tokens, at))
                            .flatten()
                            .and_then(|t| integer_digits(&t));
                        for (n, text) in pieces().into_iter().filter(|_| holds_figures) {
                            if is_glued_number(&text, true) {
                                let unit_taken = unit_apart
                                    && col.role == Some(Role::Actual)
                                    && text.ends_with('%');
                                let off_order =
                                    target_digits.is_some_and(|d| integer_digits(&text) != Some(d));
                                let cost = cut_cost(at + n)
                                    + if unit_taken { 1.0 } else { 0.0 }
                                    + if off_order { 0.5 } else { 0.0 };
                                relax(q + n, cost, Some((at, at + n)));
                            }
                        }
                    }
                    Class::Prose => {
                        // `0` in a reason column: nothing to explain (a form's way
                        // of leaving it empty).
                        if plain(0) == Some("0") {
                            relax(q + 1, 0.3, Some((at, at + 1)));
                        }
                        // Criteria are sentences; a short name is the next row's label.
                        let mut cost = 0.0;
                        for n in 1..=MAX_PROSE_TOKENS {
                            let (Some(t), Some(f)) = (plain(n - 1), facts(n - 1)) else {
                                break;
                            };
                            if f.number || f.total {
                                break;
                            }
                            // `效益指标（20分）` opens the next row; `数据准确（2分）` is criteria.
                            if f.group {
                                let name = crate::rows::split_weighted_label(&compact(t)).0;
                                if name.ends_with("指标") && name.chars().count() <= 9 {
                                    break;
                                }
                            }
                            let short = f.label && t.chars().count() <= 12;
                            // A name right before a value (`公厕保洁管护座数 46座
                            // 46座 6 6`) is the next row's label, not criteria; a
                            // long one only before a target with its unit
                            // (`…验收合格率 100%`): criteria end before a bare score.
                            let before_a_value = plain(n).is_some_and(|next| {
                                is_quantity(next) || facts(n).is_some_and(|f| f.number)
                            });
                            let before_a_target = plain(n).is_some_and(|next| {
                                is_quantity(next)
                                    && !next.chars().all(|c| c.is_ascii_digit() || c == '.')
                            });
                            // (A criterion's own items are criteria: `2、标准明确(2分)`;
                            // a text column before others may hold a name before them.)
                            let a_name = f.label
                                && j + 1 == k
                                && !opens_with_enumerator(t)
                                && !t.contains(['(', '（', '。', '；', ';']);
                            if a_name && ((short && before_a_value) || before_a_target) {
                                break;
                            }
                            // `指标2：…`: the form's next indicator, never criteria.
                            if is_numbered_indicator(t) {
                                break;
                            }
                            // A short reason right before the next row's name and
                            // value (`部分指标未细化量化 / 预算编制 / 12`) is this row's,
                            // not the start of that name.
                            let next_row_follows = facts(n).is_some_and(|f| f.label)
                                && plain(n + 1).is_some_and(|next| {
                                    is_quantity(next) || facts(n + 1).is_some_and(|f| f.number)
                                });
                            cost += if short && !next_row_follows {
                                0.6
                            } else {
                                0.05
                            };
                            relax(q + n, cost, Some((at, at + n)));
                        }
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for q in 1..span {
        // Nor does it end inside one.
        if run_of(p + q).is_some() && run_of(p + q) == run_of(p + q - 1) {
            continue;
        }
        // The cheapest plausible reading, its doubts (a fund row's figures that
        // do not agree) added to its cost.
        let mut chosen: Option<(f32, Vec<Taken>)> = None;
        for rank in 0..best[k][q].len() {
            let cost = best[k][q][rank].0;
            if chosen.as_ref().is_some_and(|(c, _)| *c <= cost) {
                break;
            }
            let mut taken = vec![None; k];
            let (mut at, mut r) = (q, rank);
            for j in (1..=k).rev() {
                let (_, prev, prev_rank, t) = best[j][at][r];
                taken[j - 1] = t;
                at = prev;
                r = prev_rank;
            }
            if let Some(doubt) = plausible(tokens, columns, &taken) {
                if chosen.as_ref().is_none_or(|(c, _)| cost + doubt < *c) {
                    chosen = Some((cost + doubt, taken));
                }
            }
        }
        if let Some((cost, taken)) = chosen {
            out.push((p + q, cost, taken));
        }
    }
    out
}

/// The text of the run of digits that ends right before token `at`, if one does.
fn run_before(tokens: &[Token], at: usize) -> Option<String> {
    let id = tokens.get(at.checked_sub(1)?)?.run?;
    let start = (0..at)
        .rev()
        .take_while(|&k| tokens[k].run == Some(id))
        .last()?;
    Some(join(&tokens[start..at]))
}

/// How many digits a number's whole part has (`≥95%` 2, `=100人` 3).
fn integer_digits(text: &str) -> Option<usize> {
    let digits: String = text
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    (!digits.is_empty()).then_some(digits.len())
}

/// Readings kept per state of the row reader.
const KEEP: usize = 32;

/// A number cut from a run of digits: no leading zero, one point, at most two
/// decimals, thousands separated by commas or not at all; `%`, a leading `≥` or `=`
/// and (for a target) a trailing unit allowed.
fn is_glued_number(text: &str, target: bool) -> bool {
    let plain;
    let mut t = text;
    if t.contains(',') {
        let int = t.split(['.', '%']).next().unwrap_or("");
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        let grouped = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if !grouped {
            return false;
        }
        plain = t.replace(',', "");
        t = &plain;
    }
    if target {
        t = t.trim_start_matches(['≥', '≤', '＞', '＜', '>', '<', '=']);
        if let Some(end) = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '%')) {
            t = &t[..end];
        }
    } else {
        // An amount may carry its money unit (`378.17万元`), as its cell does.
        t = money_suffix(t).map_or(t, |(head, _)| head);
        if !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '%')
        {
            return false;
        }
    }
    let t = t.strip_suffix('%').unwrap_or(t);
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    !int.is_empty()
        && int.len() <= 6
        && int.chars().all(|c| c.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
        && frac.len() <= 2
        && frac.chars().all(|c| c.is_ascii_digit())
        && !(t.contains('.') && frac.is_empty())
}

/// The cost of a fund row whose score exceeds its weight or whose rate is not
/// the ratio of its amounts: the report's own error (for the checker to
/// find) when no other reading of the tokens is as cheap.
const FUND_ROW_DOUBT: f32 = 1.0;
/// The extra cost of an indicator row read with its score above its weight:
/// more than a token left out, so that any reading within the weights wins.
const OVER_WEIGHT_DOUBT: f32 = 2.5;

/// A budget block's rows are funds: 年度资金总额, 当年财政拨款, 上年结转, 其他资金.
const FUND_WORDS: &[&str] = &[
    "资金",
    "拨款",
    "总额",
    "合计",
    "结转",
    "财政",
    "预算",
    "收入",
    "基金",
    "其他",
    "经费",
    // Funds by the level of government that gives them (`县级配套`, `中央补助`).
    "配套",
    "补助",
    "自筹",
    "中央",
    "省级",
    "市级",
    "县级",
    "区级",
    "本级",
    // A department form's split by nature (`按支出性质分` `基本支出`, `项目支出`).
    "基本支出",
    "项目支出",
    "人员经费",
    "公用经费",
];

/// A label naming where a budget block's funds come from (`上年结转资金`,
/// `其他资金`, `中央补助`), not the block's total nor anything of the form
/// after it (`资金来源`, `年度总体目标`).
fn is_a_source_of_funds(t: &Token) -> bool {
    is_a_whole_label(t) && names_a_source_of_funds(&t.text)
}

/// Words short enough for a row label, naming funds (a budget block's rows).
fn names_a_row_of_funds(text: &str) -> bool {
    text.chars().count() <= 12 && FUND_WORDS.iter().any(|w| text.contains(w))
}

/// A budget block's row of funds (`names_a_row_of_funds`) that is neither
/// its total nor anything of the form after it.
pub(crate) fn names_a_source_of_funds(text: &str) -> bool {
    names_a_row_of_funds(text)
        && !["总额", "合计", "来源", "目标", "情况", "指标", "（", "("]
            .iter()
            .any(|w| text.contains(w))
}

/// A token that is a label whole: no header word, no piece of a run.
fn is_a_whole_label(t: &Token) -> bool {
    t.facts.label && t.facts.names.is_none() && t.run.is_none()
}

/// Words of a budget row naming a kind of spending rather than a fund (a
/// template's 经费控制情况 rows: `公车购置`, `公务接待`, `会议费、培训费`).
const SPENDING_WORDS: &[&str] = &[
    "公务",
    "公车",
    "购置",
    "运行维护",
    "接待",
    "出国",
    "费",
    "采购",
    // (A 项目支出's numbered projects: `1、业务工作专项`.)
    "专项",
];

/// How far before a budget block's header its row labels may be stacked.
const STACK_REACH: usize = 8;

/// A budget block's row labels printed stacked before its header (a sheet
/// flattened column by column: `年度资金总额 其中:当年财政拨款 实施单位 全年预算数
/// 全年执行数 … 65.66 65.07 10 99% 9 65.66 65.07 — 99% —`): a run of fund labels
/// side by side ending a few tokens before the header, the first naming the
/// total. The block's rows printed without labels are theirs, in order.
/// Returns where the run stands among the tokens (empty where there is none).
fn stacked_fund_labels(tokens: &[Token], at: usize) -> std::ops::Range<usize> {
    let is_fund_label = |t: &Token| is_a_whole_label(t) && names_a_row_of_funds(&t.text);
    let from = at.saturating_sub(STACK_REACH);
    let Some(last) = (from..at).rev().find(|&i| is_fund_label(&tokens[i])) else {
        return 0..0;
    };
    if at - last > 3 {
        return 0..0;
    }
    let first = (from..=last)
        .rev()
        .take_while(|&i| is_fund_label(&tokens[i]))
        .last()
        .unwrap_or(last);
    let total_first = tokens[first].text.contains("总额") || tokens[first].text.contains("合计");
    if last > first && total_first {
        first..last + 1
    } else {
        0..0
    }
}

/// Whether a row reading makes sense, and at what extra cost: some number
/// column holds a number, a score is within its weight and both within 100,
/// and a rate printed beside its two amounts is their ratio. In a budget
/// block's fund row (年度资金总额 … 分值 执行率 得分) the last two are doubts,
/// not impossibilities: its columns are few and fixed, so a score above its
/// weight there is more likely the report's mistake than a misreading (unless
/// its digits ran together and these relations are what cuts them).
fn plausible(tokens: &[Token], columns: &[Column], taken: &[Taken]) -> Option<f32> {
    let text_of = |t: &Taken| t.map(|(s, e)| join(&tokens[s..e]));
    let value = |role: Role| {
        columns
            .iter()
            .zip(taken)
            .find(|(c, _)| c.role == Some(role) && matches!(c.class, Class::Number { .. }))
            .and_then(|(_, t)| text_of(t))
            .and_then(|t| cell_number(&t))
            .map(|p| p.value)
    };
    let has_numbers = columns
        .iter()
        .any(|c| matches!(c.class, Class::Number { .. }));
    let any_number = !has_numbers
        || columns.iter().zip(taken).any(|(c, t)| {
            matches!(c.class, Class::Number { .. }) && text_of(t).is_some_and(|t| is_number(&t))
        });
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    let zero = rust_decimal::Decimal::ZERO;
    let (weight, score) = (value(Role::Weight), value(Role::Score));
    let points_ok = match (weight, score) {
        (Some(w), Some(s)) => s <= w && w <= hundred && w > zero,
        (None, Some(s)) => s <= hundred,
        (Some(w), None) => w <= hundred && w > zero,
        _ => true,
    };
    // A budget block scores only its total row (年度资金总额); its 其中 rows
    // leave 分值 and 得分 blank.
    let block_label = columns
        .first()
        .filter(|c| c.role.is_none())
        .and_then(|_| taken.first())
        .and_then(text_of);
    let unscored_part = block_label
        .as_deref()
        .is_some_and(|l| !(l.contains("总额") || l.contains("合计")))
        && (weight.is_some() || score.is_some());
    let not_a_fund = block_label.as_deref().is_some_and(|l| {
        !FUND_WORDS
            .iter()
            .chain(SPENDING_WORDS)
            .any(|w| l.contains(w))
    });
    // Over the adjusted budget, or the 年初 one where the reading has none; a
    // 支出率 beside 到位数 may be over the funds received.
    let over = |b: rust_decimal::Decimal, e: rust_decimal::Decimal, r: rust_decimal::Decimal| {
        // Checked: a file's numbers may be of any size.
        b > zero
            && e.checked_mul(hundred)
                .and_then(|x| x.checked_div(b))
                .and_then(|ratio| ratio.checked_sub(r))
                .is_some_and(|d| d.abs() <= rust_decimal::Decimal::ONE)
    };
    let rate_ok = match (
        value(Role::Budget).or(value(Role::Initial)),
        value(Role::Executed),
        value(Role::Rate),
    ) {
        (Some(b), Some(e), Some(r)) if b > rust_decimal::Decimal::ZERO => {
            over(b, e, r) || value(Role::Available).is_some_and(|a| over(a, e, r))
        }
        // A rate with no spending beside it is the ratio of nothing read: the
        // spending's column taken for the rate's (`43.2 43.2 37.24` under
        // 年初 / 全年 / 执行 / 分值 / 执行率 / 得分).
        (Some(_), None, Some(_)) => false,
        _ => true,
    };
    // A block's total printed without its label: its rate must be its ratio.
    let unlabelled = columns
        .first()
        .is_some_and(|c| c.class == Class::TotalLabel)
        && taken.first().is_some_and(|t| t.is_none());
    let proven = value(Role::Budget).is_some()
        && value(Role::Executed).is_some()
        && value(Role::Rate).is_some();
    // Or, under funds printed by source across (whose header titles the one
    // row under it), a figure under every value column: that row, whatever
    // its rate says.
    let funds_across = columns
        .iter()
        .any(|c| c.role == Some(Role::Other) && crate::budget::names_a_fund_column(&c.header));
    let complete = funds_across
        && columns
            .iter()
            .zip(taken)
            .all(|(c, t)| !matches!(c.class, Class::Number { .. }) || t.is_some());
    // A form's 指标性质 column holds a sign (`≥`, `=`, `定性`), its 度量单位 a
    // unit; a sign is no target or actual value.
    // A unit measures a number: beside a worded target (`明显`) it is empty.
    let numeric_target = columns
        .iter()
        .zip(taken)
        .find(|(c, _)| c.role == Some(Role::Target))
        .and_then(|(_, t)| text_of(t))
        .is_some_and(|t| t.starts_with(|ch: char| ch.is_ascii_digit()));
    let cells_fit = columns.iter().zip(taken).all(|(c, t)| {
        let Some(text) = text_of(t) else {
            return true;
        };
        match c.role {
            Some(Role::Sign) => is_target_sign(&text),
            Some(Role::Unit) => {
                numeric_target
                    && text.chars().count() <= 4
                    && !text.chars().any(|ch| ch.is_ascii_digit())
                    && !is_target_sign(&text)
            }
            Some(Role::Target | Role::Actual) => !is_target_sign(&text),
            _ => true,
        }
    });
    if !(any_number
        && cells_fit
        && !unscored_part
        && !not_a_fund
        && (!unlabelled || proven || complete))
    {
        return None;
    }
    if points_ok && rate_ok {
        return Some(0.0);
    }
    // A fund row (its label names a fund: `not_a_fund` saw to it) whose points
    // stay within 100 is read at a doubt, unless its digits ran together
    // (`2020`): these very relations are what cuts them.
    let points_in_range = match (weight, score) {
        (Some(w), Some(s)) => s <= hundred && w <= hundred && w > zero,
        _ => points_ok,
    };
    let glued = taken
        .iter()
        .flatten()
        .any(|&(s, e)| tokens[s..e].iter().any(|t| t.run.is_some()));
    // So is a row whose one doubt is its rate, each figure in a cell of its own
    // (a per-project row whose rate the report got wrong is still that row).
    // (Not a total without its label and some of its figures: its rate is
    // how it is known.)
    let only_the_rate = points_ok && !rate_ok && (!unlabelled || complete);
    // So is an indicator scored above its weight, both printed apart and
    // within 100: the report's slip to find (score.bounds), not a misreading;
    // dropped, its weight went missing from the group's sum instead.
    // (A little over: more than twice the weight is a misreading.)
    let only_over_its_weight = !points_ok
        && rate_ok
        && block_label.is_none()
        && weight.zip(score).is_some_and(|(w, s)| s <= w + w);
    if only_over_its_weight && points_in_range && !glued {
        return Some(OVER_WEIGHT_DOUBT);
    }
    ((block_label.is_some() || only_the_rate) && points_in_range && !glued)
        .then_some(FUND_ROW_DOUBT)
}

/// One step of the chosen reading.
enum Step {
    Junk,
    Row(Vec<Taken>),
    /// A row's numbers and values with its labels elsewhere (a flattened
    /// workbook printed merged rows' values first, their labels after).
    Values(Vec<Taken>),
    /// A row's labels with no values: the labels of an earlier `Values`.
    Labels(Vec<Taken>),
    /// A 总分 / 合计 row: the label and the numbers after it.
    Total(Vec<String>),
    /// A `Values` reading no labels paired with: figures of no row read.
    Unpaired,
}

/// The numbers after a total's label, and the tokens they took: plain number
/// tokens, or a run of digits cut into weight and score (`100100` → 100 | 100).
fn total_numbers(tokens: &[Token], most: usize) -> (Vec<String>, usize) {
    let Some(id) = tokens.first().and_then(|t| t.run) else {
        let numbers: Vec<String> = tokens
            .iter()
            .take(most)
            .take_while(|t| t.run.is_none() && is_number(&t.text))
            .map(|t| t.text.to_string())
            .collect();
        let n = numbers.len();
        return (numbers, n);
    };
    let len = tokens.iter().take_while(|t| t.run == Some(id)).count();
    let text = join(&tokens[..len]);
    // Amounts printed with their unit (`8831.70万元7310.01万元`): each run is
    // one, whole.
    if text.ends_with('元') {
        let mut numbers = Vec::new();
        let mut at = 0;
        while let Some(id) = tokens.get(at).and_then(|t| t.run) {
            let n = tokens[at..]
                .iter()
                .take_while(|t| t.run == Some(id))
                .count();
            let amount = join(&tokens[at..at + n]);
            if numbers.len() == most || !amount.ends_with('元') || !is_glued_number(&amount, false)
            {
                break;
            }
            numbers.push(amount);
            at += n;
        }
        return (numbers, at);
    }
    let cuts: Vec<(String, String)> = (1..text.len())
        .filter(|&k| text.is_char_boundary(k))
        .map(|k| (text[..k].to_string(), text[k..].to_string()))
        .filter(|(w, s)| {
            is_glued_number(w, false)
                && is_glued_number(s, false)
                && match (cell_number(w), cell_number(s)) {
                    (Some(w), Some(s)) => {
                        s.value <= w.value && w.value <= rust_decimal::Decimal::ONE_HUNDRED
                    }
                    _ => false,
                }
        })
        .collect();
    match cuts.as_slice() {
        [(w, s)] if most >= 2 => (vec![w.clone(), s.clone()], len),
        _ => match amounts_to_the_cent(&text) {
            Some(amounts) if amounts.len() >= 2 && amounts.len() <= most => (amounts, len),
            _ if is_glued_number(&text, false) => (vec![text], len),
            _ => (Vec::new(), 0),
        },
    }
}

/// A run of amounts each printed to the cent (`16946.5315140.10`): its one
/// cut, each amount ending two digits after its point.
fn amounts_to_the_cent(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find('.')? + 3;
        let amount = rest.get(..end)?;
        if !to_the_cent(amount) {
            return None;
        }
        out.push(amount.to_string());
        rest = &rest[end..];
    }
    Some(out)
}

/// The columns a total row fills: the numbers' and those the vocabulary has
/// no role for (`结余`), after the last label column.
fn value_columns(columns: &[Column]) -> Vec<usize> {
    let after_labels = columns
        .iter()
        .rposition(|c| matches!(c.class, Class::Seq | Class::Label | Class::Group { .. }))
        .map_or(0, |k| k + 1);
    (after_labels..columns.len())
        .filter(|&k| {
            matches!(columns[k].class, Class::Number { .. }) || columns[k].role == Some(Role::Other)
        })
        .collect()
}

/// Reads the stream after a header: the cheapest segmentation into rows,
/// a total row, and left-over tokens.
fn read_rows(
    tokens: &[Token],
    start: usize,
    end: usize,
    columns: &[Column],
) -> Vec<(usize, usize, Step)> {
    let n = end - start;
    let inf = f32::INFINITY;
    let mut best = vec![inf; n + 1];
    let mut scratch: Vec<Vec<Vec<Entry>>> = Vec::new();
    // Rows that may open with a number: after a 序号 column, or a budget
    // block's total printed without its label.
    let has_seq = columns
        .iter()
        .any(|c| c.class == Class::Seq || c.class == Class::TotalLabel);
    // (That total's figures may have run together: its row opens with the run.)
    let unlabelled_total = columns
        .first()
        .is_some_and(|c| c.class == Class::TotalLabel);
    let mut back: Vec<Option<(usize, Step)>> = (0..=n).map(|_| None).collect();
    best[0] = 0.0;
    let numeric_columns = columns
        .iter()
        .filter(|c| matches!(c.class, Class::Number { .. }))
        .count();
    let value_columns_len = value_columns(columns).len();
    let every_column_a_value = columns.len() > 2
        && columns[1..]
            .iter()
            .all(|c| matches!(c.class, Class::Number { .. }) || c.role == Some(Role::Other));
    // A score table's columns split into its labels and its values, for rows
    // printed in two halves.
    let is_label_col = |c: &Column| matches!(c.class, Class::Group { .. } | Class::Label);
    let scored = columns.iter().any(|c| c.role == Some(Role::Level3))
        && columns.iter().any(|c| c.role == Some(Role::Score));
    let split = scored.then(|| {
        let label_idx: Vec<usize> = (0..columns.len())
            .filter(|&k| is_label_col(&columns[k]))
            .collect();
        let value_idx: Vec<usize> = (0..columns.len())
            .filter(|&k| !is_label_col(&columns[k]))
            .collect();
        let pick = |idx: &[usize]| {
            idx.iter()
                .map(|&k| columns[k].clone())
                .collect::<Vec<Column>>()
        };
        (pick(&label_idx), pick(&value_idx), label_idx, value_idx)
    });
    // A page's text layer prints a merged group cell where its middle falls:
    // after the label of the row it is centred on (`组织机构 项目管理 13 分 2 2`).
    // Such rows are also read with the weighted group after the label.
    let late = (0..columns.len().saturating_sub(1))
        .find(|&g| {
            columns[g].class == (Class::Group { weighted: true })
                && columns[g + 1].class == Class::Label
        })
        .map(|g| {
            let mut order: Vec<usize> = (0..columns.len()).collect();
            order.swap(g, g + 1);
            let late_columns: Vec<Column> = order.iter().map(|&k| columns[k].clone()).collect();
            (late_columns, order, g)
        });
    for i in 0..n {
        if best[i] == inf {
            continue;
        }
        let here = best[i];
        let at = start + i;
        // An empty cell (`|` alone) left over between rows costs next to nothing.
        let junk = if tokens[at].text.is_empty() {
            0.05
        } else {
            JUNK
        };
        if here + junk < best[i + 1] {
            best[i + 1] = here + junk;
            back[i + 1] = Some((i, Step::Junk));
        }
        if is_total_label(&tokens[at].text) {
            // A budget table's total fills every column after its label (a 到位率
            // the vocabulary has no role for among them): take as many.
            // (And a 分值 of each weighted group column before them: `合计 100
            // 100 100 92.28`.)
            let weighted_groups = columns
                .iter()
                .filter(|c| c.class == Class::Group { weighted: true })
                .count();
            let most = if every_column_a_value {
                columns.len() - 1
            } else {
                numeric_columns.max(value_columns_len) + weighted_groups
            };
            let (numbers, used) = total_numbers(&tokens[at + 1..end], most);
            if !numbers.is_empty() {
                let e = i + 1 + used;
                if here < best[e] {
                    best[e] = here;
                    back[e] = Some((i, Step::Total(numbers)));
                }
                // A score table's 合计 is its last row: what follows (the
                // form's 评价结论, its signatures) is no part of it, and
                // costs nothing to leave out.
                if scored && e < n && here < best[n] {
                    best[n] = here;
                    back[n] = Some((e, Step::Junk));
                }
            }
            continue;
        }
        // A row opens with its 序号 or a label, never with another number.
        let f = tokens[at].facts;
        let opens = if tokens[at].run.is_none() {
            f.label || (has_seq && f.number)
        } else {
            unlabelled_total
        };
        let mut found = false;
        if opens {
            for (e, cost, taken) in rows_from(&tokens[..end], at, columns, &mut scratch) {
                found = true;
                let e = e - start;
                if here + cost < best[e] {
                    best[e] = here + cost;
                    back[e] = Some((i, Step::Row(taken)));
                }
            }
            if let Some((late_columns, order, group)) = &late {
                for (e, cost, taken) in rows_from(&tokens[..end], at, late_columns, &mut scratch) {
                    let mut full = vec![None; columns.len()];
                    for (k, t) in order.iter().zip(taken) {
                        full[*k] = t;
                    }
                    // A row without its group's text is read in the header's order above.
                    if full[*group].is_none() {
                        continue;
                    }
                    found = true;
                    let e = e - start;
                    let cost = cost + LATE_GROUP;
                    if here + cost < best[e] {
                        best[e] = here + cost;
                        back[e] = Some((i, Step::Row(full)));
                    }
                }
            }
        }
        // Where no whole row starts: a row's values alone, or its labels alone.
        if let (false, Some((label_cols, value_cols, label_idx, value_idx)), None) =
            (found, &split, tokens[at].run)
        {
            let (cols, idx, labels) = if f.label && !is_quantity(&tokens[at].text) {
                (label_cols, label_idx, true)
            } else {
                (value_cols, value_idx, false)
            };
            for (e, cost, taken) in rows_from(&tokens[..end], at, cols, &mut scratch) {
                let mut full = vec![None; columns.len()];
                for (k, t) in idx.iter().zip(taken) {
                    full[*k] = t;
                }
                let e = e - start;
                let cost = cost + ORPHAN;
                if here + cost < best[e] {
                    best[e] = here + cost;
                    back[e] = Some((
                        i,
                        if labels {
                            Step::Labels(full)
                        } else {
                            Step::Values(full)
                        },
                    ));
                }
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

/// Rows printed in two halves: a run of values-only readings followed by as
/// many labels-only readings (one more values reading is the total's, left
/// out) are the same rows, paired in order. Halves that do not pair so are
/// dropped: the values of an unknown row are no row.
fn pair_halves(steps: Vec<(usize, usize, Step)>, columns: &[Column]) -> Vec<(usize, usize, Step)> {
    let mut out = Vec::new();
    let mut values: Vec<(usize, usize, Vec<Taken>)> = Vec::new();
    let mut labels: Vec<(usize, usize, Vec<Taken>)> = Vec::new();
    let flush = |values: &mut Vec<(usize, usize, Vec<Taken>)>,
                 labels: &mut Vec<(usize, usize, Vec<Taken>)>,
                 out: &mut Vec<(usize, usize, Step)>| {
        let n = labels.len();
        if n > 0 && (values.len() == n || values.len() == n + 1) {
            for ((_, _, v), (s, e, l)) in values.iter().zip(labels.iter()) {
                let merged: Vec<Taken> = (0..columns.len())
                    .map(|k| l.get(k).copied().flatten().or(v.get(k).copied().flatten()))
                    .collect();
                out.push((*s, *e, Step::Row(merged)));
            }
        } else {
            out.extend(values.iter().map(|(s, e, _)| (*s, *e, Step::Unpaired)));
        }
        values.clear();
        labels.clear();
    };
    for (s, e, step) in steps {
        match step {
            Step::Values(v) => {
                if !labels.is_empty() {
                    flush(&mut values, &mut labels, &mut out);
                }
                values.push((s, e, v));
            }
            Step::Labels(l) if !values.is_empty() => labels.push((s, e, l)),
            Step::Labels(_) => {}
            Step::Junk => out.push((s, e, Step::Junk)),
            other => {
                flush(&mut values, &mut labels, &mut out);
                out.push((s, e, other));
            }
        }
    }
    flush(&mut values, &mut labels, &mut out);
    out
}

/// Where a cell made of several tokens is: its first token's line, and the
/// characters from its first token's start to its last token's end when they
/// share the line.
fn span_source(tokens: &[Token]) -> Source {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Source::default();
    };
    let mut source = first.source.clone();
    if let (Some([from, _]), Some([_, to])) = (first.source.chars, last.source.chars) {
        if first.source.same_line(&last.source) {
            source.chars = Some([from, to]);
        }
    }
    source
}

fn join(tokens: &[Token]) -> String {
    tokens.iter().map(|t| &*t.text).collect()
}

/// A cell's text from its tokens: prose keeps its spaces, a label was only cut
/// by them (`经济效益 指标`).
fn cell_text(tokens: &[Token], (s, e): (usize, usize), prose: bool) -> String {
    if prose {
        let parts: Vec<&str> = tokens[s..e].iter().map(|t| &*t.text).collect();
        parts.join(" ")
    } else {
        compact(&join(&tokens[s..e]))
    }
}

/// Rebuilds the tables of the lines' cell streams. Lines in `skip` were read
/// as tables by the reader already.
pub fn rebuild_tables(streams: &Streams, skip: &HashSet<(u32, u32)>) -> Vec<Table> {
    let mut out = Vec::new();
    for tokens in streams.without(skip) {
        let headers: Vec<(usize, Vec<Column>, usize)> = {
            let mut hs = Vec::new();
            let mut i = 0;
            while i < tokens.len() {
                let above: Option<&Vec<Column>> =
                    hs.last().map(|h: &(usize, Vec<Column>, usize)| &h.1);
                match header_at(&tokens, i).filter(|_| !a_row_of(&tokens, i, above)) {
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
                c.iter()
                    .map(|x| &x.header)
                    .eq(columns.iter().map(|x| &x.header))
            };
            let mut last = h;
            while headers.get(last + 1).is_some_and(|n| same(&n.1)) {
                last += 1;
            }
            let segments: Vec<(usize, usize)> = (h..=last)
                .map(|k| {
                    let end = headers.get(k + 1).map_or(tokens.len(), |n| n.0);
                    let body = headers[k].2;
                    (body, end.min(body.saturating_add(MAX_BODY_TOKENS)))
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

/// A total row's one figure under several number columns: the column whose
/// rows above add up nearest to it (within half to twice it), so that a
/// `合计 2.70` under `债券资金 | 自评得分` totals the money, not the scores.
/// None where no column comes near: the figure then stays where it is put.
fn the_column_it_totals(
    numbers: &[String],
    number_cols: &[usize],
    rows: &[Vec<Cell>],
) -> Option<usize> {
    let [figure] = numbers else {
        return None;
    };
    let figure = cell_number(figure)?.value;
    if number_cols.len() < 2 || figure <= jixiao_model::Decimal::ZERO {
        return None;
    }
    let sum = |col: usize| -> Option<jixiao_model::Decimal> {
        let mut total = jixiao_model::Decimal::ZERO;
        let mut any = false;
        for row in rows.iter().skip(1) {
            if let Some(v) = row.get(col).and_then(|c| cell_number(&c.text)) {
                total = total.checked_add(v.value)?;
                any = true;
            }
        }
        any.then_some(total)
    };
    let near = |s: jixiao_model::Decimal| {
        s * jixiao_model::Decimal::TWO >= figure && s <= figure * jixiao_model::Decimal::TWO
    };
    number_cols
        .iter()
        .filter_map(|&c| Some((c, sum(c)?)))
        .filter(|(_, s)| near(*s))
        .min_by_key(|(_, s)| (*s - figure).abs())
        .map(|(c, _)| c)
}

/// `预算执行 执行率 预算执行率 100% 96.00% 10 9.6` under `一级指标 二级指标
/// 三级指标 指标值 完成值 权重 得分`: a line that names columns but prints as
/// many cells as the header above it has columns, figures among them, is
/// that table's row, not a header of its own.
fn a_row_of(tokens: &[Token], i: usize, above: Option<&Vec<Column>>) -> bool {
    let Some(above) = above else {
        return false;
    };
    let line = tokens[i].source.line;
    let opens_its_line = i == 0 || tokens[i - 1].source.line != line;
    let cells: Vec<&Token> = tokens[i..]
        .iter()
        .take_while(|t| t.source.line == line)
        .collect();
    let figures = cells.iter().filter(|t| t.facts.number).count();
    line.is_some()
        && opens_its_line
        && cells.iter().all(|t| t.run.is_none())
        && cells.len() == above.len()
        && figures >= 2
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
    let stacked = match columns.first() {
        Some(c) if c.class == Class::TotalLabel => &tokens[stacked_fund_labels(tokens, at)],
        _ => &[],
    };
    let mut unlabelled_rows = 0;
    let mut guessed_numbers = false;
    let mut placed_by_guess = Vec::new();
    // Figures skipped since the last row: unread, if a row or total follows.
    let mut figures_skipped = false;
    let mut figures_unread = false;
    // A budget block's fund row printed with no amount (`上年结转资金 — —`):
    // its label, waiting for what follows it to show it blank.
    let budget_block = columns
        .first()
        .is_some_and(|c| matches!(c.class, Class::Label | Class::TotalLabel) && c.role.is_none())
        && columns
            .iter()
            .any(|c| matches!(c.role, Some(Role::Budget | Role::Initial | Role::Executed)));
    let mut blank_row: Option<usize> = None;
    let blank_cells = |label: &Token| -> Vec<Cell> {
        let mut row: Vec<Cell> = columns
            .iter()
            .map(|_| Cell::new("", label.source.clone()))
            .collect();
        row[0] = Cell::new(label.text.to_string(), label.source.clone());
        row
    };
    'segments: for (k, &(body, end)) in segments.iter().enumerate() {
        if k > 0 {
            page_breaks.push(rows.len());
        }
        let mut gap = 0usize;
        for (s, e, step) in pair_halves(read_rows(tokens, body, end, columns), columns) {
            // The label waiting is a blank row unless figures follow it.
            let blank_mark =
                matches!(step, Step::Junk) && tokens[s..e].iter().all(|t| t.facts.blank);
            if let Some(label) = blank_row.filter(|_| !blank_mark) {
                blank_row = None;
                if !matches!(step, Step::Values(_) | Step::Unpaired) {
                    rows.push(blank_cells(&tokens[label]));
                }
            }
            if budget_block
                && rows.len() > 1
                && matches!(step, Step::Junk)
                && e == s + 1
                && is_a_source_of_funds(&tokens[s])
            {
                blank_row = Some(s);
                continue;
            }
            match step {
                // Paired into rows above, or dropped.
                Step::Values(_) | Step::Labels(_) => {}
                Step::Unpaired => figures_skipped |= rows.len() > 1,
                Step::Junk => {
                    // Empty cells are no text between rows.
                    gap += tokens[s..e].iter().filter(|t| !t.text.is_empty()).count();
                    figures_skipped |=
                        rows.len() > 1 && tokens[s..e].iter().any(|t| t.facts.number);
                    if gap >= END_GAP && rows.len() > 1 {
                        break 'segments;
                    }
                }
                Step::Row(taken) => {
                    gap = 0;
                    figures_unread |= std::mem::take(&mut figures_skipped);
                    guessed_numbers |= taken
                        .iter()
                        .flatten()
                        .any(|&(ts, te)| tokens[ts..te].iter().any(|t| t.run.is_some()));
                    let unlabelled = columns
                        .first()
                        .is_some_and(|c| c.class == Class::TotalLabel)
                        && taken.first().is_some_and(|t| t.is_none());
                    // Only a block's first row is known without its label, or
                    // each by its label stacked before the header.
                    let stacked_label = unlabelled.then(|| stacked.get(unlabelled_rows)).flatten();
                    if unlabelled {
                        unlabelled_rows += 1;
                        if rows.len() > 1 && stacked_label.is_none() {
                            continue;
                        }
                    }
                    let mut row: Vec<Cell> = columns
                        .iter()
                        .zip(&taken)
                        .map(|(col, t)| match t {
                            None => Cell::new("", tokens[s].source.clone()),
                            Some((ts, te)) => {
                                let text = match col.class {
                                    // `项目决策` `20`: the group's weight goes into its label.
                                    Class::Group { weighted: true }
                                        if te - ts >= 2
                                            && crate::rows::split_weighted_label(
                                                &tokens[te - 1].text,
                                            )
                                            .1
                                            .is_none() =>
                                    {
                                        // (Its weight one token, or the pieces of a run.)
                                        let weight = (*ts + 1..*te)
                                            .find(|&k| tokens[k].run.is_some())
                                            .unwrap_or(te - 1);
                                        format!(
                                            "{}({}分)",
                                            cell_text(tokens, (*ts, weight), false),
                                            join(&tokens[weight..*te]).trim_end_matches('分')
                                        )
                                    }
                                    Class::Prose => cell_text(tokens, (*ts, *te), true),
                                    // `指标1：全县参合人数`: the form's numbering is no part of the name.
                                    Class::Label => {
                                        let name = cell_text(tokens, (*ts, *te), false);
                                        strip_indicator_number(&name).to_string()
                                    }
                                    _ => cell_text(tokens, (*ts, *te), false),
                                };
                                Cell::new(text, span_source(&tokens[*ts..*te]))
                            }
                        })
                        .collect();
                    // Fewer amounts than amount columns: which column each is under
                    // is the reading's choice.
                    let numbers = columns
                        .iter()
                        .zip(&taken)
                        .filter(|(c, _)| c.role.is_some_and(Role::is_amount));
                    let filled = numbers.clone().filter(|(_, t)| t.is_some()).count();
                    // A value column left empty beside filled amounts: the cells
                    // the row printed (figures and blank marks, `271.05 271.05 —
                    // — —` under six value columns) were fewer than its columns,
                    // so which one is blank is the reading's choice too.
                    let value_left_empty = columns
                        .iter()
                        .zip(&taken)
                        .any(|(c, t)| matches!(c.class, Class::Number { .. }) && t.is_none());
                    // Amounts cut from a run of digits with no rate to confirm
                    // the cuts (a 其中 row): where one ends is a guess too.
                    let cut_from_a_run = columns.iter().zip(&taken).any(|(c, t)| {
                        c.role.is_some_and(Role::is_amount)
                            && t.is_some_and(|(ts, te)| {
                                tokens[ts..te].iter().any(|t| t.run.is_some())
                            })
                    });
                    let rate_read = columns
                        .iter()
                        .zip(&taken)
                        .any(|(c, t)| c.role == Some(Role::Rate) && t.is_some());
                    if filled > 0
                        && (filled < numbers.count()
                            || value_left_empty
                            || (cut_from_a_run && !rate_read))
                    {
                        placed_by_guess.push(rows.len());
                    }
                    if unlabelled {
                        // The national form's first budget row: 年度资金总额.
                        if let Some(cell) = row.first_mut() {
                            *cell = match stacked_label {
                                Some(t) => Cell::new(t.text.to_string(), t.source.clone()),
                                None => Cell::new(crate::BUDGET_TOTAL_ROW, cell.source.clone()),
                            };
                        }
                    }
                    rows.push(row);
                }
                Step::Total(numbers) => {
                    figures_unread |= std::mem::take(&mut figures_skipped);
                    guessed_numbers |= tokens[s..e].iter().any(|t| t.run.is_some());
                    let numbers_len = numbers.len();
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
                    // A column no row above fills (得分 a form left blank) holds no
                    // total either: `合计 100` under the weights then.
                    let filled: Vec<usize> = number_cols
                        .iter()
                        .copied()
                        .filter(|&c| {
                            rows[1..]
                                .iter()
                                .any(|r| r.get(c).is_some_and(|cell| !cell.text.trim().is_empty()))
                        })
                        .collect();
                    let number_cols = if filled.len() >= numbers_len {
                        filled
                    } else {
                        number_cols
                    };
                    // A percentage among fewer numbers than columns stands under
                    // the rate column: the numbers before it fill the columns
                    // before that one (`合计 | 10,390.00 | 9,949.95 | 95.76% |`
                    // with the score left blank).
                    let anchored = anchored_on_the_rate(&numbers, &number_cols, columns);
                    // Fewer numbers than the columns they may be under: which
                    // column each is under is the reading's choice.
                    if numbers_len < number_cols.len() && !anchored {
                        placed_by_guess.push(rows.len());
                    }
                    // One number token each: each keeps its own place.
                    let source_of = |k: usize| match e - s - 1 == numbers_len {
                        true => tokens[s + 1 + k].source.clone(),
                        false => tokens[s].source.clone(),
                    };
                    let values = value_columns(columns);
                    if anchored {
                        for (k, (text, &col)) in numbers.into_iter().zip(&number_cols).enumerate() {
                            row[col] = Cell::new(text, source_of(k));
                        }
                    } else if numbers_len == columns.len() - 1 && numbers_len > number_cols.len() {
                        // A value in every column after the label, in order.
                        for (k, text) in numbers.into_iter().enumerate() {
                            row[k + 1] = Cell::new(text, source_of(k));
                        }
                    } else if numbers_len == values.len() && numbers_len > number_cols.len() {
                        // A value in every column after the labels (a 结余 column
                        // the vocabulary has no role for among them), in order.
                        for (k, (text, &col)) in numbers.into_iter().zip(&values).enumerate() {
                            row[col] = Cell::new(text, source_of(k));
                        }
                    } else if let Some(col) = the_column_it_totals(&numbers, &number_cols, &rows) {
                        // One figure under several columns (a one-cell-per-line
                        // table loses the blank cells): the column it totals.
                        if let Some(text) = numbers.into_iter().next() {
                            row[col] = Cell::new(text, source_of(0));
                        }
                    } else {
                        // Fewer numbers fill the last columns; more (`合计 100 100
                        // 100 92.28` under a 分值 after each level) end in them.
                        let first = number_cols.len().saturating_sub(numbers_len);
                        let skip = numbers_len.saturating_sub(number_cols.len());
                        for (k, (text, &col)) in numbers
                            .into_iter()
                            .enumerate()
                            .skip(skip)
                            .zip(&number_cols[first..])
                            .map(|((k, text), col)| (k, (text, col)))
                        {
                            row[col] = Cell::new(text, source_of(k));
                        }
                    }
                    rows.push(row);
                    // A total ends its rows; one right under the header (as
                    // budget tables print it) opens them.
                    if rows.len() > 2 {
                        break 'segments;
                    }
                }
            }
        }
    }
    if let Some(label) = blank_row {
        rows.push(blank_cells(&tokens[label]));
    }
    page_breaks.retain(|&b| b < rows.len());
    (rows.len() > 1).then(|| Table {
        rows,
        page_breaks,
        source: tokens[at].source.clone(),
        guessed_numbers,
        placed_by_guess,
        figures_unread,
        ..Table::default()
    })
}

/// True when a total row's numbers, fewer than its number columns, end on
/// its one percentage and the one rate column has as many number columns
/// before it as numbers precede the percentage: each number is then under
/// the column in its place, and the columns after the rate are left blank.
fn anchored_on_the_rate(numbers: &[String], number_cols: &[usize], columns: &[Column]) -> bool {
    let percents: Vec<usize> = numbers
        .iter()
        .enumerate()
        .filter(|(_, t)| t.ends_with('%') || t.ends_with('％'))
        .map(|(k, _)| k)
        .collect();
    let rates: Vec<usize> = number_cols
        .iter()
        .enumerate()
        .filter(|(_, &c)| columns.get(c).is_some_and(|c| c.role == Some(Role::Rate)))
        .map(|(k, _)| k)
        .collect();
    numbers.len() < number_cols.len()
        && matches!((&percents[..], &rates[..]), ([p], [r]) if p == r && p + 1 == numbers.len())
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

/// `广水市交通运输局 广水市交通运输局` (two cells of one value side by side) → once;
/// `河湾区 社区养老 服务补贴` (one cell cut at spaces) → `河湾区社区养老服务补贴`.
fn dedupe_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 1 && words.iter().all(|w| *w == words[0]) {
        return words[0].to_string();
    }
    use jixiao_model::is_han;
    let mut out = String::new();
    for (k, w) in words.iter().enumerate() {
        let joins =
            k > 0 && out.chars().last().is_some_and(is_han) && w.chars().next().is_some_and(is_han);
        if k > 0 && !joins {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A label cell's words, past its colon and a short note in brackets after
/// it (`实施单位（盖章）：` is `实施单位`); a unit in brackets (`项目资金（万元）`)
/// stays, as it says what the cells after hold.
pub(crate) fn field_key(text: &str) -> String {
    let key = compact(text);
    let key = key.trim_end_matches(['：', ':']);
    let noted = key
        .rfind(['(', '（'])
        .filter(|&at| {
            at > 0
                && key.ends_with([')', '）'])
                && key[at..].chars().count() <= 5
                && bare_unit(&key[at..]).is_none()
        })
        .map(|at| &key[..at]);
    noted.unwrap_or(key).to_string()
}

/// The value a form prints after one of `labels`, read from the token streams
/// where the form's grid was lost: the rest of the label's line up to the next
/// label (cells between spaces), the next cell (pipes, or one cell per line),
/// or, in text run together, what follows the label up to the next label.
pub fn labelled_value(streams: &Streams, labels: &[&str]) -> Option<(String, Source)> {
    let tokens = &streams.tokens;
    // A label cell, possibly with its unit (`资金情况（万元）`).
    let is_label = |t: &str| {
        let key = field_key(t);
        FIELD_LABELS.iter().any(|l| key.starts_with(l))
    };
    for want in labels {
        for (i, t) in tokens.iter().enumerate() {
            if !t.text.contains(want) {
                continue;
            }
            let key = field_key(&t.text);
            if key == *want {
                let same_line: Vec<&Token> = tokens[i + 1..]
                    .iter()
                    .take_while(|n| {
                        n.source.same_line(&t.source) && n.run.is_none() && !is_label(&n.text)
                    })
                    .collect();
                // A label heading a table's column: the cells after it head columns too.
                if same_line
                    .first()
                    .is_some_and(|n| header_role(&n.text).is_some())
                {
                    continue;
                }
                let value = if same_line.is_empty() {
                    tokens
                        .get(i + 1)
                        .filter(|n| !is_label(&n.text))
                        .map(|n| (n.text.to_string(), n.source.clone()))
                } else if same_line.len() <= 6
                    && same_line
                        .iter()
                        .map(|n| n.text.chars().count())
                        .sum::<usize>()
                        <= 40
                    && same_line.iter().all(|n| !is_number(&n.text))
                {
                    let text: Vec<&str> = same_line.iter().map(|n| &*n.text).collect();
                    Some((text.join(" "), same_line[0].source.clone()))
                } else if let [figure] = same_line.as_slice() {
                    // A figure alone after it on its line (`自评总分 96.65`).
                    Some((figure.text.to_string(), figure.source.clone()))
                } else if tokens.get(i + 2).is_some_and(|n| is_label(&n.text)) {
                    // Flattened onto one line, one cell between two labels.
                    tokens
                        .get(i + 1)
                        .map(|n| (n.text.to_string(), n.source.clone()))
                } else {
                    // A whole form flattened onto one line: the label's value
                    // is not told from the cells after it.
                    None
                };
                // Not a value: a label cut in two (`项目主管单` `位`), or the
                // next header cell of a table whose header this label is.
                let value = value.map(|(v, s)| (dedupe_words(&v), s)).filter(|(v, _)| {
                    !v.trim().is_empty() && !is_label(v) && header_role(v).is_none()
                });
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
    /// The label cell right before the label, where one is (`实际支出` before
    /// `合计` `829.40`): the stage of the funds a bare total is of.
    pub caption: Option<String>,
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
pub fn labelled_amounts(streams: &Streams) -> Vec<LabelledAmount> {
    let mut out = Vec::new();
    let tokens = &streams.tokens;
    // (unit, token index where it was stated)
    let mut block_unit: Option<(MoneyUnit, usize)> = None;
    let mut i = 0;
    while i < tokens.len() {
        let label = &tokens[i].text;
        if is_number(label) || is_blank_mark(label) || compact(label).chars().count() > 30 {
            i += 1;
            continue;
        }
        // A fund block's source printed once per block side by side with its
        // cells blank (`其中:中央财政` `其中:中央财政` `自治区财政` `自治区财政`): blank
        // cells of a form's amounts are nothing, two zero amounts.
        let active_unit = block_unit
            .filter(|(_, at)| i - at <= UNIT_REACH)
            .map(|(u, _)| u);
        if let (Some(unit), Some(twin)) = (active_unit, tokens.get(i + 1)) {
            if twin.text == *label && !tokens[i].facts.blank && unit_in_label(label).is_none() {
                for t in &tokens[i..i + 2] {
                    out.push(LabelledAmount {
                        caption: None,
                        label: strip_unit(&t.text),
                        value: crate::number::Printed {
                            value: rust_decimal::Decimal::ZERO,
                            decimals: 0,
                        },
                        unit,
                        source: t.source.clone(),
                    });
                }
                block_unit = Some((unit, i + 1));
                i += 2;
                continue;
            }
        }
        let mut j = i + 1;
        let mut unit = unit_in_label(label);
        if let Some(u) = tokens.get(j).and_then(|t| bare_unit(&t.text)) {
            unit = Some(u);
            j += 1;
        }
        // (A cell may print its amount's own unit, `8831.70万元`.)
        let mut own_unit = None;
        let (value, width) = match tokens.get(j) {
            Some(t) if t.run.is_none() => (
                Some(t).filter(|t| !t.text.contains('%')).and_then(|t| {
                    let printed = cell_number(&t.text).or_else(|| {
                        let (head, unit) = money_suffix(&t.text)?;
                        own_unit = Some(unit);
                        crate::number::Printed::parse(head)
                    });
                    printed.map(|p| (p, t.source.clone()))
                }),
                1,
            ),
            _ => match one_amount_run(tokens, j) {
                Some((printed, n, unit)) => {
                    own_unit = unit;
                    (Some((printed, span_source(&tokens[j..j + n]))), n)
                }
                None => (None, 1),
            },
        };
        // One amount, not a row of numbers, nor a year (`2024` `年度…`).
        let year = tokens.get(j).is_some_and(|t| {
            t.text.len() == 4 && (t.text.starts_with("19") || t.text.starts_with("20"))
        });
        let j = j + width - 1;
        let alone = tokens
            .get(j + 1)
            .is_none_or(|t| !t.facts.number && !(year && t.text.starts_with('年')));
        match value {
            Some((printed, source)) if alone => {
                let unit = own_unit.or(unit).or_else(|| {
                    block_unit
                        .filter(|(_, at)| i - at <= UNIT_REACH)
                        .map(|(u, _)| u)
                });
                if let Some(unit) = unit {
                    // A fund's head in its own unit (`计划安排资金（万元）`) gives it
                    // to the sources listed under it (`市财政 49.34`).
                    let names_funds = ["资金", "投资", "预算", "拨款", "经费"]
                        .iter()
                        .any(|w| label.contains(w));
                    block_unit = match block_unit {
                        Some((u, _)) => Some((u, j)),
                        None if names_funds => Some((unit, j)),
                        None => None,
                    };
                    let caption = i
                        .checked_sub(1)
                        .map(|k| &tokens[k])
                        .filter(|t| t.facts.label)
                        .map(|t| strip_unit(&t.text));
                    out.push(LabelledAmount {
                        caption,
                        label: strip_unit(label),
                        value: printed,
                        unit,
                        source,
                    });
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
    out
}

/// A run of digits (cells run together) starting at `j` that can be one
/// amount only: a label's whole figure printed to the cent (`16946.53`
/// between `计划安排资金（万元）` and the next label), not two figures run
/// together (`772.96432.86`) nor digits with no point to tell their cuts.
/// The amount, how many tokens it takes, and the unit printed with it.
fn one_amount_run(
    tokens: &[Token],
    j: usize,
) -> Option<(crate::number::Printed, usize, Option<MoneyUnit>)> {
    let id = tokens.get(j)?.run?;
    if j > 0 && tokens[j - 1].run == Some(id) {
        return None;
    }
    let n = tokens[j..].iter().take_while(|t| t.run == Some(id)).count();
    // A clause of prose cut as a run (`61658.08万元,预算执行率…`) goes on
    // after its figure; a row's label or the next cell follows a cell's.
    if tokens.get(j + n).is_some_and(|t| {
        t.text
            .starts_with(['，', ',', '；', ';', '。', '、', '：', ':'])
    }) {
        return None;
    }
    let text = join(&tokens[j..j + n]);
    // (With its own unit, `8831.70万元`.)
    let (figure, unit) = money_suffix(&text).map_or((text.as_str(), None), |(h, u)| (h, Some(u)));
    to_the_cent(figure)
        .then(|| cell_number(figure))
        .flatten()
        .map(|p| (p, n, unit))
}

/// An amount printed to the cent, as a form prints one: `16946.53`,
/// `16,946.53` (its separators where thousands are), no leading zero.
fn to_the_cent(text: &str) -> bool {
    let Some((int, frac)) = text.split_once('.') else {
        return false;
    };
    let cents = frac.len() == 2 && frac.bytes().all(|b| b.is_ascii_digit());
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    let grouped = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && (!int.contains(',') || (1..=3).contains(&first.len()));
    let digits = int.bytes().filter(u8::is_ascii_digit).count();
    cents
        && grouped
        && (1..=9).contains(&digits)
        && !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
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
    let mut t = t.trim_end_matches(['：', ':']).to_string();
    // `年度预算资金总额）：`: a bracket closed that was never opened.
    while (t.ends_with(')') || t.ends_with('）'))
        && t.matches([')', '）']).count() > t.matches(['(', '（']).count()
    {
        t.pop();
        t = t.trim_end_matches(['：', ':']).to_string();
    }
    t
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
        // The stage of the funds an amount names, or its caption does
        // (`实际支出` `合计` `829.40`): a block's total names its column.
        let stage_of = |a: &LabelledAmount| {
            [Some(&a.label), a.caption.as_ref()]
                .into_iter()
                .flatten()
                .find_map(|l| match crate::budget::form_label_role(l) {
                    Some(Role::Executed) => Some("执行数"),
                    Some(Role::Available) => Some("实际到位数"),
                    _ => None,
                })
        };
        let stage = stage_of(&amounts[k]);
        // (A stage of the funds after them, `实际到位` `实际支出`, is none of
        // their parts; a block of another stage is a table of its own.)
        let run: Vec<&LabelledAmount> = amounts[k..]
            .iter()
            .enumerate()
            .take_while(|(n, a)| {
                *n == 0
                    || (a.unit == unit
                        && matches!(
                            crate::budget::form_label_role(&a.label),
                            None | Some(Role::Budget | Role::Initial)
                        )
                        && !(is_total(a) && stage_of(a) != stage))
            })
            .map(|(_, a)| a)
            .collect();
        let parts = run.iter().skip(1).take_while(|a| !is_total(a)).count();
        k += run.len().max(1);
        if parts < 2 {
            continue;
        }
        let stage = stage.unwrap_or("预算数");
        let header = vec![
            Cell::new("项目", run[0].source.clone()),
            Cell::new(
                format!("{stage}（{}）", unit.label()),
                run[0].source.clone(),
            ),
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
    out.extend(side_by_side_tables(amounts));
    out
}

/// A form's two fund blocks printed side by side (`计划安排资金 | 1088.00 |
/// 实际到位资金 | 1020.02`, then `市财政 | 49.34 | 市财政 | 49.34` …): read
/// across, the text gives each source twice in a row, once per block. Each
/// such run of pairs, after a planned amount and a received one, becomes one
/// table with a 全年预算 and a 实际到位 column, so that each block's sources
/// are checked against its total and the two columns support each other.
fn side_by_side_tables(amounts: &[LabelledAmount]) -> Vec<Table> {
    // The part a label names, with or without the 其中 that opens the block.
    let part = |a: &LabelledAmount| {
        crate::vocab::after_qizhong(&a.label)
            .unwrap_or(&a.label)
            .to_string()
    };
    let same_part = |a: &LabelledAmount, b: &LabelledAmount| {
        a.unit == b.unit && part(a) == part(b) && !a.label.is_empty()
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < amounts.len() {
        let pairs = (0..)
            .take_while(|n| {
                let at = k + 2 * n;
                at + 1 < amounts.len() && same_part(&amounts[at], &amounts[at + 1])
            })
            .count();
        if pairs < 2 {
            k += 1;
            continue;
        }
        // The two blocks' totals: a planned amount, then a received one, among
        // the three amounts before the pairs.
        let before = &amounts[k.saturating_sub(3)..k];
        let role = |a: &LabelledAmount| crate::vocab::header_role(&a.label);
        let heads = before.iter().enumerate().find_map(|(i, plan)| {
            let received = before[i + 1..]
                .iter()
                .find(|a| role(a) == Some(Role::Available))?;
            (role(plan) == Some(Role::Budget)
                && plan.unit == received.unit
                && plan.unit == amounts[k].unit)
                .then_some((plan, received))
        });
        let Some((plan, received)) = heads else {
            k += 2 * pairs;
            continue;
        };
        let unit = plan.unit.label();
        let cell = |text: String, a: &LabelledAmount| Cell::new(text, a.source.clone());
        let mut rows = vec![
            vec![
                cell("项目".into(), plan),
                cell(format!("{}（{unit}）", plan.label), plan),
                cell(format!("{}（{unit}）", received.label), received),
            ],
            vec![
                cell(format!("合计（{} / {}）", plan.label, received.label), plan),
                cell(plan.value.value.to_string(), plan),
                cell(received.value.value.to_string(), received),
            ],
        ];
        for n in 0..pairs {
            let (left, right) = (&amounts[k + 2 * n], &amounts[k + 2 * n + 1]);
            rows.push(vec![
                cell(left.label.clone(), left),
                cell(left.value.value.to_string(), left),
                cell(right.value.value.to_string(), right),
            ]);
        }
        out.push(Table {
            source: plan.source.clone(),
            rows,
            ..Table::default()
        });
        k += 2 * pairs;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{lines, texts};

    /// The pieces of run-together text, a row's number marked `#`.
    fn pieces(text: &str) -> Vec<String> {
        glued::split(text)
            .into_iter()
            .map(|p| match p {
                glued::Piece::Text(t) => t,
                glued::Piece::Digits(atoms) => atoms.concat(),
                glued::Piece::Seq(n) => format!("#{n}"),
                glued::Piece::UnitPiece(u) => format!("~{u}"),
            })
            .collect()
    }

    #[test]
    fn a_numbered_forms_rows_are_cut_from_the_scores_before_them_by_their_numbering() {
        // Row 2's weight 2 is no row's number: it follows a name, not the end
        // of a row; the score before row 3 ends in the row's number.
        let form = "序号三级指标指标分值评分标准自评得分1基础信息完整性5达到目标的得5分。4.52年度工作计划明确性2符合要求的得2分。23预算执行率3符合要求的得3分。3";
        assert_eq!(
            pieces(form),
            [
                "序号",
                "三级指标",
                "指标分值",
                "评分标准",
                "自评得分",
                "#1",
                "基础信息完整性",
                "5",
                "达到目标的得5分。",
                "4.5",
                "#2",
                "年度工作计划明确性",
                "2",
                "符合要求的得2分。",
                "2",
                "#3",
                "预算执行率",
                "3",
                "符合要求的得3分。",
                "3"
            ]
        );
        // Two rows are too few to tell a numbering from chance: left to the row reader.
        let two = &form[..form.find("23预算").unwrap_or(form.len())];
        assert!(
            pieces(two).iter().all(|p| !p.starts_with('#')),
            "{:?}",
            pieces(two)
        );
        // Without a 序号 column nothing is a row's number.
        assert!(pieces(&form.replacen("序号", "", 1))
            .iter()
            .all(|p| !p.starts_with('#')));
    }

    #[test]
    fn a_rules_numbers_stay_in_its_words_and_a_weight_run_into_its_standard_is_cut_off() {
        assert_eq!(
            pieces("实际完成率10100%计满分6预算调整率4以100%为标准，每超过一个百分点扣0.5分3"),
            [
                "实际完成率",
                "10",
                "100%计满分",
                "6",
                "预算调整率",
                "4",
                "以100%为标准，每超过一个百分点扣0.5分",
                "3"
            ]
        );
    }

    #[test]
    fn two_blocks_blank_cells_side_by_side_are_two_cells_and_the_next() {
        assert_eq!(
            pieces("中央财政3.00中央财政3.00省级财政省级财政市县财政1.00其它其它实际支出（万元）"),
            [
                "中央财政",
                "3.00",
                "中央财政",
                "3.00",
                "省级财政",
                "省级财政",
                "市县财政",
                "1.00",
                "其它",
                "其它",
                "实际支出（万元）"
            ]
        );
    }

    #[test]
    fn a_percent_sign_or_decimals_set_apart_are_one_cell_with_their_number() {
        let input = lines("年度资金总额 65.66 65.07 10 99 % 9 其中 % 5\n");
        let tokens = tokenize(&input);
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_ref()).collect();
        assert_eq!(
            texts,
            vec![
                "年度资金总额",
                "65.66",
                "65.07",
                "10",
                "99 %",
                "9",
                "其中",
                "%",
                "5"
            ]
        );
        // A figure cut after its point at a line's end is one cell with the
        // digits opening the next line; a row's number alone on its line is not.
        let cells = |text: &str| -> Vec<String> {
            Streams::of(&lines(text))
                .cells
                .iter()
                .map(|t| t.text.to_string())
                .collect()
        };
        assert_eq!(
            cells("143 136 95.\n\n10% 经费控制情况\n3.\n20\n"),
            ["143", "136", "95.10%", "经费控制情况", "3.", "20"]
        );
        // Or cut before its point, the next line opening on it; a figure
        // before a line opening on digits stays two cells.
        assert_eq!(
            cells("实际到位资金 548\n.60 其中\n合计 13\n6.5\n"),
            ["实际到位资金", "548.60", "其中", "合计", "13", "6.5"]
        );
        // Or inside a group of thousands (`2,91` ends on no whole group); a
        // figure of whole groups before a line opening on digits stays apart.
        assert_eq!(
            cells("基本支出 2,91\n5.40 3,046.82\n合计 1,215\n50.00\n"),
            ["基本支出", "2,915.40", "3,046.82", "合计", "1,215", "50.00"]
        );
        // A group's weight wrapped to the next line is the group name's.
        assert_eq!(
            cells("产出指标 数量指标 资助高中学生人数 ≥1800人 1756人 8 7.8\n（50分） 学生人数\n一级指标 二级指标\n(10分)\n"),
            [
                "产出指标（50分）",
                "数量指标",
                "资助高中学生人数",
                "≥1800人",
                "1756人",
                "8",
                "7.8",
                "学生人数",
                "一级指标",
                "二级指标",
                "(10分)"
            ]
        );
        // `4. 0` is 4.0; `4.` before a word is a numbered item.
        let input = lines("资金到位率 4 4. 0 预算执行率 4 3. 预算编制\n");
        let texts: Vec<String> = tokenize(&input)
            .iter()
            .map(|t| t.text.to_string())
            .collect();
        assert_eq!(
            texts,
            vec![
                "资金到位率",
                "4",
                "4. 0",
                "预算执行率",
                "4",
                "3.",
                "预算编制"
            ]
        );
    }

    #[test]
    fn one_cell_per_line_with_group_weights() {
        let text = "二、评分\n一级指标\n\n分值\n\n二级指标\n\n分值\n\n三级指标\n\n分值\n\n得分\n\n决策\n\n20\n\n目标设定\n\n6\n\n目标明确\n\n6\n\n5\n\n程序合规\n\n14\n\n审批程序\n\n8\n\n8\n\n论证\n\n6\n\n6\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(
            t[0],
            vec!["一级指标", "二级指标", "三级指标", "分值", "得分"]
        );
        assert_eq!(
            t[1],
            vec!["决策(20分)", "目标设定(6分)", "目标明确", "6", "5"]
        );
        assert_eq!(t[2], vec!["", "程序合规(14分)", "审批程序", "8", "8"]);
        assert_eq!(t[3], vec!["", "", "论证", "6", "6"]);
    }

    #[test]
    fn a_totals_percentage_places_its_amounts() {
        // `合计` over a blank name cell prints three figures under four number
        // columns: its percentage stands under 执行率, so the two amounts are
        // the budget's and the spending's, and the score is left blank.
        let text = "序号\n项目名称\n预算金额\n实际支出\n执行率\n自评得分\n1\n供水管网改造\n2,850.00\n2,736.48\n96.02%\n92\n2\n污水处理厂改造\n4,200.00\n4,032.15\n96.00%\n88.5\n合计\n\n7,050.00\n6,768.63\n96.01%\n\n说明：以上为两个项目。\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        let total = t.iter().find(|r| r[0] == "合计").expect("a 合计 row");
        assert_eq!(total[2..], ["7,050.00", "6,768.63", "96.01%", ""]);
        assert!(tables[0].placed_by_guess.is_empty());
        // Without the percentage nothing tells which columns the two amounts are under.
        let text = text.replace("96.01%\n", "");
        let tables = rebuild_tables(&Streams::of(&lines(&text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        assert!(!tables[0].placed_by_guess.is_empty());
    }

    #[test]
    fn a_weight_spaced_from_its_groups_name_is_the_names() {
        // `规划 (15分)` split at its space would leave `(15分)` a cell of its
        // own, and the group's weight unread.
        let text = "序号 一级指标 二级指标 三级指标 指标分值 自评得分\n1 规划 (15分) 基础信息 (5分) 基础信息完整性 5 5\n2 工作计划 (10分) 年度工作计划完整性 4 3\n3 年度工作计划明确性 6 6\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(
            t[1][1..4],
            ["规划(15分)", "基础信息(5分)", "基础信息完整性"]
        );
        assert_eq!(t[2][2..4], ["工作计划(10分)", "年度工作计划完整性"]);
    }

    #[test]
    fn a_weighted_group_column_takes_a_groups_weight_in_its_name() {
        // `项目决策(10分)` one token: the group cell, its weight in it; the
        // criterion before the next group stays the row's 评价标准.
        let text = "项目权重 评价内容 分值 自评分 评价标准 项目决策(10分) 决策依据 3 3 立项依据充分 资金分配 7 7 分配合理 项目管理(20分) 资金到位 5 5 到位及时\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[1][..4], ["项目决策(10分)", "决策依据", "3", "3"]);
        assert_eq!(t[2], vec!["", "资金分配", "7", "7", "分配合理"]);
        assert_eq!(t[3][..2], ["项目管理(20分)", "资金到位"]);
    }

    #[test]
    fn weight_first_header_names_a_weighted_group_column() {
        // The group cell of the second and third rows is printed after the
        // second row's label; criteria clauses (`1、…1 分;`) are no rows.
        let text = "项目权重 评价内容 分值 自评分 项目决策 3 分 依据 3 3 1、制度健全 1 分; 制度 2 2 执行 项目管理 5 分 3 2.5 有记录 2 分。\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(
            t[0],
            vec!["一级指标（项目权重）", "评价内容", "分值", "自评分"]
        );
        assert_eq!(t[1], vec!["项目决策(3分)", "依据", "3", "3"]);
        assert_eq!(t[2], vec!["", "制度", "2", "2"]);
        assert_eq!(t[3], vec!["项目管理(5分)", "执行", "3", "2.5"]);
        assert_eq!(t.len(), 4, "{t:?}");
    }

    #[test]
    fn pipe_rows_broken_over_lines_with_merged_labels() {
        let text = "序号 | 一级 指标 |\n二级 指标 |\n三级 指标 |\n指标分值 | 评分标准 | 自评得分 |\n1 | 投入 (10分) |\n预算编制 (6分) | 编制 科学性 | 4 | 是否科学。 |\n3 |\n2 | 编制 完整性 | 2 | 是否完整(2分)。 | 2 | ||\n3 | 资金管理 (4分) | 资金 到位率 | 4 | 到位率。 | 4 |\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(
            t[1][1..5],
            ["投入(10分)", "预算编制(6分)", "编制科学性", "4"]
        );
        assert_eq!(t[1][6], "3");
        assert_eq!(t[2][1..4], ["", "", "编制完整性"]);
        assert_eq!(t[3][2..4], ["资金管理(4分)", "资金到位率"]);
    }

    #[test]
    fn space_separated_budget_block() {
        let text = "项目资金\n资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 12.50 10.00 9.80 10 98.00% 9.8\n其中:当年财政拨款 12.50 10.00 9.80 - - -\n其他资金 0.00 0.00 0.00 - - -\n年度总体目标 总体目标完成情况\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(
            t[1],
            vec![
                "年度资金总额",
                "12.50",
                "10.00",
                "9.80",
                "10",
                "98.00%",
                "9.8"
            ]
        );
        assert_eq!(t[3][0], "其他资金");
    }

    #[test]
    fn label_values_in_every_shape() {
        let spaced = lines("项目名称 河湾区 社区养老 补助资金\n主管部门 河湾区民政局 实施单位 河湾区养老服务中心\n");
        assert_eq!(
            labelled_value(&Streams::of(&spaced), &["项目名称"])
                .map(|v| v.0)
                .as_deref(),
            Some("河湾区社区养老补助资金")
        );
        assert_eq!(
            labelled_value(&Streams::of(&spaced), &["实施单位"])
                .map(|v| v.0)
                .as_deref(),
            Some("河湾区养老服务中心")
        );
        let per_line = lines("项目实施单位\n\n河湾区养老服务中心\n\n主管部门\n\n河湾区民政局\n");
        assert_eq!(
            labelled_value(&Streams::of(&per_line), &["项目实施单位"])
                .map(|v| v.0)
                .as_deref(),
            Some("河湾区养老服务中心")
        );
        let run = lines("附件:自评表项目名称河湾区社区养老补助资金项目负责人及电话张三1390000主管部门河湾区民政局实施单位河湾区养老服务中心资金情况(万元)");
        assert_eq!(
            labelled_value(&Streams::of(&run), &["实施单位"])
                .map(|v| v.0)
                .as_deref(),
            Some("河湾区养老服务中心")
        );
        assert_eq!(
            labelled_value(&Streams::of(&run), &["项目名称"])
                .map(|v| v.0)
                .as_deref(),
            Some("河湾区社区养老补助资金")
        );
        let piped = lines("项目名称 | 河湾区社区养老补助资金 | ||||\n主管部门 | 河湾区民政局 | 项目实施单位 | 河湾区养老服务中心 | ||\n");
        assert_eq!(
            labelled_value(&Streams::of(&piped), &["项目实施单位"])
                .map(|v| v.0)
                .as_deref(),
            Some("河湾区养老服务中心")
        );
    }

    #[test]
    fn labelled_amounts_and_a_breakdown() {
        let text = "计划安排资金(万元)\n\n120.50\n\n实际到位资金(万元)\n\n118.00\n\n其中:中央财政\n\n其中:中央财政\n\n养老补助资金(万元)\n年度预算资金总额: 60.00\n其中:中央补助 30.00\n市级资金 20.00\n本级资金 11.00\n年度资金总额 5.28 1.96 1.96 10 100.00% 10\n";
        let amounts = labelled_amounts(&Streams::of(&lines(text)));
        let got: Vec<(String, String)> = amounts
            .iter()
            .map(|a| (a.label.clone(), a.value.value.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("计划安排资金".to_string(), "120.50".to_string()),
                ("实际到位资金".to_string(), "118.00".to_string()),
                // A source printed blank in both blocks side by side is nothing.
                ("其中:中央财政".to_string(), "0".to_string()),
                ("其中:中央财政".to_string(), "0".to_string()),
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
    fn a_header_in_two_rows_run_together_reads_its_sign_value_and_unit_apart_from_the_figures() {
        // `绩效指标 年度指标值 实际完成值 分值 得分` over `一级指标 … 指标性质 指标值 度量单位`,
        // each row run together: the sign and unit columns hold no figure, so
        // `=100人1201313` is =100人 | 120 | 13 | 13; a 完成值 is of its target's
        // order, so `≥95%9833` is ≥95% | 98 | 3 | 3 (not 9 | 83 | 3).
        let text = "绩效指标年度指标值实际完成值分值得分偏差原因分析及改进措施\n一级指标二级指标三级指标指标性质指标值度量单位\n产出指标（50分）数量指标覆盖人数=100人12022\n完成项目数=100人1201313\n质量指标验收合格率≥95%9833\n总分10018.00";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        let score = tables
            .iter()
            .map(texts)
            .find(|t| t[0][0] == "一级指标")
            .expect("score table");
        let weight = score[0].iter().position(|h| h == "分值").expect("分值");
        let read: Vec<(&str, &str)> = score[1..4]
            .iter()
            .map(|r| (r[weight].as_str(), r[weight + 1].as_str()))
            .collect();
        assert_eq!(read, [("2", "2"), ("13", "13"), ("3", "3")], "{score:?}");
    }

    #[test]
    fn cells_run_together_are_cut_where_the_numbers_fit() {
        // OCR of a form with no separators: 15 | 15 | 10 | 100.00% | 10, then
        // rows of 分值 | 指标值 | 实际值 | 得分 glued to their labels.
        let text = "附件:绩效目标自评表(2021年度)项目名称河湾区饮水安全巩固项目项目负责人及电话李四13800000000主管部门河湾区水务局实施单位河湾区水务局资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:151510100.00%10其他资金绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标(60分)数量指标新建供水管网20≥12公里≥12公里20质量指标工程验收合格率20100%100%18满意度指标(10分)服务对象满意度指标群众满意度10≥90%≥90%10总分9088";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        let all: Vec<Vec<Vec<String>>> = tables.iter().map(texts).collect();
        let budget = all
            .iter()
            .find(|t| t[0][0].starts_with("资金情况"))
            .expect("budget block");
        assert_eq!(budget[1][1..], ["15", "15", "10", "100.00%", "10"]);
        // Each cell cut from the run says which characters of the line it is.
        let block = tables
            .iter()
            .find(|t| t.rows[0][0].text.starts_with("资金情况"))
            .expect("budget block");
        let rate = &block.rows[1][4];
        let from = text[..text.find("100.00%").expect("rate")].chars().count() as u32;
        assert_eq!(rate.source.chars, Some([from, from + 7]));
        let score = all
            .iter()
            .find(|t| t[0][0] == "一级指标")
            .expect("score table");
        assert_eq!(
            score[1],
            vec![
                "产出指标(60分)",
                "数量指标",
                "新建供水管网",
                "20",
                "≥12公里",
                "≥12公里",
                "20"
            ]
        );
        assert_eq!(
            score[2][1..],
            ["质量指标", "工程验收合格率", "20", "100%", "100%", "18"]
        );
        assert_eq!(score[3][2], "群众满意度");
        assert_eq!(score[4][0], "总分");
        assert_eq!(score[4][3..], ["90", "", "", "88"]);
        let lines = lines(text);
        assert_eq!(
            labelled_value(&Streams::of(&lines), &["项目名称"])
                .map(|v| v.0)
                .as_deref(),
            Some("河湾区饮水安全巩固项目")
        );
    }

    #[test]
    fn a_budget_total_that_lost_its_label_is_known_by_its_rate() {
        // Flattened from a workbook: the 年度资金总额 cell went elsewhere, the
        // numbers stayed. 48.21 / 50.00 = 96.42%: the row proves itself.
        let text = "全年预算数 全年执行数 分值 执行率 得分 50.00 48.21 10 96.42% 9.6 上年结转资金 — — 其他资金 — —";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        let t = texts(&tables[0]);
        assert_eq!(
            t[1],
            vec!["年度资金总额", "50.00", "48.21", "10", "96.42%", "9.6"]
        );
        // A rate that is not the ratio: no row.
        let wrong = text.replace("96.42%", "90.42%");
        let tables = rebuild_tables(&Streams::of(&lines(&wrong)), &HashSet::new());
        assert!(tables
            .iter()
            .all(|t| t.rows.len() == 1 || texts(t)[1][0] != "年度资金总额"));
    }

    #[test]
    fn a_budget_blocks_labels_stacked_before_its_header_name_its_rows_in_order() {
        // Flattened column by column: the row labels first, then the header,
        // then the rows' numbers.
        let text = "项目资金 (万元) 年度资金总额 其中:当年财政拨款 上年结转资金 其他资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分 100.00 95.00 90.00 10 94.74% 9.47 80.00 75.00 72.00 — 96.00% — 20.00 20.00 18.00 — 90.00% —";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        let t = texts(&tables[0]);
        let got: Vec<[&str; 4]> = t[1..]
            .iter()
            .map(|r| [r[0].as_str(), r[1].as_str(), r[3].as_str(), r[5].as_str()])
            .collect();
        assert_eq!(
            got,
            vec![
                ["年度资金总额", "100.00", "90.00", "94.74%"],
                ["其中:当年财政拨款", "80.00", "72.00", "96.00%"],
                ["上年结转资金", "20.00", "18.00", "90.00%"],
            ]
        );
        // One label alone before the header titles the labels (`资金来源`): the
        // rows after the first are no one's.
        let titled = text.replace(
            "年度资金总额 其中:当年财政拨款 上年结转资金 其他资金",
            "资金来源",
        );
        let tables = rebuild_tables(&Streams::of(&lines(&titled)), &HashSet::new());
        assert!(tables.iter().all(|t| texts(t)
            .iter()
            .all(|r| r[0] != "其中:当年财政拨款" && r[0] != "上年结转资金")));
    }

    #[test]
    fn rows_printed_in_two_halves_are_paired() {
        // A workbook flattened row by row prints its merged rows' values first
        // and their labels after: three value groups, then three label groups.
        let text = "一级指标 二级指标 三级指标 指标值 实际值 分值 得分 产出指标 数量指标 发放人数 ≥100人 104人 20 20 12元 12元 10 10 90% 92% 20 18 95% 96% 10 10 成本指标 指标1:人均补助标准 效益指标(20分) 社会效益指标 指标2:生活改善 满意度指标 服务对象满意度指标 指标3:群众满意度";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        let t = texts(&tables[0]);
        let got: Vec<[&str; 4]> = t[1..]
            .iter()
            .map(|r| [r[2].as_str(), r[3].as_str(), r[5].as_str(), r[6].as_str()])
            .collect();
        assert_eq!(
            got,
            vec![
                ["发放人数", "≥100人", "20", "20"],
                ["人均补助标准", "12元", "10", "10"],
                ["生活改善", "90%", "20", "18"],
                ["群众满意度", "95%", "10", "10"],
            ]
        );
        // Halves that do not pair (two values, three labels) are no rows.
        let unpaired = text.replace(" 95% 96% 10 10", "");
        let tables = rebuild_tables(&Streams::of(&lines(&unpaired)), &HashSet::new());
        assert_eq!(texts(&tables[0]).len(), 2);
    }

    #[test]
    fn a_fund_rows_score_above_its_weight_is_read_for_the_checker() {
        // A budget block's one scored row: its columns are fixed, so 11 of 10
        // points is the report's mistake, read as printed.
        let text = "资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 5.28 1.96 1.96 10 100.00% 11\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        let rows = texts(&tables[0]);
        assert_eq!(
            rows[1],
            [
                "年度资金总额",
                "5.28",
                "1.96",
                "1.96",
                "10",
                "100.00%",
                "11"
            ],
            "{rows:?}"
        );
    }

    #[test]
    fn a_score_a_little_above_its_weight_is_the_reports_slip_and_far_above_no_reading() {
        // 12 > 10, each figure apart and no other reading: the report's slip
        // (for score.bounds), read at a doubt; 25 for a 10-point row is no
        // score of it.
        let text = "一级指标 二级指标 三级指标 分值 得分\n产出指标 数量指标 完成数 10 12\n";
        let tables = rebuild_tables(&Streams::of(&lines(text)), &HashSet::new());
        assert_eq!(texts(&tables[0])[1][3..], ["10", "12"]);
        let far = text.replace("10 12", "10 25");
        let tables = rebuild_tables(&Streams::of(&lines(&far)), &HashSet::new());
        assert!(tables
            .iter()
            .all(|t| t.rows.len() == 1 || texts(t)[1][3] != "10"));
    }

    #[test]
    fn a_captions_unit_cut_across_rows_puts_no_bracket_round_the_rows_figures() {
        // `年度预算执行情况（万元）` printed down a merged cell, cut after `（万`.
        let rows = "一般公共预算3,264.804,105.363,452.18—84.09%—行情况（万按收入性质分政府性基金预算0.00560.00412.50—73.66%—元）其他资金0.000.000.00———";
        let p = pieces(rows);
        assert!(p.contains(&"0.00560.00412.50".to_string()), "{p:?}");
        assert!(
            p.contains(&"~（万".to_string()) && p.contains(&"~元）".to_string()),
            "{p:?}"
        );
        // A bracket in prose that holds an amount is the prose's own.
        let prose = pieces("资金（万达路段改造100万元）已拨付");
        assert!(!prose.iter().any(|x| x.starts_with('~')), "{prose:?}");
    }
}
