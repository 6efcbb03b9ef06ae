//! HTML articles: the encoding from the BOM, the page's own `<meta charset>` or
//! the bytes; the article body found by where the text is (site bars,
//! breadcrumbs, share buttons and footers hold little of it); paragraphs and
//! headings in order; tables with `rowspan`/`colspan` laid out as merged cells.
//! Every block and cell keeps its element path as its source.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::OnceLock;

use encoding_rs::Encoding;
use jixiao_model::{Block, Document, Format, Line, Paragraph, Source, Table};
use regex::bytes::Regex;

use crate::clean::{clean_inline, fold_line};
use crate::dom::{Dom, NodeId, NodeRef};
use crate::grid::{lay_out, SpanCell};
use crate::IngestError;

/// Elements deeper than this are read as flat text: a page cannot drive the
/// reader into unbounded work per element (paths are built from ancestors).
pub const MAX_DEPTH: usize = 256;

/// Decodes an HTML page: BOM, then the page's declared charset, then detection.
fn decode_html(bytes: &[u8]) -> Result<(Cow<'_, str>, Vec<String>), IngestError> {
    if Encoding::for_bom(bytes).is_none() {
        static META: OnceLock<Regex> = OnceLock::new();
        let meta = META.get_or_init(|| {
            Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})"#)
                .expect("valid regex")
        });
        let head = &bytes[..bytes.len().min(4096)];
        if let Some(enc) = meta.captures(head).and_then(|c| Encoding::for_label(&c[1])) {
            // A page that says utf-8 but is not falls through to detection.
            let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                enc
            };
            let (text, _, had_errors) = enc.decode(bytes);
            if !had_errors {
                return Ok((text, Vec::new()));
            }
        }
    }
    crate::decode::decode_text(bytes)
}

/// How deep elements nest, by counting open and close tags (void and
/// self-closing elements and tags that close themselves, like `<p>` and `<td>`,
/// are not counted). A cheap pass before the parser, whose tree building
/// slows down with depth.
fn nesting_depth(text: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "meta", "link", "hr", "input", "area", "base", "col", "embed", "source",
        "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd",
    ];
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |e| name_start + e);
        let name = text
            .get(name_start..name_end)
            .unwrap_or("")
            .to_ascii_lowercase();
        let tag_end = bytes[name_end..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| name_end + e);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if !name.is_empty() && !VOID.contains(&name.as_str()) && !self_closing {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = tag_end.max(start).min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

/// Reads an HTML page into the document model.
///
/// Given the bytes to own, it lets go of them once the tree is built: a huge
/// page is not held as bytes, text and tree while its paragraphs are read.
pub fn read_html<'a>(
    bytes: impl Into<Cow<'a, [u8]>>,
    max_depth: usize,
) -> Result<Document, IngestError> {
    let bytes = bytes.into();
    let (decoded, mut warnings) = decode_html(&bytes)?;
    let text = crate::clean::normalize_script(&decoded);
    let depth = nesting_depth(&text);
    if depth > max_depth {
        return Err(IngestError::new(
            "html.too_deep",
            format!("elements nest {depth} levels deep, more than the {max_depth} allowed: not a report page (or a broken one); raise --max-depth if you trust it"),
        ));
    }
    // What jixiao does with the tree after is its own (see `third_party`).
    let mut dom = crate::third_party("html.corrupt", || Dom::parse(&text))?;
    // White space before a block or closing one is never read: every line
    // is trimmed, and a block starts a line of its own.
    dom.prune_text(|t| {
        t.text().is_some_and(|s| s.trim().is_empty())
            && match t.next_sibling() {
                Some(next) => next.name().is_some_and(is_block),
                None => t
                    .parent()
                    .and_then(|p| p.name())
                    .is_some_and(|p| p == "body" || is_block(p)),
            }
    });
    // The tree holds the text now: the page is not kept twice while it is walked.
    drop(text);
    drop(decoded);
    drop(bytes);
    let root = dom.root();
    let body = find_element(root, "body").unwrap_or(root);
    let article = article_container(body);
    let mut reader = Reader {
        blocks: Vec::new(),
        lines: Vec::new(),
        too_deep: false,
    };
    reader.walk(article);
    if reader.too_deep {
        warnings.push(format!(
            "elements nested deeper than {MAX_DEPTH} levels were read as plain text"
        ));
    }
    if reader.blocks.is_empty() {
        warnings.push("the page holds no text: nothing to extract (is it a frame set or a script-rendered page? save the rendered page instead)".into());
    }
    if let Some(note) = drop_pager(&mut reader.blocks, &mut reader.lines) {
        warnings.push(note);
    }
    let titles = page_titles(root, article);
    Ok(Document {
        format: Format::Html,
        pages: None,
        blocks: reader.blocks,
        lines: reader.lines,
        warnings,
        titles,
    })
}

