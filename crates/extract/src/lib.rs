//! Field extraction: from a [`Document`] to a [`Report`] — report fields, budget
//! figures, score tables, targets and per-project line items, each value with
//! the [`Source`](jixiao_model::Source) it was read from.
//!
//! Key design decision: tables are read by what their headers *say* (roles such
//! as 三级指标, 权重, 得分), never by where a template puts them, and a score
//! table's hierarchy is settled by evidence in a fixed order — the weights
//! first (a group's rows add up to its printed weight), then what the report
//! says elsewhere (its outline, its other tables), then the national framework.
//! No rule names a particular report.
#![deny(missing_docs)]

pub mod budget;
pub mod cellstream;
pub mod column_tables;
pub mod fields;
pub mod fund_grid;
pub mod lists;
pub mod mentions;
pub mod number;
pub mod outline;
pub mod parts;
pub mod records;
pub mod rows;
pub mod statements;
pub mod streams;
pub mod tables;
pub mod vocab;

use std::collections::HashSet;

use jixiao_model::{Block, BudgetRow, Document, Format, Report, ScoreTable, Table};

use crate::number::{declared_unit, unit_in_label, MoneyUnit};
use crate::rows::{settle, RawRow, RawTable};
use crate::tables::{classify, find_headers, TableKind};

