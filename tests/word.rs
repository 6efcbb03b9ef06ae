//! Word documents (`fixtures/docx/`, written by `scripts/make_docx.py` with
//! python-docx from the reports' HTML renditions, the same reports as RTF
//! under a .doc name, and as Word 97–2003 binary files saved by LibreOffice in
//! `word97/`, one of them named .wps): merged cells become spans,
//! list numbers come from numbering.xml, headers and footers stay out, and the
//! report extracted equals the one from the HTML rendition of the same report.

use std::path::{Path, PathBuf};

use jixiao_model::{Block, Document, Format, Report};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("fixture");
    jixiao_ingest::read(&bytes).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message))
}

fn report(path: &Path) -> Report {
    let doc = read(path);
    let mut report = jixiao_extract::extract(&doc);
    report.findings = jixiao_validate::check(&report);
    report
}

/// The Word fixtures with one extension: `docx`, or `doc` (RTF under a .doc name).
fn fixtures(ext: &str) -> Vec<PathBuf> {
    fixtures_in("fixtures/docx", ext)
}

fn fixtures_in(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

fn docx_fixtures() -> Vec<PathBuf> {
    fixtures("docx")
}

#[test]
fn word_files_are_told_from_workbooks_by_their_bytes() {
    let files = docx_fixtures();
    assert_eq!(files.len(), 9);
    for f in &files {
        assert_eq!(read(f).format, Format::Docx, "{}", f.display());
    }
    let workbook =
        std::fs::read(root().join("fixtures/forms/01_qinglan_xuesheng_zizhu.xlsx")).expect("xlsx");
    assert_eq!(jixiao_ingest::detect_format(&workbook), Format::Xlsx);
}

#[test]
fn merged_cells_become_spans_and_numbers_come_from_the_list() {
    let doc = read(&root().join("fixtures/docx/01_qinglan_xuesheng_zizhu.docx"));
    let cells: Vec<_> = doc.tables().flat_map(|t| t.rows.iter().flatten()).collect();
    // 项目资金（万元） spans the four fund rows; 项目名称's value spans several columns.
    assert!(cells.iter().any(|c| c.row_span >= 4), "no vertical merge");
    assert!(cells.iter().any(|c| c.col_span >= 3), "no horizontal merge");
    assert!(cells.iter().any(|c| c.covered_by.is_some()));
    // Every cell knows where it is.
    assert!(cells.iter().all(|c| c
        .source
        .element
        .as_deref()
        .is_some_and(|e| e.starts_with("body/tbl["))));

    let seed = read(&root().join("fixtures/docx/000_868f1396b9022fea.docx"));
    let headings: Vec<&str> = seed
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(&*text.text),
            _ => None,
        })
        .collect();
    // The XML holds `基本情况`; `一、` is Word's list number.
    assert!(headings.contains(&"一、基本情况"), "{headings:?}");
    assert!(headings.contains(&"四、绩效评价指标分析"), "{headings:?}");
    // The page header (site name) and the footer's page-number field are not prose.
    assert!(seed
        .paragraphs()
        .all(|p| !p.text.contains("门户网站") && !p.text.starts_with("第 1 页")));
    assert!(seed.paragraphs().all(|p| p.spans[0].1.line.is_some()));
}

