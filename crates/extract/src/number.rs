//! Numbers as reports print them: thousands separators, a stray space after the
//! decimal point (`4. 0`), percentages, and the 万元/亿元 units, all read into
//! exact decimals. A printed number also keeps its number of decimals, because
//! the checker judges rounded numbers by their printed precision.

pub use jixiao_model::number::{MoneyUnit, Printed};

/// Reads a table cell as a number: `5`, `4.99`, `4. 0`, `1,498.50`, `100%` (as
/// 100), `(3)`. Returns `None` for anything with words in it.
pub fn cell_number(text: &str) -> Option<Printed> {
    let t = text.trim().trim_end_matches(['%', '分']).trim();
    let t = t
        .strip_prefix(['(', '（'])
        .and_then(|s| s.strip_suffix([')', '）']))
        .unwrap_or(t);
    Printed::parse(t)
}

/// A figure alone in a cell: a number (`95%`, `(20)`), or one with its
/// money unit (`356万元`).
pub fn is_number(text: &str) -> bool {
    cell_number(text).is_some()
        || money_suffix(text).is_some()
        // (`150万`: an amount with its 元 left out, see [`amount_in`].)
        || text.trim().strip_suffix('万').and_then(Printed::parse).is_some()
}

/// An amount cell as printed in its column's `unit`: a bare number, or one
/// followed by its own money unit (`356万元`) where that is the column's. A
/// cell in another unit than its column's is not read: the unit a checker
/// would compare it in is unsure.
pub fn amount_in(text: &str, unit: MoneyUnit) -> Option<Printed> {
    match money_suffix(text) {
        Some((head, own)) => (own == unit).then(|| Printed::parse(head)).flatten(),
        // (`150万` in a column of 万元: the 元 left out.)
        None if unit == MoneyUnit::Wan => text
            .trim()
            .strip_suffix('万')
            .map_or_else(|| cell_number(text), Printed::parse),
        None => cell_number(text),
    }
}

/// A number and the money unit printed after it in one cell (`356万元` →
/// (`356`, 万元)).
pub fn money_suffix(text: &str) -> Option<(&str, MoneyUnit)> {
    let t = text.trim();
    [
        ("万元", MoneyUnit::Wan),
        ("亿元", MoneyUnit::Yi),
        ("元", MoneyUnit::Yuan),
    ]
    .into_iter()
    .find_map(|(word, unit)| {
        let head = t.strip_suffix(word)?.trim_end();
        Printed::parse(head).map(|_| (head, unit))
    })
}

/// Finds a unit declaration such as `单位：万元` or `金额单位：万元` in a line.
pub fn declared_unit(text: &str) -> Option<MoneyUnit> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // The last declaration: the nearest to what follows it (a form flattened
    // onto one line declares each table's unit before it), and past a
    // `填报单位：` that names no unit.
    compact.rmatch_indices("单位").find_map(|(idx, _)| {
        let rest = compact[idx + "单位".len()..].trim_start_matches(['：', ':']);
        if rest.starts_with("万元") {
            Some(MoneyUnit::Wan)
        } else if rest.starts_with("亿元") {
            Some(MoneyUnit::Yi)
        } else if rest.starts_with('元') {
            Some(MoneyUnit::Yuan)
        } else {
            None
        }
    })
}

/// The unit named inside a header cell, e.g. `项目资金（万元）` or `预算数(万元)`.
pub fn unit_in_label(text: &str) -> Option<MoneyUnit> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(start) = compact.find(open) {
            let inner = &compact[start + open.len_utf8()..];
            if let Some(end) = inner.find(close) {
                if let Some(u) = MoneyUnit::parse(&inner[..end]) {
                    return Some(u);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use jixiao_model::Decimal;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn an_amount_cell_may_print_its_columns_unit_but_no_other() {
        let wan = MoneyUnit::Wan;
        assert_eq!(amount_in("356万元", wan).map(|p| p.value), Some(d("356")));
        assert_eq!(
            amount_in("341.76 万元", wan).map(|p| p.value),
            Some(d("341.76"))
        );
        assert_eq!(amount_in("1,250", wan).map(|p| p.value), Some(d("1250")));
        // A cell in 元 under a column in 万元 is not read; nor words.
        assert_eq!(amount_in("3560000元", wan), None);
        assert_eq!(amount_in("约356万元", wan), None);
        assert_eq!(amount_in("356万元", MoneyUnit::Yuan), None);
    }

    #[test]
    fn printed_numbers_keep_value_and_precision() {
        assert_eq!(
            Printed::parse("97.20"),
            Some(Printed {
                value: d("97.20"),
                decimals: 2
            })
        );
        assert_eq!(
            Printed::parse("1,498.50").map(|p| p.value),
            Some(d("1498.50"))
        );
        assert_eq!(
            Printed::parse("4. 0"),
            Some(Printed {
                value: d("4.0"),
                decimals: 1
            })
        );
        assert_eq!(Printed::parse("-1.10").map(|p| p.value), Some(d("-1.10")));
        assert_eq!(Printed::parse("2023年"), None);
        assert_eq!(Printed::parse("1.2.3"), None);
    }

    #[test]
    fn wan_to_yuan_is_exact() {
        assert_eq!(MoneyUnit::Wan.to_yuan(d("0.06544")), d("654.4"));
        assert_eq!(MoneyUnit::Wan.to_yuan(d("32297.18148")), d("322971814.8"));
        assert_eq!(MoneyUnit::Wan.to_yuan(d("446.41")).to_string(), "4464100");
    }

    #[test]
    fn cells_and_units() {
        assert_eq!(cell_number("(3)").map(|p| p.value), Some(d("3")));
        assert_eq!(cell_number("100%").map(|p| p.value), Some(d("100")));
        assert_eq!(cell_number("≥6个"), None);
        assert_eq!(declared_unit("单位：万元"), Some(MoneyUnit::Wan));
        assert_eq!(
            declared_unit("填报日期：2024年3月12日    金额单位：万元"),
            Some(MoneyUnit::Wan)
        );
        assert_eq!(
            declared_unit("基础数据表 填报单位: 单位:万元 财政供养人员情况"),
            Some(MoneyUnit::Wan)
        );
        assert_eq!(
            declared_unit("单位：万元 一、收支表 … 二、债券项目表 单位：亿元 项目名称"),
            Some(MoneyUnit::Yi)
        );
        assert_eq!(declared_unit("填报单位：县财政局"), None);
        assert_eq!(unit_in_label("项目资金（万元）"), Some(MoneyUnit::Wan));
    }
}
