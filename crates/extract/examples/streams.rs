//! Prints what the token-stream readers make of a file: the label cells they
//! find and the tables they rebuild (a debugging aid: why was a row missed?).
//!
//!     cargo run -p jixiao-extract --example streams -- FILE
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: streams FILE");
        return;
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let Ok(doc) = jixiao_ingest::read(&bytes) else {
        eprintln!("unreadable: {path}");
        return;
    };
    let cells = jixiao_extract::streams::Streams::of(&doc.lines);
    for label in ["项目名称", "实施单位", "主管部门"] {
        let value = jixiao_extract::streams::labelled_value(&cells, &[label]);
        println!("{label}: {:?}", value.map(|(v, s)| (v, s.describe())));
    }
    for a in jixiao_extract::streams::labelled_amounts(&cells) {
        println!(
            "amount: {} = {} {} at {}",
            a.label,
            a.value.value,
            a.unit.label(),
            a.source.describe()
        );
    }
    for t in jixiao_extract::streams::rebuild_tables(&cells, &Default::default()) {
        println!("== table at {}", t.source.describe());
        for row in &t.rows {
            let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
            println!("  {}", cells.join(" | "));
        }
    }
}
