//! Prints the tables rebuilt from a text file's cell streams (a debugging aid).
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
    for label in ["项目名称", "实施单位", "主管部门"] {
        println!(
            "{label}: {:?}",
            jixiao_extract::streams::labelled_value(&doc.lines, &[label])
        );
    }
    for t in jixiao_extract::streams::rebuild_tables(&doc.lines, &Default::default()) {
        println!("== table at {}", t.source.describe());
        for row in &t.rows {
            let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
            println!("  {}", cells.join(" | "));
        }
    }
}