/// An article's pager (`共3页 首页 上一页 1 2 3 下一页 尾页`, `第1页 下一页`): a
/// short line with 上一页/下一页 in it. It is page chrome, left out; and it says
/// the article goes on in other pages, which this file does not hold: the note
/// says which page this is and how many there are, where the pager tells.
fn drop_pager(blocks: &mut Vec<Block>, lines: &mut [Line]) -> Option<String> {
    fn is_pager(text: &str) -> bool {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        t.chars().count() <= 80 && (t.contains("下一页") || t.contains("上一页"))
    }
    let mut pager: Option<String> = None;
    blocks.retain(|b| match b {
        Block::Paragraph(p) if is_pager(&p.text) => {
            pager.get_or_insert_with(|| p.text.to_string());
            false
        }
        _ => true,
    });
    for l in lines.iter_mut().filter(|l| is_pager(&l.text)) {
        l.furniture = true;
        pager.get_or_insert_with(|| l.text.to_string());
    }
    let pager: String = pager?.chars().filter(|c| !c.is_whitespace()).collect();
    // `共3页`, `第1页`, and the page numbers listed (`123下一页` has lost its spaces:
    // only a stated count is trusted then).
    let number_after = |key: &str| -> Option<u32> {
        let at = pager.find(key)? + key.len();
        let digits: String = pager[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        digits.parse().ok()
    };
    let total = number_after("共");
    let current = number_after("第");
    let which = match (current, total) {
        (Some(c), Some(t)) => format!("page {c} of {t}"),
        (None, Some(t)) => format!("one of {t} pages"),
        (Some(c), None) => format!("page {c}"),
        (None, None) => "one page".to_string(),
    };
    Some(format!("html.paginated: the article is split over several web pages and this file holds {which} (its pager `{pager}` was left out); the rest of the report is not in this file — save every page of the article (or its print view) and read them together"))
}

/// The titles a page states outside its article, best first: the CMS's
/// `<meta name="ArticleTitle">` (or `og:title`), each `<h1>` outside the article,
/// then the parts of `<title>` cut at the separators sites put between an
/// article's title and their own name (`…自评报告_某某区人民政府`).
fn page_titles(root: NodeRef<'_>, article: NodeRef<'_>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut push = |text: &str, element: &str| {
        let text = clean_inline(text);
        if !text.is_empty() && !out.iter().any(|p| *p.text == *text) {
            let source = Source {
                element: Some(element.into()),
                ..Source::default()
            };
            out.push(Paragraph::new(text, source));
        }
    };
    for el in root.descendants() {
        if el.name() == Some("meta") {
            let key = el
                .attr("name")
                .or_else(|| el.attr("property"))
                .unwrap_or("");
            if matches!(
                key.to_ascii_lowercase().as_str(),
                "articletitle" | "og:title" | "title"
            ) {
                if let Some(content) = el.attr("content") {
                    push(content, &format!("head/meta[{key}]"));
                }
            }
        }
    }
    let inside_article = |n: &NodeRef<'_>| n.ancestors().any(|a| a.id() == article.id());
    for n in root.descendants() {
        if element_name(&n) == Some("h1") && !inside_article(&n) && n.id() != article.id() {
            push(&text_lines(n).join(""), "body//h1");
        }
    }
    if let Some(title) = find_element(root, "title") {
        let text: String = title.descendants().filter_map(|d| d.text()).collect();
        for part in text.split(['_', '|', '｜', '—', '–', '-']) {
            push(part, "head/title");
        }
    }
    out
}

fn element_name<'a>(node: &NodeRef<'a>) -> Option<&'a str> {
    node.name()
}

