//! The six ways Chinese text is encoded in published PDFs (`fixtures/pdf-cases/`,
//! copied from `../shared/pdf-cases/`): predefined CMaps UniGB-UCS2-H and
//! GBK-EUC-H without ToUnicode, 8-bit TrueType subsets, Identity-H with and
//! without ToUnicode, LibreOffice output. Each must give ≥ 99 % of `truth.txt`'s
//! characters, no U+FFFD or private-use characters, and the score table as 20
//! rows with the merged cells' parents filled in, each value on its PDF page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jixiao_model::Block;
use unicode_normalization::UnicodeNormalization;

const CASES: &[&str] = &[
    "a_stsong_unigb_ucs2",
    "a2_stsong_gbk_euc",
    "b1_reportlab_ttf_wqy",
    "b2_fpdf2_identityh_wqy",
    "b3_identityh_no_tounicode",
    "c_libreoffice_docx",
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf-cases")
}

fn counts(text: &str) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in text.nfkc().filter(|c| !c.is_whitespace()) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

fn all_text(doc: &jixiao_model::Document) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Heading { text, .. } | Block::Paragraph(text) => out.push_str(&text.text),
            Block::Table(t) => t.rows.iter().flatten().for_each(|c| out.push_str(&c.text)),
        }
        out.push('\n');
    }
    out
}

fn check_case(name: &str) {
    let bytes = std::fs::read(dir().join(format!("{name}.pdf"))).expect("fixture");
    let doc = jixiao_ingest::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let text = all_text(&doc);
    let truth = std::fs::read_to_string(dir().join("truth.txt")).expect("truth");
    let (got, want) = (counts(&text), counts(&truth));
    let total: usize = want.values().sum();
    let hit: usize = want
        .iter()
        .map(|(c, n)| (*n).min(got.get(c).copied().unwrap_or(0)))
        .sum();
    assert!(
        hit * 100 >= total * 99,
        "{name}: {hit} of {total} characters"
    );
    assert!(
        !text
            .chars()
            .any(|c| c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c)),
        "{name}: replacement or private-use characters"
    );

    let report = jixiao_extract::extract(&doc);
    let table: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join("score_table.json")).expect("table"),
    )
    .expect("JSON");
    let filled = table["filled"].as_array().expect("filled rows");
    let items = &report
        .score_tables
        .first()
        .unwrap_or_else(|| panic!("{name}: no score table"))
        .items;
    assert_eq!(items.len(), 20, "{name}");
    for (item, want) in items.iter().zip(filled) {
        let want: Vec<&str> = want
            .as_array()
            .expect("row")
            .iter()
            .map(|v| v.as_str().unwrap_or(""))
            .collect();
        let level1 = want[0].split(" (").next().unwrap_or("");
        assert_eq!(item.level1.as_deref(), Some(level1), "{name}: {want:?}");
        assert_eq!(item.level2.as_deref(), Some(want[1]), "{name}: {want:?}");
        assert_eq!(item.level3.as_deref(), Some(want[2]), "{name}: {want:?}");
        assert_eq!(
            item.weight.map(|d| d.normalize().to_string()).as_deref(),
            Some(want[4]),
            "{name}: {want:?}"
        );
        assert_eq!(
            item.score.map(|d| d.normalize().to_string()).as_deref(),
            Some(want[5]),
            "{name}: {want:?}"
        );
        assert!(
            item.source.page.is_some_and(|p| p >= 1) && item.source.line.is_some(),
            "{name}: {:?}",
            item.source
        );
    }
}

#[test]
fn predefined_cmap_ucs2() {
    check_case(CASES[0]);
}

#[test]
fn predefined_cmap_gbk_euc() {
    check_case(CASES[1]);
}

#[test]
fn truetype_subsets_with_to_unicode() {
    check_case(CASES[2]);
}

#[test]
fn identity_h_with_to_unicode() {
    check_case(CASES[3]);
}

#[test]
fn identity_h_without_to_unicode() {
    check_case(CASES[4]);
}

#[test]
fn libreoffice_output() {
    check_case(CASES[5]);
}
