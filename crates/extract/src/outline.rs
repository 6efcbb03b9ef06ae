//! The report's own outline: its numbered headings (一、 → （一） → 1. → （1） → ①)
//! say which indicator sits under which group, e.g. `1. 项目立项` above
//! `（2）立项程序规范性` in 四、指标分析. Extraction uses that to place rows whose
//! parent cells a page break scrambled.

use jixiao_model::{Block, Document};

use crate::rows::Knowledge;
use crate::vocab::FORM_FRAMEWORK;

pub use jixiao_model::doc::heading_rank;

/// Builds parent links from the numbered headings: each heading's parent is
/// the nearest heading above it of a higher rank.
pub fn knowledge(doc: &Document) -> Knowledge {
    let mut k = Knowledge::default();
    let mut last: [Option<String>; 5] = Default::default();
    for block in &doc.blocks {
        let Block::Heading { text, .. } = block else {
            continue;
        };
        let Some((rank, title)) = heading_rank(&text.text) else {
            continue;
        };
        if title.is_empty() {
            continue;
        }
        if let Some(parent) = (0..rank).rev().find_map(|r| last[r].clone()) {
            k.parent_of.entry(title.clone()).or_insert(parent);
        }
        last[rank] = Some(title);
        for slot in last.iter_mut().skip(rank + 1) {
            *slot = None;
        }
    }
    let mut groups: Vec<&'static str> = FORM_FRAMEWORK.iter().map(|(l1, _)| *l1).collect();
    groups.dedup();
    for line in &doc.lines {
        let compact: String = line.text.chars().filter(|c| !c.is_whitespace()).collect();
        for g in &groups {
            if !k.groups_printed.contains(g) && compact.contains(g) {
                k.groups_printed.push(g);
            }
        }
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks() {
        assert_eq!(
            heading_rank("四、绩效评价指标分析"),
            Some((0, "绩效评价指标分析".into()))
        );
        assert_eq!(
            heading_rank("（一）项目决策情况"),
            Some((1, "项目决策情况".into()))
        );
        assert_eq!(heading_rank("1.项目立项"), Some((2, "项目立项".into())));
        assert_eq!(
            heading_rank("(2) 立项程序规范性"),
            Some((3, "立项程序规范性".into()))
        );
        assert_eq!(heading_rank("2023年度"), None);
        assert_eq!(heading_rank("1.5 万元"), None);
    }
}