/// Where the figure a line ends on starts (page, line, character): a line
/// ending on a digit (or a point) may have been cut inside a figure; one
/// ending on a word or a closing `|` was not.
fn figure_at_the_end(l: &jixiao_model::Line) -> Option<(Option<u32>, u32, u32)> {
    if !l
        .text
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    let chars: Vec<char> = l.text.chars().collect();
    let end = chars.iter().rposition(|c| c.is_ascii_digit())?;
    let start = chars[..=end]
        .iter()
        .rposition(|c| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(0, |k| k + 1);
    Some((l.source.page, l.source.line?, start as u32))
}

/// Figures ending a line after other text, whose next line opens on a
/// figure followed by another or by nothing (`… 260.00 10 10` / `0.00% 10`):
/// a row wrapped at a width, the figure perhaps cut in two. (A next line
/// opening on a row's number and its name, `2 乙项目 …`, cuts nothing.)
fn wrapped_figures(lines: &[jixiao_model::Line]) -> Vec<(Option<u32>, u32, u32)> {
    let text_lines: Vec<&jixiao_model::Line> = lines
        .iter()
        .filter(|l| !l.furniture && !l.text.trim().is_empty())
        .collect();
    text_lines
        .windows(2)
        .filter(|pair| pair[0].source.page == pair[1].source.page)
        .filter_map(|pair| {
            let (line, next) = (pair[0], pair[1]);
            let at = figure_at_the_end(line)?;
            let before = line.text.chars().take(at.2 as usize).collect::<String>();
            let mut opening = next.text.split_whitespace();
            let figures_alone = opening
                .next()
                .is_some_and(|t| number::cell_number(t).is_some())
                && opening
                    .next()
                    .is_none_or(|t| number::cell_number(t).is_some());
            // (A sign or a bracket before a figure alone on its line is its own.)
            let other = before.trim().trim_end_matches(['-', '−', '+', '(', '（']);
            (!other.trim().is_empty() && figures_alone).then_some(at)
        })
        .collect()
}

/// Extracts everything jixiao knows how to find in a document.
pub fn extract(doc: &Document) -> Report {
    // The lines as cell tokens, cut once: tables, label cells and amounts whose
    // grid was lost are read from them.
    let cells = streams::Streams::of(&doc.lines);
    // The document's last line of text: where an excerpt cut off ends.
    let last = doc
        .lines
        .iter()
        .rev()
        .find(|l| !l.furniture && !l.text.trim().is_empty());
    let mut report = Report {
        report: fields::report_fields(doc, &cells),
        last_line: last.and_then(|l| Some((l.source.page, l.source.line?))),
        last_figure: last.and_then(figure_at_the_end),
        wrapped_figures: wrapped_figures(&doc.lines),
        ..Report::default()
    };

    let mut reading = TableReading::default();
    // The lines each table read took (first to last), which no label and
    // value cells written out as a sentence may take again.
    let mut taken: Vec<((u32, u32), (u32, u32))> = Vec::new();
    // A `金额单位：万元` (or `填报日期：… 金额单位：万元`) line sets the unit but is no caption.
    let mut caption: Option<String> = None;
    let mut unit_line: Option<String> = None;
    for block in &doc.blocks {
        let table = match block {
            Block::Heading { text, .. } | Block::Paragraph(text) => {
                if declared_unit(&text.text).is_some() && text.text.chars().count() <= 40 {
                    unit_line = Some(text.text.to_string());
                } else {
                    caption = Some(text.text.to_string());
                    unit_line = None;
                }
                continue;
            }
            // Cells in their order along lines, an empty one lost without a
            // trace: the token streams below read them, keeping blanks apart.
            Block::Table(t) if t.cells_in_order => continue,
            Block::Table(t) => t,
        };
        let unit_above = unit_line
            .take()
            .or_else(|| caption.clone())
            .as_deref()
            .and_then(declared_unit);
        let title = caption.take().filter(|c| c.chars().count() <= 60);
        if let Some(from) = reading.read(table, title, unit_above, &mut report) {
            taken.push(lines_spanned(table, from));
        }
    }
    let mut cell_streams = cellstream::find_cell_stream_tables(&doc.lines);
    // Tables whose grid was lost on the way (one cell per line, pipes broken
    // over lines, cells between spaces), rebuilt from their token streams.
    if matches!(
        doc.format,
        Format::Txt
            | Format::Md
            | Format::Pdf
            | Format::Ofd
            | Format::Html
            | Format::Docx
            | Format::Rtf
            | Format::Doc
            | Format::Image
    ) {
        // A table the reader found but that names no columns (a lone pipe row of a
        // broken rendering) is a piece of the stream, not a table of its own.
        let read: HashSet<(u32, u32)> = doc
            .tables()
            .filter(|t| !find_headers(t).is_empty())
            .filter(|t| !t.cells_in_order)
            .flat_map(|t| t.rows.iter().flatten())
            // Only tables made of text lines: an HTML table is not in the lines.
            .filter(|c| c.source.line.is_some())
            .map(|c| (c.source.page.unwrap_or(0), c.source.line.unwrap_or(0)))
            .collect();
        for table in streams::rebuild_tables(&cells, &read) {
            // Two readings of one table (the one-cell-per-line reader's and this):
            // the one whose rows add up to its 合计 stays; with neither adding up,
            // the one whose rows do not exceed it (a form's 合计 may count a
            // budget row read apart, never less than the rows), then the one
            // with fewer scores above their weights (a report's slip is one
            // row, a misreading many), then the one that read a 合计 where the
            // other read none; the older one on a tie.
            if let Some(k) = cell_streams
                .iter()
                .position(|c| c.source.same_line(&table.source))
            {
                let rebuilt = find_headers(&table)
                    .iter()
                    .find(|h| classify(h) == Some(TableKind::Score))
                    .map(|h| tables::read_score_table(&table, h, None));
                let older = &cell_streams[k];
                let better = rebuilt.as_ref().is_some_and(|r| {
                    (adds_up(r) && !adds_up(older))
                        || (adds_up(r) == adds_up(older)
                            && !r.rows.is_empty()
                            && (exceeds_its_total(r), over_weight(r), older.total.is_some())
                                < (
                                    exceeds_its_total(older),
                                    over_weight(older),
                                    r.total.is_some(),
                                ))
                });
                if better {
                    cell_streams.remove(k);
                } else {
                    continue;
                }
            }
            // The one-cell-per-line reader read a table inside this one from its
            // 一级指标 line on, missing the columns before (a 序号 read as a weight).
            let span = (
                position(&table.source),
                table
                    .rows
                    .last()
                    .and_then(|r| r.first())
                    .map(|c| position(&c.source))
                    .unwrap_or((0, 0)),
            );
            cell_streams.retain(|c| {
                let at = position(&c.source);
                !(span.0 < at && at <= span.1)
            });
            // A table without a unit in its header is in the unit declared just
            // above it (`单位：万元`, or a `实际支出（万元）` label the lines before).
            let at = doc
                .lines
                .iter()
                .position(|l| l.source.same_line(&table.source))
                .unwrap_or(doc.lines.len());
            // (A form flattened onto one line declares it on the table's own
            // line, before the header.)
            let before_on_its_line = doc
                .lines
                .get(at)
                .zip(table.source.chars)
                .map(|(l, [from, _])| l.text.chars().take(from as usize).collect::<String>());
            let unit = before_on_its_line
                .as_deref()
                .and_then(declared_unit)
                .or_else(|| {
                    doc.lines[..at]
                        .iter()
                        .rev()
                        .filter(|l| !l.text.trim().is_empty())
                        .take(12)
                        .find_map(|l| declared_unit(&l.text).or_else(|| unit_in_label(&l.text)))
                });
            if let Some(from) = reading.read(&table, None, unit, &mut report) {
                taken.push(lines_spanned(&table, from));
            }
        }
    }
    // The cells line by line, for the readers below.
    let line_cells = cells.lines();
    // Amounts printed after their label cells (`实际到位资金（万元）` `398.88`):
    // figures for the budget, and a form's breakdown by source as a table.
    let mut form_figures = Vec::new();
    if matches!(
        doc.format,
        Format::Txt
            | Format::Md
            | Format::Pdf
            | Format::Ofd
            | Format::Docx
            | Format::Rtf
            | Format::Doc
            | Format::Image
    ) {
        let amounts = streams::labelled_amounts(&cells);
        for a in &amounts {
            if let Some(role) = budget::form_label_role(&a.label) {
                form_figures.push(tables::TableFigure {
                    role,
                    value: a.unit.to_yuan(a.value.value),
                    source: a.source.clone(),
                    printed: Some((a.value, a.unit)),
                });
            }
        }
        // (And budget blocks printed sources across, stages down, turned round:
        // a shape no other reader takes, so even on the lines of a form
        // flattened onto one, which a score table's reading took.)
        let spaced: Vec<(&str, &jixiao_model::Source)> = line_cells
            .iter()
            .filter(|l| !l.run_together)
            .flat_map(|l| l.cells.iter().copied())
            .collect();
        let turned = fund_grid::transposed_blocks(&spaced);
        for table in streams::breakdown_tables(&amounts)
            .into_iter()
            .chain(turned)
        {
            let header = find_headers(&table);
            for h in header {
                let rows = tables::read_budget_rows(&table, &h, None);
                // (The amounts' own lines: such a table's are not consecutive.)
                if !rows.is_empty() {
                    for c in table.rows.iter().flatten() {
                        let at = position(&c.source);
                        taken.push((at, at));
                    }
                }
                report.budget_rows.extend(rows);
                form_figures.extend(tables::read_budget_table(&table, &h, None));
            }
        }
    }
    let TableReading {
        mut raw_tables,
        dedicated_targets,
        score_targets,
        mut figures,
        budget_score,
    } = reading;
    figures.extend(form_figures);
    // A form cut off before its indicator table still scored its budget block.
    if let Some(row) = budget_score {
        let source = row.source.clone();
        raw_tables.push((
            position(&source),
            RawTable {
                rows: vec![row],
                source,
                ..RawTable::default()
            },
        ));
    }
    for raw in cell_streams {
        let last = raw.rows.iter().map(|r| position(&r.source)).max();
        let first = position(&raw.source);
        taken.push((first, last.unwrap_or(first).max(first)));
        raw_tables.push((position(&raw.source), raw));
    }
    raw_tables.sort_by_key(|(at, _)| *at);
    join_continuations(&mut raw_tables);

    let knowledge = outline::knowledge(doc);
    let quality: Vec<usize> = raw_tables
        .iter()
        .map(|(_, t)| t.rows.iter().filter(|r| r.aligned).count())
        .collect();
    let mut score_tables: Vec<ScoreTable> = raw_tables
        .iter()
        .map(|(_, t)| settle(t, &knowledge))
        .collect();
    rows::reconcile(&mut score_tables, &quality);
    report.score_tables = score_tables;

    report.targets = if dedicated_targets.is_empty() {
        score_targets
    } else {
        dedicated_targets
    };

    // Cells of names and figures no table took, written out as the sentences
    // they stand for and read as prose; the paragraphs that were nothing but
    // those cells are not read again.
    let is_taken = |at| taken.iter().any(|(from, to)| *from <= at && at <= *to);
    let written = records::written_out(&line_cells, &is_taken);
    // (And tables one cell per line, or a row per line between spaces, that
    // no reader took, read as grids.)
    report.column_tables.extend(
        records::grids(&line_cells, &is_taken)
            .iter()
            .chain(&records::row_grids(&line_cells, &is_taken))
            .filter_map(column_tables::read),
    );
    let written_lines = records::lines_of(&written);
    let only_written = |p: &jixiao_model::Paragraph| {
        !written_lines.is_empty()
            && p.spans.iter().all(|(_, s)| {
                s.line
                    .is_some_and(|l| written_lines.contains(&(s.page.unwrap_or(0), l)))
            })
    };
    let mut refused = Vec::new();
    let paragraphs: Vec<&jixiao_model::Paragraph> = doc.paragraphs().collect();
    report.facts = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| !only_written(p))
        .flat_map(|(i, p)| mentions::facts_in(p, i, &mut refused))
        .collect();
    // (After the document's paragraphs: their numbers stay the statements'.)
    report
        .facts
        .extend(written.iter().enumerate().flat_map(|(k, w)| {
            let mut facts = mentions::facts_in(&w.paragraph, paragraphs.len() + k, &mut refused);
            if w.one_of_several {
                for f in &mut facts {
                    f.scope = jixiao_model::Scope::Part;
                }
            }
            facts
        }));
    let department = report.report.kind.as_deref() == Some("department");
    if department {
        budget::department_is_the_whole(&mut report.facts, report.report.unit.as_deref());
    } else {
        budget::the_titles_fund_is_the_whole(
            &mut report.facts,
            report.report.title.as_deref(),
            report.report.fiscal_year,
        );
    }
    budget::figures_of_a_part_restated(&mut report.facts);
    budget::budget_before_its_adjustment(&mut report.facts);
    report.warnings.extend(refused);
    report.stated = statements::stated(doc);
    report.stated.lists = lists::parts_lists(&report.facts);
    budget::the_total_is_the_whole(&mut report.facts, &report.stated.lists, department);
    let listed: std::collections::HashSet<usize> = report
        .stated
        .lists
        .iter()
        .flat_map(|l| l.parts.iter().copied())
        .collect();
    report.budget = budget::collect_budget(
        &report.facts,
        &figures,
        (department, report.report.fiscal_year),
        &listed,
    );

    if report.report.total_score.is_none() {
        if let Some(total) = report
            .score_tables
            .iter()
            .find_map(|t| t.stated_total.as_ref().filter(|s| s.score.is_some()))
        {
            report.report.total_score = total.score;
            report
                .report
                .sources
                .insert("total_score".into(), total.source.clone());
        }
    }
    report.warnings.extend(doc.warnings.iter().cloned());
    if report.report.title.is_none()
        && report.score_tables.is_empty()
        && report.report.total_score.is_none()
        && report.budget_rows.is_empty()
    {
        report.warnings.push(
            "no report found: no title naming a report or form, no score table, no total score — check that this is the report and not a cover page or an index".into(),
        );
    }
    report
}

