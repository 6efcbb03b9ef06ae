//! Structures the prose states outright, read once for the checker: formulas
//! written out (`(a+b+c+d)÷4=r`), the report's grade bands (`得分 ≥ 85 分为优秀`),
//! as-of dates (`截至2021年12月底`), counts of indicators with the lists they
//! name (`由A、B、C 3 个二级指标构成`) and counts of other things followed by
//! their names (`直属事业单位10个,即A、B、…`, `共设A、B、C三个股室`).

use std::sync::OnceLock;

use jixiao_model::facts::{
    AsOfDate, Bound, Expr, Formula, GradeBand, GradedScore, IndicatorCount, NamedCount, Operator,
};
use jixiao_model::{Decimal, Document, Paragraph, Stated};
use regex::Regex;

use crate::fields::re;
use crate::mentions::sentences;
use crate::number::Printed;

/// Everything the prose of a document states outright.
pub fn stated(doc: &Document) -> Stated {
    let mut out = Stated::default();
    for (i, p) in doc.paragraphs().enumerate() {
        out.formulas.extend(formulas(p, i));
        out.formulas.extend(bracketed_ratios(p, i));
        out.formulas.extend(bracketed_arithmetic(p, i));
        for band in grade_bands(&p.text) {
            if !out.grade_bands.contains(&band) {
                out.grade_bands.push(band);
            }
        }
        out.graded_scores.extend(graded_scores(p));
        out.as_of_dates.extend(as_of_dates(p));
        out.indicator_counts.extend(indicator_counts(p));
        out.named_counts.extend(named_counts(p));
        out.score_by_rate
            .extend(score_by_rate(&p.text).map(|at| p.source_at(at)));
    }
    for t in doc.tables() {
        for cell in t.rows.iter().flatten() {
            if score_by_rate(&cell.text).is_some() {
                out.score_by_rate.push(cell.source.clone());
            }
        }
    }
    out
}

/// Where `text` writes a score as a rate times full marks: `执行率×分值`,
/// `(20分*执行率)`, `预算执行率 *100%*4 分`, `到位率乘以权重分`.
fn score_by_rate(text: &str) -> Option<usize> {
    static RULE: OnceLock<Regex> = OnceLock::new();
    let rule = re(
        &RULE,
        r"(?:执行率|到位率|支付率|完成率)[^。；;，,\n]{0,10}?(?:[×*xX✕]|乘以)[^。；;，,\n]{0,10}?(?:分|权重)|(?:\d+\s*分|分值|权重分?)\s*(?:[×*xX✕]|乘以)[^。；;，,\n]{0,8}?(?:执行率|到位率|支付率|完成率)",
    );
    rule.find(text).map(|m| m.start())
}

/// Characters a written-out formula is made of: numbers, operators,
/// brackets and the spaces between them.
fn in_formula(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '.' | ','
                | '%'
                | '％'
                | '('
                | ')'
                | '（'
                | '）'
                | '+'
                | '＋'
                | '-'
                | '−'
                | '×'
                | '*'
                | '÷'
                | '/'
                | 'x'
                | 'X'
                | '✕'
                | ' '
        )
}