fn find_element<'a>(root: NodeRef<'a>, name: &str) -> Option<NodeRef<'a>> {
    root.descendants().find(|n| element_name(n) == Some(name))
}

/// Elements that never hold the article.
fn is_chrome(node: &NodeRef<'_>) -> bool {
    let Some(name) = node.name() else {
        return false;
    };
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "nav"
            | "header"
            | "footer"
            | "form"
            | "button"
            | "select"
            | "iframe"
            | "head"
            | "template"
            | "svg"
    ) {
        return true;
    }
    const WORDS: &[&str] = &[
        "nav",
        "menu",
        "breadcrumb",
        "crumb",
        "footer",
        "share",
        "topbar",
        "top-bar",
        "sidebar",
        "copyright",
        "toolbar",
        "login",
        "search",
        "position",
        "location",
    ];
    let chrome_token = |token: &str| {
        let token = token.to_ascii_lowercase();
        WORDS.iter().any(|w| {
            token == *w
                || token
                    .strip_prefix(w)
                    .is_some_and(|rest| rest.starts_with('-'))
                || token
                    .strip_suffix(w)
                    .is_some_and(|rest| rest.ends_with('-') || rest.ends_with('_'))
        })
    };
    ["class", "id"].iter().any(|a| {
        node.attr(a)
            .is_some_and(|v| v.split_whitespace().any(chrome_token))
    })
}

/// Visible text length under every node (chrome and link text excluded), in
/// one bottom-up pass without recursion.
fn text_weights(root: NodeRef<'_>) -> HashMap<NodeId, usize> {
    let mut weights: HashMap<NodeId, usize> = HashMap::new();
    let mut order = Vec::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        order.push(n);
        if !(is_chrome(&n) || element_name(&n) == Some("a")) {
            stack.extend(n.children());
        }
    }
    for n in order.into_iter().rev() {
        let own = match n.text() {
            Some(t) => t.trim().chars().count(),
            None if is_chrome(&n) || element_name(&n) == Some("a") => 0,
            _ => n
                .children()
                .map(|c| weights.get(&c.id()).copied().unwrap_or(0))
                .sum(),
        };
        weights.insert(n.id(), own);
    }
    weights
}

/// The article: from `<body>`, step into the one container child that holds
/// most of the text, as long as there is one. Tables are only stepped into
/// when they are page layout (a cell holding nearly everything).
fn article_container(body: NodeRef<'_>) -> NodeRef<'_> {
    let weights = text_weights(body);
    let weight = |n: &NodeRef<'_>| weights.get(&n.id()).copied().unwrap_or(0);
    let mut current = body;
    for _ in 0..MAX_DEPTH {
        let total = weight(&current);
        if total == 0 {
            break;
        }
        let best = current
            .children()
            .filter(|c| c.is_element() && !is_chrome(c))
            .map(|c| (weight(&c), c))
            .max_by_key(|(w, _)| *w);
        let Some((w, child)) = best else { break };
        let name = element_name(&child).unwrap_or("");
        let container = matches!(
            name,
            "div"
                | "article"
                | "section"
                | "main"
                | "center"
                | "font"
                | "span"
                | "td"
                | "tbody"
                | "tr"
        ) || (name == "table" && is_layout_table(child));
        if w * 10 < total * 8 || !container {
            break;
        }
        current = child;
    }
    current
}

/// A table used for page layout: one of its cells holds a table or most of
/// the page's paragraphs.
fn is_layout_table(table: NodeRef<'_>) -> bool {
    table.descendants().skip(1).any(|n| {
        (element_name(&n) == Some("td"))
            && n.descendants()
                .skip(1)
                .any(|d| matches!(element_name(&d), Some("table" | "p" | "h1" | "h2")))
    }) && table
        .descendants()
        .skip(1)
        .filter(|n| element_name(n) == Some("tr"))
        .count()
        <= 3
}

/// The element path of a node: `body/div[2]/table[1]/tbody[1]/tr[4]/td[3]`.
/// A node's children, each element with its path below `parent_path`
/// (`tr[4]` counts the `tr`s before it), in one pass over the siblings so that
/// a page of many siblings costs linear time. Text children get the parent's path.
fn children_with_paths<'a>(parent: NodeRef<'a>, parent_path: &str) -> Vec<(NodeRef<'a>, String)> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    parent
        .children()
        .map(|c| (c, child_path(parent_path, &mut seen, c)))
        .collect()
}

