//! Structures the prose states outright, read once for the checker: formulas
//! written out (`(a+b+c+d)÷4=r`), the report's grade bands (`得分 ≥ 85 分为优秀`),
//! as-of dates (`截至2021年12月底`) and counts of indicators with the lists they
//! name (`由A、B、C 3 个二级指标构成`).

use std::sync::OnceLock;

use jixiao_model::facts::{AsOfDate, Bound, Formula, GradeBand, IndicatorCount, Term};
use jixiao_model::{Decimal, Document, Paragraph, Stated};
use regex::Regex;

use crate::fields::re;
use crate::mentions::sentences;
use crate::number::Printed;

/// Everything the prose of a document states outright.
pub fn stated(doc: &Document) -> Stated {
    let mut out = Stated::default();
    for p in doc.paragraphs() {
        out.formulas.extend(formulas(p));
        for band in grade_bands(&p.text) {
            if !out.grade_bands.contains(&band) {
                out.grade_bands.push(band);
            }
        }
        out.as_of_dates.extend(as_of_dates(p));
        out.indicator_counts.extend(indicator_counts(p));
    }
    out
}

fn formula_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = r"\d+(?:\.\d+)?%?";
        Regex::new(&format!(r"[(（]\s*({n}(?:\s*[+＋]\s*{n})+)\s*[)）]\s*[÷/]\s*(\d+(?:\.\d+)?)\s*[=＝]\s*(\d+(?:\.\d+)?)(%?)|(?:^|[^\d.])({n}(?:\s*[+＋\-−]\s*{n})+)\s*[=＝]\s*(\d+(?:\.\d+)?)(%?)")).expect("valid regex")
    })
}

fn formulas(p: &Paragraph) -> Vec<Formula> {
    let mut out = Vec::new();
    for caps in formula_re().captures_iter(&p.text) {
        let (terms, divisor, result, pct) = if let Some(t) = caps.get(1) {
            (t.as_str(), caps.get(2), caps.get(3), caps.get(4))
        } else if let Some(t) = caps.get(5) {
            (t.as_str(), None, caps.get(6), caps.get(7))
        } else {
            continue;
        };
        let Some(result) = result else { continue };
        let (Some(number), Some(terms)) = (Printed::parse(result.as_str()), terms_of(terms)) else {
            continue;
        };
        let divisor = match divisor {
            Some(d) => match Printed::parse(d.as_str()) {
                Some(d) => Some(d),
                None => continue,
            },
            None => None,
        };
        out.push(Formula {
            expr: caps
                .get(0)
                .map(|m| m.as_str().trim().to_string())
                .unwrap_or_default(),
            terms,
            divisor,
            result: number,
            percent: pct.is_some_and(|m| !m.as_str().is_empty()),
            source: p.source_at(result.start()),
        });
    }
    out
}

/// `a + b - c`, each term as printed; at least two terms.
fn terms_of(expr: &str) -> Option<Vec<Term>> {
    let mut out = Vec::new();
    let mut negative = false;
    let mut token = String::new();
    let mut flush = |token: &mut String, negative: bool| -> Option<()> {
        let t = token.trim().trim_end_matches('%');
        if !t.is_empty() {
            out.push(Term {
                negative,
                number: Printed::parse(t)?,
            });
        }
        token.clear();
        Some(())
    };
    for c in expr.chars() {
        match c {
            '+' | '＋' | '-' | '−' => {
                flush(&mut token, negative)?;
                negative = matches!(c, '-' | '−');
            }
            c => token.push(c),
        }
    }
    flush(&mut token, negative)?;
    (out.len() >= 2).then_some(out)
}