/// What the tables of a document gave, as they are read one by one.
#[derive(Default)]
struct TableReading {
    raw_tables: Vec<((u32, u32), RawTable)>,
    dedicated_targets: Vec<jixiao_model::Target>,
    score_targets: Vec<jixiao_model::Target>,
    figures: Vec<tables::TableFigure>,
    /// A self-evaluation form scores budget execution in its budget block
    /// (分值, 得分 beside 执行率); that row opens the form's score table.
    budget_score: Option<RawRow>,
}

impl TableReading {
    fn read(
        &mut self,
        table: &Table,
        title: Option<String>,
        unit_above: Option<MoneyUnit>,
        report: &mut Report,
    ) -> Option<usize> {
        let mut known = false;
        let before = read_so_far(self, report);
        let headers = find_headers(table);
        let first_row = headers.iter().map(|h| h.row).min().unwrap_or(0);
        for header in headers {
            // A table of two years' figures lists categories, or projects by
            // what they spent in each year: no project's budget and spending.
            // (One that also prints this year's budget beside them, `2022年决算 |
            // 2023年预算 | 2023年决算`, is both.)
            let year_table = tables::read_year_table(table, &header, unit_above);
            let dated = table.rows.get(header.row).map_or(0, |row| {
                row.iter()
                    .filter(|c| c.covered_by.is_none() && vocab::year_amount(&c.text).is_some())
                    .count()
            });
            let kind = classify(&header)
                .filter(|k| !(year_table.is_some() && *k == TableKind::LineItems && dated <= 2));
            known |= kind.is_some() || year_table.is_some();
            report.year_tables.extend(year_table);
            match kind {
                Some(TableKind::Score) => {
                    let mut raw = tables::read_score_table(table, &header, title.clone());
                    // A header with no rows under it (the last line of a page, the
                    // table going on over the page) leaves the row to the table that has them.
                    if !raw.rows.is_empty() {
                        if let Some(row) = self.budget_score.take() {
                            raw.rows.insert(0, row);
                        }
                    }
                    // (The score table's rows carry their 完成率: judged once, there.)
                    self.score_targets.extend(
                        tables::read_targets(table, &header).into_iter().map(|t| {
                            jixiao_model::Target {
                                completion_rate: None,
                                ..t
                            }
                        }),
                    );
                    self.raw_tables.push((position(&table.source), raw));
                }
                Some(TableKind::Target) => self
                    .dedicated_targets
                    .extend(tables::read_targets(table, &header)),
                Some(TableKind::LineItems) => {
                    let (items, totals) = tables::read_line_items(
                        table,
                        &header,
                        unit_above,
                        report.line_items.len(),
                    );
                    report.line_items.extend(items);
                    report.line_totals.extend(totals);
                }
                Some(TableKind::Budget) => {
                    let mut rows = tables::read_budget_rows(table, &header, unit_above);
                    // A department's table of some projects by name: its 合计 is
                    // theirs, not the department's budget.
                    let some_projects = report.report.kind.as_deref() == Some("department")
                        && tables::lists_named_items(table, &header);
                    if some_projects {
                        for row in &mut rows {
                            row.scope = jixiao_model::Scope::Part;
                        }
                    } else {
                        self.figures
                            .extend(tables::read_budget_table(table, &header, unit_above));
                    }
                    self.budget_score = rows.iter().find(|r| r.is_total).and_then(budget_score_row);
                    report.budget_rows.extend(rows);
                }
                None => {}
            }
        }
        // A form printed as one table: its blocks past the one a reading
        // knows (the funds) may be tables of their own (年度主要任务).
        let blocks = column_tables::blocks(table);
        match (known, blocks.is_empty()) {
            (false, true) => report.column_tables.extend(
                column_tables::read(table)
                    .or_else(|| column_tables::read(&column_tables::as_one_block(table))),
            ),
            (false, false) => report
                .column_tables
                .extend(blocks.iter().filter_map(column_tables::read)),
            (true, _) => report
                .column_tables
                .extend(blocks.iter().skip(1).filter_map(column_tables::read)),
        }
        (read_so_far(self, report) != before).then_some(first_row)
    }
}

