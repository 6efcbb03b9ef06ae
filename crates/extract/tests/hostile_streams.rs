//! The token-stream readers on text no form was ever printed as: random runs of
//! the forms' own words, numbers of any size and separators. Reading them must
//! never panic (a panic in extraction loses the file's report), whatever the
//! dynamic programme is offered.

fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

const WORDS: &[&str] = &[
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "得分",
    "年度指标值",
    "全年实际值",
    "年度资金总额:",
    "其中:",
    "全年预算数(A)",
    "全年执行数(B)",
    "执行率(B/A)",
    "项目名称",
    "实施单位",
    "主管部门",
    "总分",
    "合计",
    "资金情况(万元)",
    "产出指标(70分)",
    "数量指标",
    "≥",
    "%",
    ".",
    "0",
    "1",
    "5",
    "9",
    "99999999999999999999999999999",
    "0.000000000000000000000000001",
    "1,234.56",
    "万元",
    "人",
    "米",
    "显著提升显著提升",
    "指标1:",
    "項(xiàng)目",
    "—",
    "/",
    "……",
    "(",
    "）",
    "|",
    "||||",
];
const GLUES: &[&str] = &["", " ", "\n", " | ", "\n\n"];

#[test]
fn random_form_words_never_panic() {
    let mut seed = 20261201u64;
    for case in 0..400 {
        let n = 1 + (lcg(&mut seed) % 500) as usize;
        let glue = GLUES[(lcg(&mut seed) % GLUES.len() as u64) as usize];
        let text: Vec<&str> = (0..n)
            .map(|_| WORDS[(lcg(&mut seed) % WORDS.len() as u64) as usize])
            .collect();
        let text = text.join(glue);
        let Ok(doc) = jixiao_ingest::read(text.as_bytes()) else {
            continue;
        };
        let read = std::panic::catch_unwind(|| jixiao_extract::extract(&doc));
        assert!(read.is_ok(), "case {case} panicked on: {text:?}");
    }
}