/// The grade bands a paragraph defines: `得分 ≥ 85 分为优秀`, `75 ≤ 得分 < 85 分为良好`,
/// `90分（含）以上为优`, `60分以下为差`, `80-90分为良`.
fn grade_bands(text: &str) -> Vec<GradeBand> {
    static GRADE: OnceLock<Regex> = OnceLock::new();
    static LO: OnceLock<Regex> = OnceLock::new();
    static HI: OnceLock<Regex> = OnceLock::new();
    static RANGE: OnceLock<Regex> = OnceLock::new();
    let grade = re(
        &GRADE,
        r"为\s*[“\x22「]?(优秀|良好|一般|较差|不合格|合格|优|良|中|差)",
    );
    let lo_re = re(
        &LO,
        r"(?:[≥>]\s*=?\s*(\d+(?:\.\d+)?))|(?:(\d+(?:\.\d+)?)\s*分?\s*(（含）|\(含\))?\s*(?:以上|及以上))|(?:(\d+(?:\.\d+)?)\s*([≤<])\s*(?:得分|总分|分数|评分))",
    );
    let hi_re = re(
        &HI,
        r"(?:(?:得分|总分|分数|评分)\s*([<≤])\s*(\d+(?:\.\d+)?))|(?:(\d+(?:\.\d+)?)\s*分?\s*(（含）|\(含\))?\s*以下)",
    );
    let range_re = re(
        &RANGE,
        r"(\d+(?:\.\d+)?)\s*分?\s*[-—–~～至]\s*(\d+(?:\.\d+)?)\s*分",
    );
    // TeX and ASCII comparisons as some PDF and web converters print them.
    let text = text
        .replace("\\geq", "≥")
        .replace("\\leq", "≤")
        .replace("\\lt", "<")
        .replace("\\gt", ">")
        .replace(['$', ' '], "")
        .replace(">=", "≥")
        .replace("<=", "≤");
    let mut out = Vec::new();
    for clause in text.split(['，', '；', '。', ';', '\n']) {
        let Some(g) = grade.captures(clause) else {
            continue;
        };
        let grade_at = g.get(0).map_or(0, |m| m.start());
        let head = &clause[..grade_at];
        let bound = |s: &str, inclusive: bool| {
            s.parse::<Decimal>()
                .ok()
                .map(|value| Bound { value, inclusive })
        };
        let mut band = GradeBand {
            grade: g[1].to_string(),
            low: None,
            high: None,
        };
        if let Some(r) = range_re.captures(head) {
            band.low = bound(&r[1], true);
            band.high = bound(&r[2], true);
        } else {
            if let Some(c) = lo_re.captures(head) {
                band.low = if let Some(v) = c.get(1) {
                    let inclusive = head[..v.start()].contains('≥');
                    bound(v.as_str(), inclusive)
                } else if let Some(v) = c.get(2) {
                    bound(v.as_str(), true)
                } else {
                    c.get(4).and_then(|v| {
                        bound(v.as_str(), c.get(5).is_some_and(|op| op.as_str() == "≤"))
                    })
                };
            }
            if let Some(c) = hi_re.captures(head) {
                band.high = if let Some(v) = c.get(2) {
                    bound(v.as_str(), c.get(1).is_some_and(|op| op.as_str() == "≤"))
                } else {
                    c.get(3).and_then(|v| bound(v.as_str(), c.get(4).is_some()))
                };
            }
        }
        if (band.low.is_some() || band.high.is_some()) && !out.contains(&band) {
            out.push(band);
        }
    }
    out
}

fn as_of_dates(p: &Paragraph) -> Vec<AsOfDate> {
    static AS_OF: OnceLock<Regex> = OnceLock::new();
    let as_of = re(
        &AS_OF,
        r"(?:截至|截止|截止到|截至到)\s*((?:19|20)\d{2})\s*年",
    );
    let mut out = Vec::new();
    for (start, sentence) in sentences(&p.text) {
        for c in as_of.captures_iter(sentence) {
            let Some(y) = c.get(1) else { continue };
            let Ok(year) = y.as_str().parse::<i32>() else {
                continue;
            };
            out.push(AsOfDate {
                year,
                source: p.source_at(start + y.start()),
                sentence: sentence.to_string(),
            });
        }
    }
    out
}

fn indicator_counts(p: &Paragraph) -> Vec<IndicatorCount> {
    static COUNT: OnceLock<Regex> = OnceLock::new();
    let count_re = re(&COUNT, r"(\d+)\s*个\s*([一二三])级指标");
    let mut out = Vec::new();
    for (start, sentence) in sentences(&p.text) {
        let mut list_start = 0;
        for c in count_re.captures_iter(sentence) {
            let (Some(whole), Ok(stated)) = (c.get(0), c[1].parse::<usize>()) else {
                continue;
            };
            let level = match &c[2] {
                "一" => 1,
                "二" => 2,
                _ => 3,
            };
            // The list written before the count, back to 由 or the previous count's 和.
            let before = &sentence[list_start..whole.start()];
            list_start = whole.end();
            let list = before.rsplit_once('由').map_or(before, |(_, l)| l);
            let list = list.trim_start_matches(['和', '及', '、']).trim();
            out.push(IndicatorCount {
                stated,
                level,
                list: list.to_string(),
                whole_system: ["设置", "下设", "设定", "共设", "共", "共计"]
                    .iter()
                    .any(|w| before.trim_end().ends_with(w)),
                source: p.source_at(start + whole.start()),
                sentence: sentence.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_model::Source;

    #[test]
    fn formulas_keep_their_terms_and_divisor() {
        let p = Paragraph::new(
            "综合得分=(95+90.5+88+92)÷4=91.38%，合计19+19.99=38.99。",
            Source::default(),
        );
        let f = formulas(&p);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].terms.len(), 4);
        assert_eq!(f[0].divisor.map(|d| d.value), Some(Decimal::from(4)));
        assert!(f[0].percent);
        assert_eq!(f[1].result.decimals, 2);
    }

    #[test]
    fn bands_read_each_way_of_writing_them() {
        let b = grade_bands("90分（含）以上为优，80-90分为良，得分<60分为差。");
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b[0].contains(Decimal::from(90)));
        assert!(b[1].contains(Decimal::from(85)) && !b[1].contains(Decimal::from(91)));
        assert!(b[2].contains(Decimal::from(59)) && !b[2].contains(Decimal::from(60)));
    }

    #[test]
    fn counts_keep_the_list_they_name() {
        let p = Paragraph::new(
            "产出由数量、质量、时效3个二级指标构成，共设17个三级指标。",
            Source::default(),
        );
        let c = indicator_counts(&p);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].stated, c[0].level, c[0].listed()), (3, 2, 3));
        assert!(!c[0].whole_system && c[1].whole_system);
    }
}