/// Formulas written out with their numbers: whatever arithmetic stands
/// between the text and an `=` (`(63.46-32)÷32=98.31%`, `(a+b+c)÷3=r`,
/// `112.33/116.62×100%=96.32%`, `10×96.32%=9.63`) and the number after it.
/// The result may be signed (`(18.6-21.4)÷21.4×100%=-13.08%`, a fall).
/// A result that goes on as arithmetic (`a=b+c`) is no result; a formula
/// with a year in it (`2024-2021=3`) is a date, not arithmetic.
fn formulas(p: &Paragraph, paragraph: usize) -> Vec<Formula> {
    static RESULT: OnceLock<Regex> = OnceLock::new();
    let result_re = re(
        &RESULT,
        r"^\s*([-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))\s*([%％]?)",
    );
    let text = &p.text;
    let mut out = Vec::new();
    for (eq, c) in text.char_indices().filter(|(_, c)| matches!(c, '=' | '＝')) {
        let after = &text[eq + c.len_utf8()..];
        let Some(caps) = result_re.captures(after) else {
            continue;
        };
        let (Some(whole), Some(number)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let rest = after[whole.end()..].trim_start();
        let percent = caps.get(2).is_some_and(|m| !m.as_str().is_empty());
        // A `%` ends the number: a digit after it is the next line's (`98.31%0过程`).
        if rest
            .starts_with(|c: char| (c.is_ascii_digit() && !percent) || "+＋-−×*÷/=＝.".contains(c))
        {
            continue;
        }
        let before = &text[..eq];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| in_formula(*c))
            .last()
            .map_or(eq, |(i, _)| i);
        let written = before[start..]
            .trim()
            .trim_start_matches(|c: char| !(c.is_ascii_digit() || c == '(' || c == '（'));
        let Some(tree) = parse_formula(written) else {
            continue;
        };
        let Some(result) = Printed::parse(number.as_str()) else {
            continue;
        };
        let magnitude = if rest.starts_with('万') {
            Some(Decimal::from(10_000))
        } else if rest.starts_with('亿') {
            Some(Decimal::from(100_000_000))
        } else {
            None
        };
        out.push(Formula {
            expr: format!("{written}={}", whole.as_str().trim()),
            tree,
            result,
            percent,
            magnitude,
            source: p.source_at(eq + c.len_utf8() + number.start()),
            paragraph,
            // (`written` is a slice of `text`.)
            start: written.as_ptr() as usize - text.as_ptr() as usize,
        });
    }
    out
}

/// `预算执行率为97.75%（195.5/200）`: a percentage followed by the division it
/// was computed as, in brackets (the amounts may carry 万元). Read as the
/// formula `195.5/200=97.75%`; a bracket holding anything else is no ratio.
fn bracketed_ratios(p: &Paragraph, paragraph: usize) -> Vec<Formula> {
    static RATIO: OnceLock<Regex> = OnceLock::new();
    let ratio_re = re(
        &RATIO,
        r"(\d+(?:\.\d+)?)\s*[%％]\s*[（(]([\d.,\s万元/÷×*%％]+)[）)]",
    );
    let mut out = Vec::new();
    for c in ratio_re.captures_iter(&p.text) {
        let (Some(rate), Some(inner)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let written = inner.as_str().replace("万元", "");
        let written = written.trim();
        let Some(tree) = parse_formula(written).filter(|_| written.contains(['/', '÷'])) else {
            continue;
        };
        let Some(result) = Printed::parse(rate.as_str()) else {
            continue;
        };
        out.push(Formula {
            expr: format!("{written}={}%", rate.as_str()),
            tree,
            result,
            percent: true,
            magnitude: None,
            source: p.source_at(rate.start()),
            paragraph,
            start: rate.start(),
        });
    }
    out
}

/// `867万元（289户×3万元）`, `52,790.40元（120人×36.66元/月×12个月）`: an amount
/// followed by the arithmetic it was computed as, in brackets, each number
/// with its unit. Read as the formula `289×3=867` (a result in 万元 over
/// operands in 元 at its magnitude); a bracket with anything but numbers,
/// their units and operators is no arithmetic.
fn bracketed_arithmetic(p: &Paragraph, paragraph: usize) -> Vec<Formula> {
    static WRITTEN: OnceLock<Regex> = OnceLock::new();
    let written_re = re(
        &WRITTEN,
        r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)\s*[（(]([^（）()]{3,60})[）)]",
    );
    // Units a number in the bracket may carry, and what a standard is per.
    let unit_char = |c: char| jixiao_model::is_han(c) || matches!(c, '/' | '·' | '／' | '㎡' | ' ');
    let mut out = Vec::new();
    for c in written_re.captures_iter(&p.text) {
        let (Some(amount), Some(unit), Some(inner)) = (c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let inner = inner.as_str();
        // A dash between figures in brackets is a range (`（1-6月）`), no
        // subtraction; nor is a bracket without a product, quotient or sum.
        if inner.contains(['-', '−', '~', '～', '至'])
            || !inner.contains(['×', '*', '÷', '+', 'x', 'X'])
        {
            continue;
        }
        // Every number carries a unit (or none); words elsewhere make it a note.
        let arithmetic: String = inner.chars().filter(|&c| !unit_char(c)).collect();
        let stripped_words = inner.chars().filter(|&c| unit_char(c) && c != ' ').count();
        let words_only_after_numbers = inner.split(['×', '*', '÷', '+', 'x', 'X']).all(|term| {
            let term = term.trim();
            term.starts_with(|c: char| c.is_ascii_digit())
                && term
                    .chars()
                    .skip_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
                    .all(unit_char)
        });
        if !words_only_after_numbers || stripped_words > 12 {
            continue;
        }
        let Some(tree) = parse_formula(arithmetic.trim()) else {
            continue;
        };
        let Some(result) = Printed::parse(amount.as_str()) else {
            continue;
        };
        // Operands in 元 beside a result in 万元 (or 亿元) are at its magnitude.
        let magnitude = match unit.as_str() {
            "万元" if !inner.contains("万") => Some(Decimal::from(10_000)),
            "亿元" if !inner.contains("亿") => Some(Decimal::from(100_000_000)),
            _ => None,
        };
        out.push(Formula {
            expr: format!("{}={}{}", arithmetic.trim(), amount.as_str(), unit.as_str()),
            tree,
            result,
            percent: false,
            magnitude,
            source: p.source_at(amount.start()),
            paragraph,
            start: amount.start(),
        });
    }
    out
}

/// A token of a written formula.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Token {
    Number(Printed, bool),
    Op(Operator),
    Open,
    Close,
}

