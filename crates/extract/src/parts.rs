//! Files that hold several reports: a PDF or workbook of all a unit's project
//! self-evaluation forms, one after another. Each form is a title (…自评表)
//! followed by its own budget block and indicator table; a long report with
//! one form attached (附件) has one of each, so it stays one report.

use std::borrow::Cow;

use jixiao_model::{Block, Document};

use crate::tables::{classify, find_headers, TableKind};

fn is_form_title(block: &Block) -> bool {
    let text = match block {
        Block::Heading { text, .. } | Block::Paragraph(text) => &text.text,
        Block::Table(_) => return false,
    };
    let n = text.chars().count();
    ["自评表", "评价表", "评分表"]
        .iter()
        .any(|w| text.contains(w))
        && n <= 60
        && !text.contains('。')
}

/// True when the blocks hold a form's two parts: a budget block and a score table.
fn holds_form(blocks: &[Block]) -> bool {
    let kinds: Vec<TableKind> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| find_headers(t).into_iter().filter_map(|h| classify(&h)))
        .collect();
    kinds.contains(&TableKind::Budget) && kinds.contains(&TableKind::Score)
}

/// The document split into one document per report it holds, in order. A
/// document with one report (or none recognisable) comes back whole, borrowed.
pub fn split_reports(doc: &Document) -> Vec<Cow<'_, Document>> {
    let titles: Vec<usize> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| is_form_title(b))
        .map(|(i, _)| i)
        .collect();
    // Segments start at titles; one that holds no form joins the one before it.
    let mut starts: Vec<usize> = Vec::new();
    for (k, &t) in titles.iter().enumerate() {
        let end = titles.get(k + 1).copied().unwrap_or(doc.blocks.len());
        if holds_form(&doc.blocks[t..end]) {
            starts.push(t);
        }
    }
    if starts.len() < 2 {
        return vec![Cow::Borrowed(doc)];
    }
    starts[0] = 0;
    let mut out = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(doc.blocks.len());
        let blocks = doc.blocks[s..end].to_vec();
        // The raw lines of this part: those its blocks' sources point into.
        let first = first_line(&blocks);
        let next = starts
            .get(k + 1)
            .and_then(|&n| first_line(&doc.blocks[n..]));
        let lines = doc
            .lines
            .iter()
            .filter(|l| match (l.source.line, first, next) {
                (Some(line), Some(a), Some(b)) => line >= a && line < b,
                (Some(line), Some(a), None) => line >= a,
                _ => false,
            })
            .cloned()
            .collect();
        let pages = doc.pages;
        out.push(Cow::Owned(Document {
            format: doc.format,
            pages,
            blocks,
            lines,
            warnings: doc.warnings.clone(),
            titles: doc.titles.clone(),
        }));
    }
    out
}

fn first_line(blocks: &[Block]) -> Option<u32> {
    blocks.iter().find_map(|b| match b {
        Block::Heading { text, .. } | Block::Paragraph(text) => text.source_at(0).line,
        Block::Table(t) => t
            .source
            .line
            .or_else(|| t.rows.iter().flatten().find_map(|c| c.source.line)),
    })
}
