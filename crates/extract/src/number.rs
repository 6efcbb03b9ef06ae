//! Numbers as reports print them: thousands separators, a stray space after the
//! decimal point (`4. 0`), percentages, and the 万元/亿元 units, all read into
//! exact decimals. A printed number also keeps its number of decimals, because
//! the checker judges rounded numbers by their printed precision.

use std::str::FromStr;

use rust_decimal::Decimal;

/// A number as printed: its exact value and how many decimals it was printed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Printed {
    /// The exact value.
    pub value: Decimal,
    /// Decimals printed (`97.20` → 2, `100` → 0).
    pub decimals: u32,
}

impl Printed {
    /// Reads a plain number: optional sign, digits with optional thousands
    /// separators, optional decimals. `4. 0` (a space after the point, as PDF
    /// dumps give) is read as `4.0`.
    pub fn parse(text: &str) -> Option<Printed> {
        let t: String = text
            .trim()
            .chars()
            .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
            .collect();
        if t.is_empty() || t.len() > 40 {
            return None;
        }
        let body = t.strip_prefix(['-', '+', '−']).unwrap_or(&t);
        if body.is_empty()
            || !body.chars().all(|c| c.is_ascii_digit() || c == '.')
            || body.starts_with('.')
            || body.ends_with('.')
            || body.matches('.').count() > 1
        {
            return None;
        }
        let decimals = body
            .split_once('.')
            .map(|(_, f)| f.len() as u32)
            .unwrap_or(0);
        let normalized = if t.starts_with('−') {
            format!("-{body}")
        } else {
            t.clone()
        };
        Decimal::from_str(&normalized)
            .ok()
            .map(|value| Printed { value, decimals })
    }
}

/// The unit an amount is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyUnit {
    /// 元.
    Yuan,
    /// 万元 (10,000 元).
    Wan,
    /// 亿元 (100,000,000 元).
    Yi,
}

impl MoneyUnit {
    /// Reads a unit word: `万元`, `元`, `亿元`, `万` (in a money context).
    pub fn parse(text: &str) -> Option<MoneyUnit> {
        match text.trim() {
            "元" => Some(MoneyUnit::Yuan),
            "万元" | "万" => Some(MoneyUnit::Wan),
            "亿元" | "亿" => Some(MoneyUnit::Yi),
            _ => None,
        }
    }

    /// How many yuan one of this unit is.
    pub fn factor(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::Wan => Decimal::from(10_000),
            MoneyUnit::Yi => Decimal::from(100_000_000),
        }
    }

    /// The unit as the report prints it.
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::Wan => "万元",
            MoneyUnit::Yi => "亿元",
        }
    }

    /// Converts an amount in this unit to yuan, exactly.
    pub fn to_yuan(self, amount: Decimal) -> Decimal {
        (amount * self.factor()).normalize()
    }
}

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

/// Finds a unit declaration such as `单位：万元` or `金额单位：万元` in a line.
pub fn declared_unit(text: &str) -> Option<MoneyUnit> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let idx = compact.find("单位")?;
    let rest = &compact[idx + "单位".len()..];
    let rest = rest.trim_start_matches(['：', ':']);
    if rest.starts_with("万元") {
        Some(MoneyUnit::Wan)
    } else if rest.starts_with("亿元") {
        Some(MoneyUnit::Yi)
    } else if rest.starts_with('元') {
        Some(MoneyUnit::Yuan)
    } else {
        None
    }
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
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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
        assert_eq!(unit_in_label("项目资金（万元）"), Some(MoneyUnit::Wan));
    }
}