#[test]
fn a_word_rendition_gives_the_report_its_html_rendition_gives() {
    let libreoffice = fixtures_in("fixtures/docx/libreoffice", "docx");
    assert_eq!(libreoffice.len(), 9, "the LibreOffice re-saves");
    let binary: Vec<PathBuf> = fixtures_in("fixtures/docx/word97", "doc")
        .into_iter()
        .chain(fixtures_in("fixtures/docx/word97", "wps"))
        .collect();
    assert_eq!(binary.len(), 9, "the Word 97 binary renditions");
    for docx in docx_fixtures()
        .into_iter()
        .chain(fixtures("doc"))
        .chain(libreoffice)
        .chain(binary)
    {
        let stem = docx.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let html = ["fixtures/html", "fixtures/forms"]
            .iter()
            .map(|d| root().join(d).join(format!("{stem}.html")))
            .find(|p| p.exists())
            .expect("html rendition");
        let (w, h) = (report(&docx), report(&html));
        assert_eq!(w.report.total_score, h.report.total_score, "{stem}");
        assert_eq!(w.report.fiscal_year, h.report.fiscal_year, "{stem}");
        assert_eq!(w.budget.executed, h.budget.executed, "{stem}");
        assert_eq!(w.budget.adjusted, h.budget.adjusted, "{stem}");
        let items = |r: &Report| -> Vec<(Option<String>, Option<String>)> {
            r.score_tables
                .iter()
                .flat_map(|t| &t.items)
                .map(|i| (i.level3.clone(), i.score.map(|s| s.normalize().to_string())))
                .collect()
        };
        assert_eq!(items(&w), items(&h), "{stem}");
        let rules = |r: &Report| -> Vec<String> {
            let mut v: Vec<String> = r
                .findings
                .iter()
                .filter(|f| f.severity == jixiao_model::Severity::Error)
                .map(|f| f.rule.clone())
                .collect();
            v.sort();
            v
        };
        assert_eq!(rules(&w), rules(&h), "{stem}");
    }
}

#[test]
fn a_word_97_binary_file_is_read_from_its_piece_table_with_its_tables() {
    let doc = read(&root().join("fixtures/docx/word97/01_qinglan_xuesheng_zizhu.doc"));
    assert_eq!(doc.format, Format::Doc);
    let wps = read(&root().join("fixtures/docx/word97/02_binhe_wangjiang_baojie.wps"));
    assert_eq!(wps.format, Format::Doc, "a .wps is the same format");
    // The form is one table: its rows are told apart by their end marks, and
    // 项目资金（万元） spans the four fund rows (vertical merge).
    let table = doc.tables().next().expect("the form's table");
    assert!(table.rows.len() >= 20, "{} rows", table.rows.len());
    let cells: Vec<_> = table.rows.iter().flatten().collect();
    assert!(cells.iter().any(|c| c.text == "年度资金总额"));
    assert!(cells.iter().any(|c| c.row_span >= 4), "no vertical merge");
    assert!(cells.iter().filter(|c| !c.text.is_empty()).all(|c| c
        .source
        .element
        .as_deref()
        .is_some_and(|e| e.starts_with("table[1]/row["))));
    // Prose before the table, numbered by paragraph.
    assert!(doc.paragraphs().any(|p| p.text.contains("绩效自评表")));
}

#[test]
fn ofd_pages_are_laid_out_like_pdf_pages() {
    let doc = read(&root().join("fixtures/ofd/01_qinglan_xuesheng_zizhu.ofd"));
    assert_eq!(doc.format, Format::Ofd);
    assert!(doc.pages.is_some_and(|p| p >= 2));
    // The budget block's merged 项目资金（万元） cell from the drawn rules.
    let cells: Vec<_> = doc.tables().flat_map(|t| t.rows.iter().flatten()).collect();
    assert!(
        cells
            .iter()
            .any(|c| c.text.starts_with("项目资金") && c.row_span >= 4),
        "no merged cell"
    );
    // Every line knows its page; the page numbers at the foot are furniture.
    assert!(doc.lines.iter().all(|l| l.source.page.is_some()));
    assert!(doc.paragraphs().all(|p| !p.text.starts_with("- 1 -")));
    // The seed report in OFD gives the score rows its HTML rendition gives.
    let (o, h) = (
        report(&root().join("fixtures/ofd/000_868f1396b9022fea.ofd")),
        report(&root().join("fixtures/html/000_868f1396b9022fea.html")),
    );
    let rows = |r: &Report| -> Vec<(Option<String>, Option<String>)> {
        r.score_tables
            .iter()
            .flat_map(|t| &t.items)
            .map(|i| (i.level3.clone(), i.score.map(|s| s.normalize().to_string())))
            .collect()
    };
    assert_eq!(rows(&o), rows(&h));
    assert_eq!(o.budget.executed, h.budget.executed);
}