pub use jixiao_model::report::BUDGET_EXECUTION;

/// The forms' row of the budget block that is scored: the total of all funds.
pub const BUDGET_TOTAL_ROW: &str = "年度资金总额";

/// The score row a budget block carries, when it scores execution.
fn budget_score_row(total: &BudgetRow) -> Option<RawRow> {
    let weight = total.weight?;
    Some(RawRow {
        labels: [
            Some(BUDGET_EXECUTION.to_string()),
            None,
            // The national form's name for the row, whatever a province calls it
            // (`年度财政资金总额`).
            Some(if total.label.contains("资金总额") {
                BUDGET_TOTAL_ROW.to_string()
            } else {
                total.label.clone()
            }),
        ],
        group_weights: [Some(weight), None],
        weight: Some(weight),
        score: total.score,
        source: total.source_of("score").clone(),
        sources: ["weight", "score"]
            .iter()
            .filter_map(|f| Some((f.to_string(), total.sources.get(*f)?.clone())))
            .collect(),
        aligned: true,
        ..RawRow::default()
    })
}

/// True when a table's rows' scores add up to its stated total score exactly.
/// A score table broken over a page without its header repeated reads as two
/// tables: rows without a total, then rows whose 合计 is the whole table's.
/// They are one table when the later rows alone do not add up to the total
/// and all the rows together do exactly.
fn join_continuations(tables: &mut Vec<((u32, u32), RawTable)>) {
    let mut k = 1;
    while k < tables.len() {
        let (prev, cur) = (&tables[k - 1].1, &tables[k].1);
        let joined = || {
            let mut t = prev.clone();
            t.page_breaks.push(t.rows.len());
            t.rows.extend(cur.rows.iter().cloned());
            t.total = cur.total.clone();
            t
        };
        if prev.total.is_none() && cur.total.is_some() && !adds_up(cur) && adds_up(&joined()) {
            let t = joined();
            tables[k - 1].1 = t;
            tables.remove(k);
        } else {
            k += 1;
        }
    }
}

