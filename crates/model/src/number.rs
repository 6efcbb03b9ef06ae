//! Numbers as reports print them, read into exact decimals: a printed number
//! keeps its number of decimals, because the checker judges rounded numbers by
//! their printed precision, and an amount keeps the unit it was printed in.

use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// Integer digits a printed number may have: 10¹⁵ 亿元 is beyond any budget,
/// and the bound keeps every sum and conversion of such numbers far from
/// `Decimal`'s limits (OCR noise and broken exports print longer digit runs).
pub const MAX_INTEGER_DIGITS: usize = 15;
/// Decimals a printed number may have (no report prints more than a few).
pub const MAX_DECIMALS: usize = 10;

/// A number as printed: its exact value and how many decimals it was printed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Printed {
    /// The exact value.
    pub value: Decimal,
    /// Decimals printed (`97.20` → 2, `100` → 0).
    pub decimals: u32,
}

impl Printed {
    /// Reads a plain number: optional sign, digits with optional thousands
    /// separators, optional decimals. `4. 0` (a space after the point, as PDF
    /// dumps give) is read as `4.0`. A number longer than any report prints
    /// ([`MAX_INTEGER_DIGITS`], [`MAX_DECIMALS`]) is refused, not rounded.
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
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.trim_start_matches('0').len() > MAX_INTEGER_DIGITS || frac.len() > MAX_DECIMALS {
            return None;
        }
        let decimals = frac.len() as u32;
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