fn tokens(written: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = written.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            ' ' => {}
            '(' | '（' => out.push(Token::Open),
            ')' | '）' => out.push(Token::Close),
            '+' | '＋' => out.push(Token::Op(Operator::Add)),
            '-' | '−' => out.push(Token::Op(Operator::Sub)),
            '×' | '*' | 'x' | 'X' | '✕' => out.push(Token::Op(Operator::Mul)),
            '÷' | '/' => out.push(Token::Op(Operator::Div)),
            d if d.is_ascii_digit() => {
                let from = i - 1;
                while chars
                    .get(i)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                {
                    i += 1;
                }
                let printed: String = chars[from..i].iter().collect();
                // Commas only as thousands separators (`2,589,000`).
                if printed.contains(',')
                    && !printed
                        .split('.')
                        .next()
                        .is_some_and(|int| int.split(',').skip(1).all(|g| g.len() == 3))
                {
                    return None;
                }
                let percent = chars.get(i).is_some_and(|c| matches!(c, '%' | '％'));
                i += usize::from(percent);
                out.push(Token::Number(Printed::parse(&printed)?, percent));
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Parses a written formula (operators with their usual precedence,
/// brackets); `None` unless it is all arithmetic with at least one operator.
fn parse_formula(written: &str) -> Option<Expr> {
    let tokens = tokens(written)?;
    let numbers: Vec<Printed> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Number(n, _) => Some(*n),
            _ => None,
        })
        .collect();
    let year = |n: &Printed| {
        n.decimals == 0 && (Decimal::from(1990)..=Decimal::from(2035)).contains(&n.value)
    };
    // A written formula has a handful of terms; a run of thousands is no formula,
    // and its tree (one level a term) would be too deep to walk.
    if numbers.len() < 2 || numbers.len() > MAX_TERMS || numbers.iter().any(year) {
        return None;
    }
    let mut at = 0;
    let tree = sum(&tokens, &mut at, 0)?;
    (at == tokens.len()).then_some(tree)
}

/// Brackets nest at most this deep: a formula, not a fuzzer's stack.
const MAX_NESTING: usize = 16;

/// The most terms a written formula is read with.
const MAX_TERMS: usize = 64;

fn sum(tokens: &[Token], at: &mut usize, depth: usize) -> Option<Expr> {
    let mut left = product(tokens, at, depth)?;
    while let Some(Token::Op(op @ (Operator::Add | Operator::Sub))) = tokens.get(*at) {
        *at += 1;
        let right = product(tokens, at, depth)?;
        left = Expr::Op(Box::new(left), *op, Box::new(right));
    }
    Some(left)
}

fn product(tokens: &[Token], at: &mut usize, depth: usize) -> Option<Expr> {
    let mut left = atom(tokens, at, depth)?;
    while let Some(Token::Op(op @ (Operator::Mul | Operator::Div))) = tokens.get(*at) {
        *at += 1;
        let mut right = atom(tokens, at, depth)?;
        // `(a+b+c)÷3`: a whole divisor of a bracketed sum counts its terms.
        if let (Operator::Div, Expr::Number { number, count, .. }) = (op, &mut right) {
            *count =
                number.decimals == 0 && all_added(&left) && bracketed(tokens, at.saturating_sub(2));
        }
        left = Expr::Op(Box::new(left), *op, Box::new(right));
    }
    Some(left)
}

fn atom(tokens: &[Token], at: &mut usize, depth: usize) -> Option<Expr> {
    match tokens.get(*at)? {
        Token::Number(number, percent) => {
            *at += 1;
            Some(Expr::Number {
                number: *number,
                percent: *percent,
                count: false,
            })
        }
        Token::Open if depth < MAX_NESTING => {
            *at += 1;
            let inner = sum(tokens, at, depth + 1)?;
            (tokens.get(*at) == Some(&Token::Close)).then(|| *at += 1)?;
            Some(inner)
        }
        _ => None,
    }
}

/// True when the expression is a sum of two or more numbers.
fn all_added(e: &Expr) -> bool {
    match e {
        Expr::Op(a, Operator::Add, b) => {
            matches!(**b, Expr::Number { .. })
                && (matches!(**a, Expr::Number { .. }) || all_added(a))
        }
        _ => false,
    }
}

/// True when the token before the operator at `op` closes a bracket.
fn bracketed(tokens: &[Token], op: usize) -> bool {
    op.checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| *t == Token::Close)
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
        r"(\d+(?:\.\d+)?)\s*分?\s*(?:（含）|\(含\))?\s*[-—–~～至]\s*(\d+(?:\.\d+)?)\s*分",
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
    // Each grade named in a clause with the words since the last one
    // (`评价等级为“优秀”（90分及以上为优秀）`: the second is the band).
    let named = text
        .split(['，', '；', '。', ';', '\n'])
        .flat_map(|clause| {
            let mut from = 0;
            grade.captures_iter(clause).filter_map(move |g| {
                let m = g.get(0)?;
                let head = &clause[from..m.start()];
                from = m.end();
                Some((head, g))
            })
        });
    // `评价等级为“良”（80≤得分<90）`: the band in brackets right after its grade.
    static AFTER: OnceLock<Regex> = OnceLock::new();
    let after = re(
        &AFTER,
        r"为\s*[“\x22「]?(优秀|良好|一般|较差|不合格|合格|优|良|中|差)[”\x22」]?\s*[（(]([^（）()]{1,30})[）)]",
    );
    let bracketed: Vec<(String, String)> = after
        .captures_iter(&text)
        // Not a scale in brackets (`为“优秀”（90分及以上为优秀、80-90分为良好）`).
        .filter(|c| !grade.is_match(&c[2]))
        .map(|c| (c[2].to_string(), c[1].to_string()))
        .collect();
    let named = named.map(|(head, g)| (head.to_string(), g[1].to_string()));
    for (head, grade) in named.chain(bracketed) {
        let head = head.as_str();
        let bound = |s: &str, inclusive: bool| {
            s.parse::<Decimal>()
                .ok()
                .map(|value| Bound { value, inclusive })
        };
        let mut band = GradeBand {
            grade,
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

/// `项目自评得分86分，评价等级为良好`: a score and the grade its sentence
/// gives it (the score nearest before the grade: `决策部分得分19分，…总体评价
/// 得分97.32分，评价结果为优`). A band of the scale (`90分（含）以上为优秀`) is
/// no score.
fn graded_scores(p: &Paragraph) -> Vec<GradedScore> {
    static SCORE: OnceLock<Regex> = OnceLock::new();
    let score = re(
        &SCORE,
        r"(?:得分|得)\s*(?:为|是|：|:|达)?\s*(\d+(?:\.\d+)?)\s*分",
    );
    let mut out = Vec::new();
    for (start, sentence) in sentences(&p.text) {
        let Some(g) = crate::fields::grade_re().captures(sentence) else {
            continue;
        };
        let Some(grade_at) = g.get(0).map(|m| m.start()) else {
            continue;
        };
        let Some(c) = score.captures_iter(&sentence[..grade_at]).last() else {
            continue;
        };
        let (Some(whole), Some(number)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if crate::fields::opens_a_band(&sentence[whole.end()..]) {
            continue;
        }
        let Ok(value) = number.as_str().parse::<Decimal>() else {
            continue;
        };
        out.push(GradedScore {
            score: value,
            grade: g[1].to_string(),
            source: p.source_at(start + number.start()),
            sentence: sentence.to_string(),
        });
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
                month_end: month_end(year, &sentence[c.get(0).map_or(0, |m| m.end())..]),
                source: p.source_at(start + y.start()),
                sentence: sentence.to_string(),
            });
        }
    }
    out
}

/// The month whose end the words after `截至2023年` name: `9月底`, `9月末`,
/// `9月30日` (the month's last day), `底` / `末` alone (the year's end).
fn month_end(year: i32, after_year: &str) -> Option<u32> {
    let t = after_year.trim_start();
    if t.starts_with(['底', '末']) {
        return Some(12);
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let month: u32 = digits.parse().ok().filter(|m| (1..=12).contains(m))?;
    let rest = t[digits.len()..]
        .trim_start()
        .strip_prefix('月')?
        .trim_start();
    if rest.starts_with(['底', '末']) {
        return Some(month);
    }
    let day: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let last = jixiao_model::days_in_month(year, month);
    let is_a_day = rest[day.len()..].trim_start().starts_with(['日', '号']);
    (is_a_day && day.parse::<u32>().ok() == Some(last)).then_some(month)
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

/// A count written in Chinese numerals (`两`, `十二`, `二十一`), as counts of
/// units and bodies often are.
pub(crate) fn chinese_count(s: &str) -> Option<usize> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| i / '一'.len_utf8())
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
    .filter(|n| *n > 0)
}

/// The count a numeral states, in digits or Chinese.
fn count_of(numeral: &str) -> Option<usize> {
    numeral.parse().ok().or_else(|| chinese_count(numeral))
}

/// The characters of `text` that stand outside brackets, with their offsets.
fn outside_brackets(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    text.char_indices().filter(move |&(_, c)| {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => return depth == 0,
        }
        false
    })
}