/// How many rows of a reading score above their weight: none does in a
/// table read right.
fn over_weight(raw: &RawTable) -> usize {
    raw.rows
        .iter()
        .filter(|r| matches!((r.weight, r.score), (Some(w), Some(s)) if s > w))
        .count()
}

/// The rows' weights or scores add up to more than the 合计 states.
fn exceeds_its_total(raw: &RawTable) -> bool {
    let Some(total) = raw.total.as_ref() else {
        return false;
    };
    let sum = |of: fn(&RawRow) -> Option<jixiao_model::Decimal>| -> jixiao_model::Decimal {
        raw.rows.iter().filter_map(of).sum()
    };
    total.weight.is_some_and(|w| sum(|r| r.weight) > w)
        || total.score.is_some_and(|s| sum(|r| r.score) > s)
}

fn adds_up(raw: &RawTable) -> bool {
    let Some(total) = raw.total.as_ref().and_then(|t| t.score) else {
        return false;
    };
    let scores: Option<Vec<jixiao_model::Decimal>> = raw.rows.iter().map(|r| r.score).collect();
    scores.is_some_and(|s| !s.is_empty() && s.iter().sum::<jixiao_model::Decimal>() == total)
}

/// Helpers for the unit tests of the line readers.
#[cfg(test)]
mod testing {
    use jixiao_model::{Line, Source, Table};

