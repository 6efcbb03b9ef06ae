//! Character- and line-level clean-up shared by every reader.

/// True for Han characters and CJK punctuation / full-width forms: the characters
/// between which a line wrap or a layout space is never a real space.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFE30..=0xFE4F // compatibility forms
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x2FFFF
        | 0x2018..=0x201F // curly quotes, used with Chinese text
        | 0x2026 | 0x2014 | 0x00B7 | 0x2103 | 0x2264 | 0x2265)
}

/// Folds one character: full-width digits, Latin letters and the arithmetic
/// signs to ASCII (`１２％` → `12%`), the ideographic space to a space, and
/// zero-width or control characters (but tab) to nothing. Chinese punctuation
/// such as `，` `（` `：` stays: it is how the text is meant to read.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        '％' => Some('%'),
        '．' => Some('.'),
        '＋' => Some('+'),
        '－' => Some('-'),
        '＝' | '﹦' => Some('='),
        '＜' | '﹤' => Some('<'),
        '＞' | '﹥' => Some('>'),
        '﹪' => Some('%'),
        // The signs a form's 指标性质 column prints in their other shapes.
        '≧' => Some('≥'),
        '≦' => Some('≤'),
        '／' => Some('/'),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' => Some(' '),
        '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{00AD}' => None,
        '\t' => Some('\t'),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Folds every character of a line (see [`fold_char`]).
pub fn fold_line(line: &str) -> String {
    line.chars().filter_map(fold_char).collect()
}

/// Cleans a piece of inline text as a person would read it: drops markdown
/// emphasis, removes spaces that layout put between Chinese characters or
/// between Chinese and numbers (`2022 年度` → `2022年度`, `事务 中心` → `事务中心`),
/// closes `< 2208` to `<2208`, and squeezes remaining runs of spaces to one.
pub fn clean_inline(text: &str) -> String {
    let text = text.replace("**", "");
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let start = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            let prev = if start == 0 {
                None
            } else {
                Some(chars[start - 1])
            };
            let next = chars.get(i).copied();
            if let (Some(p), Some(n)) = (prev, next) {
                let glue = is_cjk(p)
                    || is_cjk(n)
                    || matches!(p, '<' | '>' | '≥' | '≤' | '=')
                    || (p == '.'
                        && n.is_ascii_digit()
                        && start >= 2
                        && chars[start - 2].is_ascii_digit());
                if !glue {
                    out.push(' ');
                }
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Appends a wrapped line's continuation: a wrap between two Latin words was a
/// space; anywhere else (Chinese, a number cut by the wrap) it was nothing.
pub fn push_wrapped(out: &mut String, next: &str) {
    let words = out.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
        && next.starts_with(|c: char| c.is_ascii_alphabetic());
    if words {
        out.push(' ');
    }
    out.push_str(next);
}

/// Display width: CJK characters count 2, others 1. Used to tell a line
/// wrapped at the page width from a short line that ends a paragraph.
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_digits_but_keeps_chinese_punctuation() {
        assert_eq!(
            fold_line("执行率９９．８２％（全年）"),
            "执行率99.82%（全年）"
        );
        assert_eq!(fold_line("a\u{200B}b\u{3000}c"), "ab c");
        assert_eq!(fold_line("﹦ | 100 | ≧95﹪ | ≦3"), "= | 100 | ≥95% | ≤3");
    }

    #[test]
    fn removes_layout_spaces_around_chinese_only() {
        assert_eq!(
            clean_inline("深圳市福田区总工会 2022 年度 重点项目"),
            "深圳市福田区总工会2022年度重点项目"
        );
        assert_eq!(clean_inline("事务 中心"), "事务中心");
        assert_eq!(clean_inline("< 2208 人"), "<2208人");
        assert_eq!(clean_inline("**3. 项目资金**"), "3.项目资金");
        assert_eq!(clean_inline("MEMS sensor  base"), "MEMS sensor base");
        assert_eq!(clean_inline("4. 0"), "4.0");
        assert_eq!(clean_inline("5 5"), "5 5");
    }
}

/// Text as the vocabulary reads it: a page a mirror site gave in traditional
/// characters (`資金總額`) turned to simplified, and the pinyin glosses some
/// mirrors insert after characters (`項(xiàng)目`) dropped. Simplified text is
/// left alone: a few characters that also exist in simplified writing
/// (`著`, `乾`) must not be converted in it, so the whole text is converted
/// only when a real share of its Chinese characters is traditional.
pub fn normalize_script(text: &str) -> std::borrow::Cow<'_, str> {
    let text = drop_pinyin_glosses(text);
    // Characters only traditional text uses, and uses everywhere: without one
    // of them in the opening, the text is not traditional (and a long page is
    // not converted for nothing).
    const TRADITIONAL: &str = "們這為與經資項業區會國關於對說過還時從當發開門來體點實現產見務問題頁總額標準績評價報據單據計劃執況";
    if !text.chars().take(200_000).any(|c| TRADITIONAL.contains(c)) {
        return text;
    }
    let converted = simplet2s::convert(&text);
    let (mut han, mut changed) = (0usize, 0usize);
    for (a, b) in text.chars().zip(converted.chars()) {
        if is_cjk(a) {
            han += 1;
            changed += usize::from(a != b);
        }
    }
    // One character in twenty: traditional text changes about one in four.
    let traditional = converted.chars().count() == text.chars().count() && changed * 20 > han;
    if traditional {
        std::borrow::Cow::Owned(converted)
    } else {
        text
    }
}

/// `項(xiàng)目` → `項目`: a parenthesis right after a Han character holding
/// only lowercase pinyin (with tone marks or tone digits).
fn drop_pinyin_glosses(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('(') && !text.contains('（') {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let is_pinyin = |c: char| {
        c.is_ascii_lowercase()
            || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ".contains(c)
            || ('1'..='5').contains(&c)
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut dropped = false;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '(' | '（') && i > 0 && is_cjk(chars[i - 1]) {
            let close = chars[i + 1..]
                .iter()
                .take(8)
                .position(|&d| matches!(d, ')' | '）'));
            if let Some(len) = close.filter(|&n| n > 0) {
                let inner = &chars[i + 1..i + 1 + len];
                // Letters with tone marks or a tone digit: a gloss, not a word such
                // as (print), nor a weight such as (3).
                let marked = inner.iter().any(|c| !c.is_ascii_lowercase());
                let lettered = inner.iter().any(|c| !c.is_ascii_digit());
                if inner.iter().all(|&c| is_pinyin(c)) && marked && lettered {
                    i += len + 2;
                    dropped = true;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    if dropped {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod script_tests {
    use super::*;

    #[test]
    fn traditional_text_is_read_as_simplified() {
        let t = "2023年臨河區中央農業防災減災資金總額118萬元，資金已全部支付到位。";
        assert_eq!(
            normalize_script(t),
            "2023年临河区中央农业防灾减灾资金总额118万元，资金已全部支付到位。"
        );
    }

    #[test]
    fn simplified_text_is_left_alone() {
        let t = "项目实施效果显著，群众满意度显著提升，资金使用规范。";
        assert_eq!(normalize_script(t), t);
    }

    #[test]
    fn pinyin_glosses_are_dropped() {
        assert_eq!(normalize_script("項(xiàng)目資(zī)金"), "项目资金");
        assert_eq!(
            normalize_script("预算数(A)与执行数(B)"),
            "预算数(A)与执行数(B)"
        );
        assert_eq!(normalize_script("立项依据充分性(3)"), "立项依据充分性(3)");
        assert_eq!(normalize_script("打印(print)"), "打印(print)");
    }
}