/// Splits a list at `、` outside brackets: `组织宣传处(人事处、对外联络处)` is one name.
fn top_level_names(list: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut from = 0;
    for (i, c) in outside_brackets(list).filter(|&(_, c)| c == '、') {
        names.push(list[from..i].trim().to_string());
        from = i + c.len_utf8();
    }
    names.push(list[from..].trim().to_string());
    names.retain(|n| !n.is_empty());
    names
}

/// Whether a list of names can be counted: not one that ends in 等 (some of
/// them), holds numbers (numbered or nested lists) or a clause break outside
/// brackets, and names two or more.
fn countable(list: &str, names: &[String]) -> bool {
    let breaks =
        outside_brackets(list).any(|(_, c)| matches!(c, '，' | ',' | '：' | ':' | '；' | ';'));
    !(list.ends_with('等')
        || names.iter().any(|n| n.ends_with('等'))
        || breaks
        || list.chars().any(|ch| ch.is_ascii_digit())
        || names.len() < 2)
}

/// `甲县7,456.00万元、乙县6,524.00万元、丙区4,660.00万元，分别占…`: names listed
/// each with its amount (up to the clause's end), the names alone; none
/// unless every item is a name of no digit and an amount of money.
fn names_with_amounts(list: &str) -> Option<Vec<String>> {
    let clause = list.split(['，', '；', ';', '。']).next()?;
    let names: Vec<String> = clause
        .split('、')
        .map(|item| {
            let amount = ["万元", "亿元", "元"]
                .iter()
                .find_map(|u| item.trim().strip_suffix(u))?;
            let name =
                amount.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
            (name.len() < amount.len()
                && !name.is_empty()
                && !name.chars().any(|c| c.is_ascii_digit()))
            .then(|| name.trim().to_string())
        })
        .collect::<Option<Vec<String>>>()?;
    (names.len() >= 2).then_some(names)
}

