//! Facts: every quantity a report's prose states, read once by extraction and
//! typed by what it measures, so that the checker never parses text itself.
//!
//! A fact is a printed number with its unit, the label in front of it, its
//! kind (a level, or a change or share that adds up with nothing), its budget
//! role where the label names one, and its scope (the whole report's budget, or
//! a part of it named in the label). Beside the facts stand the structures the
//! prose states outright: formulas written out, the report's grade bands,
//! as-of dates and counts of indicators with the lists they name.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use crate::doc::Source;
use crate::number::{MoneyUnit, Printed};

/// The unit a stated number is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactUnit {
    /// An amount of money.
    Money(MoneyUnit),
    /// A percentage.
    Percent,
    /// Points (分).
    Points,
    /// A count of people or things, with its measure word (人, 个, 项 …).
    Count(&'static str),
}

impl FactUnit {
    /// The unit as printed: `万元`, `%`, `分`.
    pub fn label(self) -> &'static str {
        match self {
            FactUnit::Money(u) => u.label(),
            FactUnit::Percent => "%",
            FactUnit::Points => "分",
            FactUnit::Count(word) => word,
        }
    }
}

impl Serialize for FactUnit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// What a stated number measures. Only levels add up: a change on another year
/// (`比2024年预算减少2,389.52万元`) or a share is never a part of a total, an
/// adjustment or another statement of the same quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// An amount, score or rate as it stands.
    Level,
    /// A difference against another period (比上年, 较2024年, 同比).
    Change,
    /// A share of a whole (占…比重, 占比).
    Share,
}

/// The quantity a label names, from the domain's vocabulary: a budget figure,
/// or for points what a score sentence says of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactRole {
    /// 年初预算.
    Initial,
    /// 调整后预算 / 全年预算.
    Adjusted,
    /// 实际到位 / 可用资金.
    Available,
    /// 执行数 / 实际支出.
    Executed,
    /// 预算执行率.
    ExecutionRate,
    /// Full marks of a score (满分, 权重分合计, 分值合计).
    FullMarks,
    /// Points taken off (扣, 扣除).
    Deduction,
    /// The points obtained (实际得分, 得分合计, 最终得分).
    Obtained,
}

/// Whose quantity a fact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The report's own budget or project as a whole (`本项目年初预算`).
    Report,
    /// A part named in the label: a fund, a category, some projects
    /// (`国有资本经营预算拨款支出预算`, `三公经费`).
    Part,
}

/// One number stated in prose.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Fact {
    /// The label in front of the number, e.g. `本项目年初预算金额`.
    pub label: String,
    /// The number as printed, and its printed decimals.
    #[serde(flatten)]
    pub number: Printed,
    /// Its unit as printed.
    #[schemars(with = "String")]
    pub unit: FactUnit,
    /// The amount in yuan, exactly, for money.
    pub yuan: Option<Decimal>,
    /// A level, a change or a share.
    pub kind: FactKind,
    /// The quantity the label names, where it names one.
    pub role: Option<FactRole>,
    /// The whole report's quantity, or a part's.
    pub scope: Scope,
    /// Where the number is.
    pub source: Source,
    /// The words right after the number, up to the next clause break
    /// (`4.28 万元资金结余` → `资金结余`): some reports name the quantity there.
    #[serde(skip)]
    pub after: String,
    /// The whole sentence the number is in.
    #[serde(skip)]
    pub sentence: String,
    /// Byte offset of `sentence` in its paragraph's text.
    #[serde(skip)]
    pub sentence_start: usize,
    /// Byte range of the number (with unit) in its paragraph's text.
    #[serde(skip)]
    pub span: (usize, usize),
    /// Index of the paragraph, in document order.
    #[serde(skip)]
    pub paragraph: usize,
}

impl Fact {
    /// The unit of an amount of money.
    pub fn money(&self) -> Option<MoneyUnit> {
        match self.unit {
            FactUnit::Money(u) => Some(u),
            _ => None,
        }
    }
}