/// A child's element path: its name and how many of its siblings so far bore
/// it (`seen`, counted here); text is at its parent's path.
fn child_path<'a>(
    parent_path: &str,
    seen: &mut HashMap<&'a str, usize>,
    child: NodeRef<'a>,
) -> String {
    match element_name(&child) {
        Some(name) => {
            let k = seen.entry(name).or_insert(0);
            *k += 1;
            format!("{parent_path}/{name}[{k}]")
        }
        None => parent_path.to_string(),
    }
}

fn element_path(node: NodeRef<'_>) -> String {
    let mut parts = Vec::new();
    let mut cur = Some(node);
    while let Some(n) = cur {
        if let Some(name) = element_name(&n) {
            if name == "html" {
                break;
            }
            let index = n
                .prev_siblings()
                .filter(|s| element_name(s) == Some(name))
                .count()
                + 1;
            parts.push(if name == "body" {
                name.to_string()
            } else {
                format!("{name}[{index}]")
            });
        }
        cur = n.parent();
    }
    parts.reverse();
    parts.join("/")
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "table"
            | "section"
            | "article"
            | "blockquote"
            | "pre"
            | "center"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
    )
}

/// The text of a node as lines: `<br>` and nested blocks break lines.
fn text_lines(node: NodeRef<'_>) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut stack = vec![(node, 0usize)];
    while let Some((n, depth)) = stack.pop() {
        match (n.text(), n.name()) {
            (Some(t), _) => {
                if let Some(last) = lines.last_mut() {
                    last.push_str(t);
                }
            }
            (None, Some(name)) => {
                if is_chrome(&n) && depth > 0 {
                    continue;
                }
                if name == "br" || (depth > 0 && is_block(name)) {
                    lines.push(String::new());
                }
                // Children in reverse so the stack pops them in order.
                let children: Vec<_> = n.children().collect();
                for c in children.into_iter().rev() {
                    stack.push((c, depth + 1));
                }
            }
            _ => {}
        }
    }
    lines
        .iter()
        .map(|l| raw_line(l))
        .filter(|l| !l.is_empty())
        .collect()
}

/// A line as the page shows it: characters folded, runs of white space as one
/// space. Spaces between Chinese characters are kept here (a cell dump's
/// `过程 资金管理` is two cells); paragraphs are cleaned from it.
fn raw_line(text: &str) -> String {
    fold_line(&text.replace('\u{a0}', " "))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An element being walked: its next child, its path, and how many children
/// of each name came before (for the children's paths).
struct Frame<'a> {
    next: Option<NodeRef<'a>>,
    path: String,
    depth: usize,
    seen: HashMap<&'a str, usize>,
}

struct Reader {
    blocks: Vec<Block>,
    lines: Vec<Line>,
    too_deep: bool,
}

impl Reader {
    /// Walks the article in document order, without recursion. Children are
    /// taken one at a time (a page of 400,000 paragraphs is never a stack of
    /// 400,000 paths), each frame counting its children's names for their paths.
    fn walk(&mut self, root: NodeRef<'_>) {
        let mut stack: Vec<Frame<'_>> = Vec::new();
        if let Some(frame) = self.visit(root, 0, element_path(root)) {
            stack.push(frame);
        }
        while let Some(top) = stack.last_mut() {
            let Some(child) = top.next else {
                stack.pop();
                continue;
            };
            top.next = child.next_sibling();
            let path = child_path(&top.path, &mut top.seen, child);
            let depth = top.depth + 1;
            if let Some(frame) = self.visit(child, depth, path) {
                stack.push(frame);
            }
        }
    }