/// Counts of things (个/家/所/项/名) with the names they count, either way
/// round: the names after 即 / 分别为 / 分别是 / 包括 (`直属事业单位10个,即A、B、…`),
/// or before the count after a verb of having (`共设A、B、…、L12个内设机构`).
fn named_counts(p: &Paragraph) -> Vec<NamedCount> {
    const VERBS_OF_HAVING: &[&str] = &[
        "共设", "下设", "内设", "设有", "设立", "共有", "包括", "包含",
    ];
    static AFTER: OnceLock<Regex> = OnceLock::new();
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    const NUMERAL: &str = r"(\d+|[一二两三四五六七八九十]{1,3})";
    let after_re = re(
        &AFTER,
        &format!(
            r"{NUMERAL}\s*(?:个|家|所|项|名)([^，,。；;：:、\d\s]{{0,8}})[，,]?\s*(?:即|分别为|分别是|包括)[:：]?"
        ),
    );
    let before_re = re(
        &BEFORE,
        &format!(
            r"(?:{})([^，,。；;：:\d]+?){NUMERAL}\s*(?:个|家|所|项)([^，,。；;：:、\d\s]{{0,8}})",
            VERBS_OF_HAVING.join("|")
        ),
    );
    let mut out = Vec::new();
    for (start, sentence) in sentences(&p.text) {
        // What is counted: the words before `at` back to the clause's start, and a noun.
        let label_at = |at: usize, noun: &str| {
            format!(
                "{}{noun}",
                sentence[..at]
                    .rsplit(['，', ',', '；', '：', ':', '。'])
                    .next()
                    .unwrap_or("")
                    .trim()
            )
        };
        for c in after_re.captures_iter(sentence) {
            let (Some(whole), Some(n)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let Some(stated) = count_of(n.as_str()) else {
                continue;
            };
            let list = sentence[whole.end()..]
                .trim_end_matches(['。', '；', ';', '！', ' '])
                .trim();
            let label = label_at(n.start(), c.get(2).map_or("", |m| m.as_str()));
            let with_amounts = names_with_amounts(list);
            let names = with_amounts
                .clone()
                .unwrap_or_else(|| top_level_names(list));
            if label.is_empty() || !(with_amounts.is_some() || countable(list, &names)) {
                continue;
            }
            out.push(NamedCount {
                stated,
                label,
                names,
                source: p.source_at(start + n.start()),
                sentence: sentence.to_string(),
            });
        }
        for c in before_re.captures_iter(sentence) {
            let (Some(whole), Some(list), Some(n)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let Some(stated) = count_of(n.as_str()) else {
                continue;
            };
            // The list runs from the last verb of having before the count
            // (`内设机构包括A、B…`: from 包括).
            let (verb_at, list) = match VERBS_OF_HAVING
                .iter()
                .filter_map(|v| list.as_str().rfind(v).map(|i| (i, i + v.len())))
                .max()
            {
                Some((verb, end)) => (list.start() + verb, &list.as_str()[end..]),
                None => (whole.start(), list.as_str()),
            };
            // `A、B共3个` counts them; `A、B和4个专门委员会` counts another group.
            let list = list.trim_end().trim_end_matches('共').trim_end();
            if ["和", "及", "与"].iter().any(|w| list.ends_with(w)) {
                continue;
            }
            let names = top_level_names(list);
            // A count far from the names before it counts something else
            // (`包括城关镇、八一乡32个行政村`: the villages of two towns).
            if !countable(list, &names) || stated > 2 * names.len() || names.len() > 2 * stated {
                continue;
            }
            let noun = c.get(3).map_or("", |m| m.as_str());
            let noun = noun.split(['和', '及']).next().unwrap_or(noun);
            let label = label_at(verb_at, noun);
            out.push(NamedCount {
                stated,
                label,
                names,
                source: p.source_at(start + n.start()),
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
    fn a_score_written_as_a_rate_times_full_marks() {
        for said in [
            "得分 (20分*执行率)",
            "预算执行率得分=执行率×分值",
            "该项得分 = 预算执行率 *100%*4 分",
            "按资金到位率乘以权重分计算",
            "得分=10分×预算执行率",
        ] {
            assert!(score_by_rate(said).is_some(), "{said}");
        }
        for not in [
            "执行率100%得满分，每低1个百分点扣0.1分",
            "得分 = 完成值/目标值",
            "执行率 99% 得分 9",
        ] {
            assert!(score_by_rate(not).is_none(), "{not}");
        }
    }

    #[test]
    fn formulas_keep_their_arithmetic() {
        let p = Paragraph::new(
            "综合得分=(95+90.5+88+92)÷4=91.38%，合计19+19.99=38.99。变动率=(本年度预算数-上年度)÷上年度=(63.46-32)÷32=98.31%，得分10×96.32%=9.63；2024-2021=3年；合计1675.98=932.98+743。",
            Source::default(),
        );
        let f = formulas(&p, 0);
        assert_eq!(f.len(), 4, "{f:?}");
        assert_eq!(f[0].tree.numbers().len(), 5);
        // The average's divisor counts its terms; 32 after a difference does not.
        let Expr::Op(_, Operator::Div, d) = &f[0].tree else {
            panic!("{:?}", f[0].tree)
        };
        assert!(matches!(**d, Expr::Number { count: true, .. }));
        assert!(f[0].percent);
        assert_eq!(f[1].result.decimals, 2);
        assert_eq!(f[2].expr, "(63.46-32)÷32=98.31%");
        let Expr::Op(_, Operator::Div, d) = &f[2].tree else {
            panic!("{:?}", f[2].tree)
        };
        assert!(matches!(**d, Expr::Number { count: false, .. }));
        assert!(matches!(
            &f[3].tree,
            Expr::Op(_, Operator::Mul, b) if matches!(**b, Expr::Number { percent: true, .. })
        ));
    }

    #[test]
    fn a_run_of_thousands_of_terms_is_no_formula() {
        let long = format!("{}1=5000", "1+".repeat(200_000));
        assert!(formulas(&Paragraph::new(long, Source::default()), 0).is_empty());
        let nested = format!("{}1{}+1=2", "(".repeat(100), ")".repeat(100));
        assert!(formulas(&Paragraph::new(nested, Source::default()), 0).is_empty());
    }

    #[test]
    fn bands_read_each_way_of_writing_them() {
        let b = grade_bands("90分（含）以上为优，80-90分为良，得分<60分为差。");
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b[0].contains(Decimal::from(90)));
        assert!(b[1].contains(Decimal::from(85)) && !b[1].contains(Decimal::from(91)));
        assert!(b[2].contains(Decimal::from(59)) && !b[2].contains(Decimal::from(60)));
        // The band after the grade a clause gives, in its brackets.
        let b = grade_bands("评价等级为“优秀”（90分及以上为优秀、80-90分为良好）。");
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(b[0].grade, "优秀");
        assert!(b[0].contains(Decimal::from(90)) && !b[0].contains(Decimal::from(89)));
        assert!(b[1].contains(Decimal::from(85)));
        // A range's low end marked inclusive (`80（含）-90分`, `80分（含）至90分`).
        for text in [
            "90分（含）以上为优，80（含）-90分为良，60分以下为差。",
            "90分（含）以上为优，80分（含）至90分为良，60分以下为差。",
        ] {
            let b = grade_bands(text);
            assert_eq!(b.len(), 3, "{b:?}");
            assert!(b[1].contains(Decimal::from(87)) && !b[1].contains(Decimal::from(79)));
        }
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