    /// A table's cells' texts, row by row.
    pub fn texts(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    /// Text as the document's raw lines, numbered from 1.
    pub fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                text: t.into(),
                source: Source::at_line(None, i as u32 + 1),
                furniture: false,
            })
            .collect()
    }
}

/// How much the tables read so far gave: a table that adds nothing to it
/// was not read.
fn read_so_far(reading: &TableReading, report: &Report) -> [usize; 8] {
    [
        reading.raw_tables.len(),
        reading.dedicated_targets.len(),
        reading.score_targets.len(),
        reading.figures.len(),
        report.line_items.len(),
        report.budget_rows.len(),
        report.year_tables.len(),
        report.column_tables.len(),
    ]
}

/// The first and the last line the cells of a table's rows from `from` on
/// are on (its rows above its header, a form's title block, are no reading's).
fn lines_spanned(table: &jixiao_model::Table, from: usize) -> ((u32, u32), (u32, u32)) {
    let at = table
        .rows
        .iter()
        .skip(from)
        .flatten()
        .filter(|c| c.source.line.is_some())
        .map(|c| position(&c.source));
    at.fold(None, |span: Option<((u32, u32), (u32, u32))>, p| {
        Some(span.map_or((p, p), |(lo, hi)| (lo.min(p), hi.max(p))))
    })
    // (No line numbers: an HTML table, whose cells are in no line.)
    .unwrap_or(((u32::MAX, u32::MAX), (0, 0)))
}

/// Document order of a source: page, then line (lines restart on each PDF page).
fn position(source: &jixiao_model::Source) -> (u32, u32) {
    (source.page.unwrap_or(0), source.line.unwrap_or(0))
}