    /// Reads one node; a node whose children are blocks of their own is
    /// returned as a frame to walk them.
    fn visit<'a>(&mut self, n: NodeRef<'a>, depth: usize, path: String) -> Option<Frame<'a>> {
        let Some(name) = element_name(&n) else {
            if let Some(t) = n.text() {
                let text = raw_line(t);
                if !text.is_empty() {
                    self.push_paragraph(text, path, None);
                }
            }
            return None;
        };
        if is_chrome(&n) && depth > 0 {
            return None;
        }
        let holds_blocks = n.children().any(|c| element_name(&c).is_some_and(is_block));
        if name == "table" && !is_layout_table(n) {
            self.push_table(n, &path);
        } else if depth >= MAX_DEPTH {
            self.too_deep = true;
            let text = text_lines(n).join("");
            if !text.is_empty() {
                self.push_paragraph(text, path, None);
            }
        } else if holds_blocks || depth == 0 {
            return Some(Frame {
                next: n.children().next(),
                path,
                depth,
                seen: HashMap::new(),
            });
        } else {
            let level = match name {
                "h1" => Some(1),
                "h2" => Some(2),
                "h3" => Some(3),
                "h4" | "h5" | "h6" => Some(4),
                _ => None,
            };
            for text in text_lines(n) {
                self.push_paragraph(text, path.clone(), level);
            }
        }
        None
    }

    fn push_paragraph(&mut self, text: String, path: String, heading: Option<u8>) {
        let source = Source {
            element: Some(path.into()),
            ..Source::default()
        };
        let clean = clean_inline(&text);
        let text: Arc<str> = text.into();
        // Most lines are their paragraph's text already: held once, not twice.
        let clean = if *clean == *text {
            text.clone()
        } else {
            clean.into()
        };
        self.lines.push(Line {
            text,
            source: source.clone(),
            furniture: false,
        });
        let p = Paragraph::new(clean, source);
        self.blocks.push(match heading {
            Some(level) => Block::Heading { level, text: p },
            None => Block::Paragraph(p),
        });
    }

    fn push_table(&mut self, table: NodeRef<'_>, table_path: &str) {
        let mut rows: Vec<Vec<SpanCell>> = Vec::new();
        // Rows of this table only, not of tables nested in its cells.
        let mut stack = children_with_paths(table, table_path);
        stack.reverse();
        while let Some((n, path)) = stack.pop() {
            match element_name(&n) {
                Some("tr") => {
                    let cells = children_with_paths(n, &path)
                        .into_iter()
                        .filter(|(c, _)| matches!(element_name(c), Some("td" | "th")))
                        .map(|(c, cell_path)| {
                            let span = |a: &str| {
                                c.attr(a)
                                    .and_then(|v| v.trim().parse::<u32>().ok())
                                    .unwrap_or(1)
                                    .max(1)
                            };
                            SpanCell {
                                text: clean_inline(&text_lines(c).join(" ")),
                                rows: span("rowspan"),
                                cols: span("colspan"),
                                source: Source {
                                    element: Some(cell_path.into()),
                                    ..Source::default()
                                },
                            }
                        })
                        .collect();
                    rows.push(cells);
                }
                Some("thead" | "tbody" | "tfoot") => {
                    let children = children_with_paths(n, &path);
                    stack.extend(children.into_iter().rev());
                }
                _ => {}
            }
        }
        if rows.is_empty() {
            return;
        }
        let source = Source {
            element: Some(table_path.into()),
            ..Source::default()
        };
        self.blocks.push(Block::Table(Table {
            rows: lay_out(rows),
            source,
            ..Table::default()
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_model::Block;

    fn doc(html: &str) -> Document {
        read_html(html.as_bytes(), 10_000).expect("reads")
    }

    #[test]
    fn an_articles_pager_is_chrome_and_says_the_report_goes_on() {
        let page = r#"<html><body><div class="article"><p>一、项目基本情况</p>
            <p>本项目全年预算数为120.00万元。</p>
            <div>共3页 首页 上一页 <a>1</a> <a>2</a> <a>3</a> 下一页 尾页</div></div></body></html>"#;
        let doc = read_html(page.as_bytes(), 10_000).expect("read");
        let texts: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text.to_string()),
                _ => None,
            })
            .collect();
        assert!(texts.iter().all(|t| !t.contains("下一页")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("120.00万元")));
        let note = doc
            .warnings
            .iter()
            .find(|w| w.starts_with("html.paginated"));
        assert!(
            note.is_some_and(|w| w.contains("one of 3 pages")),
            "{:?}",
            doc.warnings
        );
        // A page without a pager says nothing of the kind.
        let plain = read_html(
            "<html><body><p>下一步工作计划：继续推进。</p></body></html>".as_bytes(),
            10_000,
        )
        .expect("read");
        assert!(plain
            .warnings
            .iter()
            .all(|w| !w.starts_with("html.paginated")));
    }

    #[test]
    fn finds_the_article_and_leaves_site_chrome_out() {
        let d = doc(
            r#"<html><body><div class="nav"><a href="/">首页</a> &gt; 绩效评价</div>
            <div class="main"><div class="content"><p>一、项目概况</p><p>项目预算为100万元，执行率为99%。</p>
            <p>项目绩效目标基本完成，资金使用规范，管理制度健全，总体运行良好。</p></div>
            <div class="share">分享到：微信 微博</div></div><div class="footer">版权所有 主办单位</div></body></html>"#,
        );
        let texts: Vec<String> = d.paragraphs().map(|p| p.text.to_string()).collect();
        assert_eq!(texts[0], "一、项目概况");
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("首页") && !t.contains("版权") && !t.contains("分享")),
            "{texts:?}"
        );
        assert!(d
            .paragraphs()
            .all(|p| p.source_at(0).element.is_some_and(|e| e.contains("div[2]"))));
    }

    #[test]
    fn gbk_page_with_meta_charset() {
        let (bytes, _, _) = encoding_rs::GBK.encode(
            "<html><head><meta charset=\"gbk\"></head><body><p>绩效自评表</p></body></html>",
        );
        let d = read_html(bytes.as_ref(), 10_000).expect("reads");
        assert_eq!(d.paragraphs().next().map(|p| &*p.text), Some("绩效自评表"));
    }

    #[test]
    fn rowspan_colspan_and_br_in_cells() {
        let d = doc(
            r#"<html><body><table><tr><td rowspan="2">产出指标<br>（50分）</td><td>数量</td><td>8</td></tr>
            <tr><td>质量</td><td>6</td></tr><tr><td colspan="2">总分</td><td>14</td></tr></table></body></html>"#,
        );
        let Some(Block::Table(t)) = d.blocks.first() else {
            panic!("no table")
        };
        assert_eq!(t.rows[0][0].text, "产出指标（50分）");
        assert_eq!(t.text_at(1, 0), "产出指标（50分）");
        assert_eq!(t.rows[1][2].text, "6");
        assert_eq!(t.rows[2][2].text, "14");
        assert!(
            t.rows[1][1]
                .source
                .element
                .as_deref()
                .is_some_and(|e| e.ends_with("tr[2]/td[1]")),
            "{:?}",
            t.rows[1][1].source
        );
    }

    #[test]
    fn nesting_is_counted_before_parsing() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b</div></body></html>"),
            3
        );
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        assert_eq!(nesting_depth(&deep), 50_002);
        assert_eq!(
            read_html(deep.as_bytes(), 10_000)
                .map(|_| ())
                .map_err(|e| e.code),
            Err("html.too_deep")
        );
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let html = format!(
            "<html><body>{}<p>正文</p>{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let d = doc(&html);
        assert!(d.paragraphs().any(|p| p.text.contains("正文")));
    }
}
