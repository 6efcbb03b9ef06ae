//! Tables read off their shape where their words are damaged or missing.

fn report(text: &str) -> jixiao_model::Report {
    let doc = jixiao_ingest::read(text.as_bytes()).expect("reads");
    jixiao_extract::extract(&doc)
}

/// A 序号 header read by OCR as `序和`, and a table going on from an earlier
/// page at 11: the column that counts the rows one by one is the 序号 column.
#[test]
fn the_column_counting_the_rows_is_their_sequence() {
    let rows = |from: u32| {
        (from..from + 4)
            .map(|k| {
                format!(
                    "{k}\t第{k}号道路维修项目。工程\t{}.00\t{}.00\t95\n",
                    10 + k,
                    9 + k
                )
            })
            .collect::<String>()
    };
    let text = format!(
        "单位：万元\n序和\t项目名称\t预算数\t执行数\t自评得分\n{}",
        rows(11)
    );
    let r = report(&text);
    let seqs: Vec<Option<&str>> = r.line_items.iter().map(|i| i.seq.as_deref()).collect();
    assert_eq!(seqs, [Some("11"), Some("12"), Some("13"), Some("14")]);
    // A full stop inside a project's name is a speck, not text.
    assert_eq!(
        r.line_items[0].name.as_deref(),
        Some("第11号道路维修项目工程")
    );
    // A column of amounts is no sequence, however it runs.
    let text = "单位：万元\n序和\t项目名称\t预算数\t执行数\t自评得分\n1\t甲项目\t10.00\t9.00\t95\n5\t乙项目\t11.00\t10.00\t95\n2\t丙项目\t12.00\t11.00\t95\n";
    let r = report(text);
    assert!(
        r.line_items.iter().all(|i| i.seq.is_none()),
        "{:?}",
        r.line_items
    );
}

/// A form whose title is its table's first row, one merged cell, and no
/// title in the prose above it (a scan's title inside the form's frame).
#[test]
fn a_forms_title_in_its_tables_first_row() {
    let page = "<html><body><p>根据区财政局部署，我局对2023年度部门整体支出开展了绩效自评，自评情况如下。</p><table>\
        <tr><td colspan=\"3\">2023年度部门整体支出绩效自评表</td></tr>\
        <tr><td>一级指标</td><td>分值</td><td>得分</td></tr>\
        <tr><td>投入</td><td>20</td><td>18</td></tr></table></body></html>";
    let r = report(page);
    assert_eq!(
        r.report.title.as_deref(),
        Some("2023年度部门整体支出绩效自评表")
    );
    assert_eq!(r.report.fiscal_year, Some(2023));
}

/// A score table of two levels (`一级指标 | 二级指标 | 分值 | 得分`): the 二级
/// names the indicators themselves, whether or not the row prints its 一级.
#[test]
fn a_two_level_tables_second_level_is_its_indicators() {
    let text = "某项目绩效评价报告\n| 一级指标 | 二级指标 | 分值 | 得分 |\n| 决策 | 项目立项 | 6 | 6 |\n| | 绩效目标 | 5 | 4 |\n| 过程 | 资金管理 | 12 | 10.5 |\n| | 组织实施 | 8 | 7 |\n| 合计 | | 31 | 27.5 |\n";
    let r = report(text);
    let rows: Vec<(Option<&str>, Option<&str>, Option<&str>)> = r.score_tables[0]
        .items
        .iter()
        .map(|i| {
            (
                i.level1.as_deref(),
                i.level2.as_deref(),
                i.level3.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("决策"), None, Some("项目立项")),
            (Some("决策"), None, Some("绩效目标")),
            (Some("过程"), None, Some("资金管理")),
            (Some("过程"), None, Some("组织实施")),
        ]
    );
}