/// How many characters two labels end alike with (`基本支出` and `项目支出`: 2):
/// labels that end alike name the same kind of quantity. Extraction uses it to
/// join a list's parts, the checker to match a share's whole.
pub fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// One term of a written-out formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    /// Subtracted rather than added.
    pub negative: bool,
    /// The term as printed.
    pub number: Printed,
}

/// An arithmetic formula written out in the text: `(a+b+c)÷3=r`, `a+b−c=r`.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    /// The formula as printed.
    pub expr: String,
    /// The terms of the sum.
    pub terms: Vec<Term>,
    /// What the sum is divided by, if anything.
    pub divisor: Option<Printed>,
    /// The stated result.
    pub result: Printed,
    /// The result is printed as a percentage.
    pub percent: bool,
    /// Where the result is.
    pub source: Source,
}

/// One end of a grade band: the value, and whether it belongs to the band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    /// The threshold.
    pub value: Decimal,
    /// True when the threshold itself is in the band (≥, 以上, （含）).
    pub inclusive: bool,
}

/// A grade band the report defines: `得分 ≥ 85 分为优秀`, `60分以下为差`.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeBand {
    /// The grade as printed (优秀, 良 …).
    pub grade: String,
    /// The lower end, if stated.
    pub low: Option<Bound>,
    /// The upper end, if stated.
    pub high: Option<Bound>,
}

impl GradeBand {
    /// True when a total falls in the band.
    pub fn contains(&self, v: Decimal) -> bool {
        let above = |b: &Bound| {
            if b.inclusive {
                v >= b.value
            } else {
                v > b.value
            }
        };
        let below = |b: &Bound| {
            if b.inclusive {
                v <= b.value
            } else {
                v < b.value
            }
        };
        self.low.as_ref().is_none_or(above) && self.high.as_ref().is_none_or(below)
    }
}

/// An as-of date: `截至2021年12月底`.
#[derive(Clone, Debug, PartialEq)]
pub struct AsOfDate {
    /// The year.
    pub year: i32,
    /// Where the year is.
    pub source: Source,
    /// The sentence it is in.
    pub sentence: String,
}

/// A stated count of indicators: `由A、B、C 3 个二级指标构成`, `设置 17 个三级指标`.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorCount {
    /// The count as stated.
    pub stated: usize,
    /// 1 for 一级, 2 for 二级, 3 for 三级.
    pub level: u8,
    /// The list written before the count (back to 由), possibly empty.
    pub list: String,
    /// A count of the whole system (设置 / 下设 / 共), to compare with the table.
    pub whole_system: bool,
    /// Where the count is.
    pub source: Source,
    /// The sentence it is in.
    pub sentence: String,
}

impl IndicatorCount {
    /// Names in the list, split at `、`.
    pub fn listed(&self) -> usize {
        self.list
            .split('、')
            .filter(|s| !s.trim().is_empty())
            .count()
    }

    /// Names in the list, split at `、`, `和` and `及`.
    pub fn listed_loosely(&self) -> usize {
        self.list
            .split(['、', '和', '及'])
            .filter(|s| !s.trim().is_empty())
            .count()
    }
}

/// What a list of amounts says of its whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Parts after 其中/包括/分别为 (or in 由…组成): they may name only some of the whole.
    Parts,
    /// A 共计/合计/总计 after a run of amounts: it is their sum.
    Total,
}

/// A whole and its parts as the prose lists them, by index into `Report::facts`.
#[derive(Clone, Debug, PartialEq)]
pub struct PartsList {
    /// The whole's fact.
    pub whole: usize,
    /// The parts' facts, in order.
    pub parts: Vec<usize>,
    /// Parts (possibly some) or a total (all).
    pub kind: ListKind,
}

/// The structures the prose states outright, beside its facts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stated {
    /// Formulas written out.
    pub formulas: Vec<Formula>,
    /// The report's grade bands, without repeats.
    pub grade_bands: Vec<GradeBand>,
    /// As-of dates.
    pub as_of_dates: Vec<AsOfDate>,
    /// Counts of indicators.
    pub indicator_counts: Vec<IndicatorCount>,
    /// Wholes and the parts the prose lists for them.
    pub lists: Vec<PartsList>,
}
