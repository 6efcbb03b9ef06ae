//! A compact HTML tree for the article reader: html5ever builds it through
//! [`TreeSink`], and it keeps only what the reader looks at — element names,
//! the few attributes it reads (class, id, spans, meta's name and content),
//! and text, all of it in one buffer. A 50 MB page's tree is a few dozen
//! bytes a node beside its text, where a general DOM (scraper's) held five
//! times its input.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};

/// Index of a node; `NONE` for no node.
pub type NodeId = u32;
const NONE: NodeId = u32::MAX;

/// The attributes the reader reads; the others are dropped as parsed.
const KEPT_ATTRIBUTES: &[&str] = &[
    "class", "id", "rowspan", "colspan", "name", "property", "content",
];

enum Data {
    Document,
    Element {
        name: LocalName,
        /// The element's namespace, as an index into `NAMESPACES`.
        ns: u8,
        attrs: Box<[(LocalName, Box<str>)]>,
    },
    /// Bytes `[start, start + len)` of the text buffer.
    Text {
        start: u32,
        len: u32,
    },
    /// Comments, doctypes, processing instructions: kept in the tree, never read.
    Other,
}

struct Node {
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    prev: NodeId,
    next: NodeId,
    data: Data,
}

/// The parsed page.
pub struct Dom {
    nodes: Vec<Node>,
    text: String,
    /// `(template element, its contents)`: html5ever parses a template's
    /// children into a fragment of their own.
    templates: Vec<(NodeId, NodeId)>,
}

impl Dom {
    /// Parses a page, fed to the parser in pieces so that it never holds a
    /// second copy of the whole text.
    pub fn parse(text: &str) -> Dom {
        const PIECE: usize = 1 << 16;
        let sink = Sink(RefCell::new(Dom {
            nodes: vec![Node::new(Data::Document)],
            text: String::new(),
            templates: Vec::new(),
        }));
        let mut parser = html5ever::parse_document(sink, Default::default());
        let mut rest = text;
        while !rest.is_empty() {
            let mut cut = rest.len().min(PIECE);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            parser.process(StrTendril::from_slice(&rest[..cut]));
            rest = &rest[cut..];
        }
        let mut dom = parser.finish();
        dom.nodes.shrink_to_fit();
        dom.text.shrink_to_fit();
        dom
    }

    /// Takes text nodes out of the tree where `removable` says so (the
    /// indentation between paragraphs: a third of a page's nodes), and frees
    /// their room. Only leaves are taken; the rest keep their order.
    pub fn prune_text(&mut self, removable: impl Fn(NodeRef<'_>) -> bool) {
        let gone: Vec<bool> = (0..self.nodes.len() as NodeId)
            .map(|id| {
                let node = NodeRef { dom: self, id };
                node.text().is_some() && removable(node)
            })
            .collect();
        if !gone.contains(&true) {
            return;
        }
        // Unlink each from its siblings and parent, on the old indices.
        for (id, _) in gone.iter().enumerate().filter(|(_, g)| **g) {
            let Some(&Node {
                parent, prev, next, ..
            }) = self.nodes.get(id)
            else {
                continue;
            };
            match self.nodes.get_mut(prev as usize) {
                Some(p) => p.next = next,
                None => {
                    if let Some(p) = self.nodes.get_mut(parent as usize) {
                        p.first_child = next;
                    }
                }
            }
            match self.nodes.get_mut(next as usize) {
                Some(n) => n.prev = prev,
                None => {
                    if let Some(p) = self.nodes.get_mut(parent as usize) {
                        p.last_child = prev;
                    }
                }
            }
        }
        // Then close the gaps and renumber the links.
        let mut new_id = Vec::with_capacity(gone.len());
        let mut kept: NodeId = 0;
        for g in &gone {
            new_id.push(if *g { NONE } else { kept });
            kept += u32::from(!*g);
        }
        let renumber = |id: NodeId| new_id.get(id as usize).copied().unwrap_or(NONE);
        let mut k = 0;
        self.nodes.retain(|_| {
            k += 1;
            !gone[k - 1]
        });
        for n in &mut self.nodes {
            for link in [
                &mut n.parent,
                &mut n.first_child,
                &mut n.last_child,
                &mut n.prev,
                &mut n.next,
            ] {
                *link = renumber(*link);
            }
        }
        for (a, b) in &mut self.templates {
            (*a, *b) = (renumber(*a), renumber(*b));
        }
        self.nodes.shrink_to_fit();
    }

    /// The document node.
    pub fn root(&self) -> NodeRef<'_> {
        NodeRef { dom: self, id: 0 }
    }

    fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id as usize)
    }

    fn link(&self, id: NodeId, pick: fn(&Node) -> NodeId) -> Option<NodeRef<'_>> {
        let next = pick(self.node(id)?);
        (next != NONE).then_some(NodeRef {
            dom: self,
            id: next,
        })
    }
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

/// A node of the tree, to walk it by.
#[derive(Clone, Copy)]
pub struct NodeRef<'a> {
    dom: &'a Dom,
    id: NodeId,
}

impl<'a> NodeRef<'a> {
    /// The node's index, the same for every reference to it.
    pub fn id(&self) -> NodeId {
        self.id
    }

    /// The element's local name (`div`, `td`); None for other nodes.
    pub fn name(&self) -> Option<&'a str> {
        match &self.dom.node(self.id)?.data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// An attribute the reader keeps (see `KEPT_ATTRIBUTES`).
    pub fn attr(&self, key: &str) -> Option<&'a str> {
        match &self.dom.node(self.id)?.data {
            Data::Element { attrs, .. } => {
                attrs.iter().find(|(k, _)| &**k == key).map(|(_, v)| &**v)
            }
            _ => None,
        }
    }

    /// The text of a text node.
    pub fn text(&self) -> Option<&'a str> {
        match self.dom.node(self.id)?.data {
            Data::Text { start, len } => self
                .dom
                .text
                .get(start as usize..start as usize + len as usize),
            _ => None,
        }
    }

    /// True for elements.
    pub fn is_element(&self) -> bool {
        self.name().is_some()
    }

    /// The parent node.
    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.dom.link(self.id, |n| n.parent)
    }

    /// The children, in order.
    pub fn children(&self) -> impl Iterator<Item = NodeRef<'a>> {
        let dom = self.dom;
        std::iter::successors(dom.link(self.id, |n| n.first_child), move |c| {
            dom.link(c.id, |n| n.next)
        })
    }

    /// The sibling after this node.
    pub fn next_sibling(&self) -> Option<NodeRef<'a>> {
        self.dom.link(self.id, |n| n.next)
    }

    /// The siblings before this node, nearest first.
    pub fn prev_siblings(&self) -> impl Iterator<Item = NodeRef<'a>> {
        let dom = self.dom;
        std::iter::successors(dom.link(self.id, |n| n.prev), move |c| {
            dom.link(c.id, |n| n.prev)
        })
    }

    /// The ancestors, parent first.
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.parent(), |c| c.parent())
    }

    /// This node and every node under it, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'a>> {
        let (dom, top) = (self.dom, self.id);
        std::iter::successors(Some(*self), move |c| {
            if let Some(first) = dom.link(c.id, |n| n.first_child) {
                return Some(first);
            }
            // Up until a node with a next sibling, never past the top.
            let mut at = *c;
            loop {
                if at.id == top {
                    return None;
                }
                if let Some(next) = dom.link(at.id, |n| n.next) {
                    return Some(next);
                }
                at = at.parent()?;
            }
        })
    }
}

/// The namespaces an HTML page's elements are in (others are read as HTML).
static NAMESPACES: [Namespace; 3] = [ns!(html), ns!(svg), ns!(mathml)];

/// An element's name, as html5ever asks for it while building.
pub struct Name<'a> {
    dom: Ref<'a, Dom>,
    id: NodeId,
}

impl std::fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.local_name())
    }
}

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        let ns = match self.dom.nodes.get(self.id as usize).map(|n| &n.data) {
            Some(Data::Element { ns, .. }) => *ns as usize,
            _ => 0,
        };
        NAMESPACES.get(ns).unwrap_or(&NAMESPACES[0])
    }

    fn local_name(&self) -> &LocalName {
        // html5ever asks only for elements' names; anything else is named
        // as a span rather than a panic.
        static SPAN: LocalName = local_name!("span");
        match self.dom.nodes.get(self.id as usize).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => name,
            _ => &SPAN,
        }
    }
}

/// Builds a [`Dom`] for html5ever.
struct Sink(RefCell<Dom>);

impl Sink {
    fn push(&self, data: Data) -> NodeId {
        Sink::add(&mut self.0.borrow_mut(), data)
    }

    /// A new detached node; `NONE` once the ids run out (every later use of
    /// it is then a no-op).
    fn add(dom: &mut Dom, data: Data) -> NodeId {
        let id = NodeId::try_from(dom.nodes.len()).unwrap_or(NONE);
        if id != NONE {
            dom.nodes.push(Node::new(data));
        }
        id
    }

    /// Text stored at the end of the buffer, as a node's data.
    fn store_text(dom: &mut Dom, text: &str) -> Data {
        let start = u32::try_from(dom.text.len()).unwrap_or(u32::MAX);
        let len = u32::try_from(text.len()).unwrap_or(0);
        if start.checked_add(len).is_some() {
            dom.text.push_str(text);
            Data::Text { start, len }
        } else {
            Data::Other
        }
    }

    /// Appends text to a text node, moving it to the end of the buffer if
    /// something was stored after it.
    fn extend_text(dom: &mut Dom, node: NodeId, more: &str) {
        let Some(Data::Text { start, len }) = dom.nodes.get(node as usize).map(|n| &n.data) else {
            return;
        };
        let (start, len) = (*start as usize, *len as usize);
        let data = if start + len == dom.text.len() {
            let total = u32::try_from(len + more.len()).unwrap_or(0);
            if (start as u64) + u64::from(total) > u64::from(u32::MAX) {
                return;
            }
            dom.text.push_str(more);
            Data::Text {
                start: start as u32,
                len: total,
            }
        } else {
            let mut joined = dom.text.get(start..start + len).unwrap_or("").to_string();
            joined.push_str(more);
            Sink::store_text(dom, &joined)
        };
        if let Some(n) = dom.nodes.get_mut(node as usize) {
            n.data = data;
        }
    }

    fn is_text(dom: &Dom, id: NodeId) -> bool {
        matches!(
            dom.nodes.get(id as usize).map(|n| &n.data),
            Some(Data::Text { .. })
        )
    }

    fn detach(dom: &mut Dom, id: NodeId) {
        let Some(node) = dom.nodes.get(id as usize) else {
            return;
        };
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if let Some(p) = dom.nodes.get_mut(prev as usize) {
            p.next = next;
        } else if let Some(p) = dom.nodes.get_mut(parent as usize) {
            p.first_child = next;
        }
        if let Some(n) = dom.nodes.get_mut(next as usize) {
            n.prev = prev;
        } else if let Some(p) = dom.nodes.get_mut(parent as usize) {
            p.last_child = prev;
        }
        if let Some(n) = dom.nodes.get_mut(id as usize) {
            n.parent = NONE;
            n.prev = NONE;
            n.next = NONE;
        }
    }

    /// Links `child` (detached) under `parent`, right before `before`, or
    /// last where `before` is `NONE`.
    fn link(dom: &mut Dom, parent: NodeId, before: NodeId, child: NodeId) {
        if dom.nodes.get(child as usize).is_none() {
            return;
        }
        let prev = match dom.nodes.get(before as usize) {
            Some(b) => b.prev,
            None => match dom.nodes.get(parent as usize) {
                Some(p) => p.last_child,
                None => return,
            },
        };
        if let Some(c) = dom.nodes.get_mut(child as usize) {
            c.parent = parent;
            c.prev = prev;
            c.next = before;
        }
        if let Some(b) = dom.nodes.get_mut(before as usize) {
            b.prev = child;
        } else if let Some(p) = dom.nodes.get_mut(parent as usize) {
            p.last_child = child;
        }
        if let Some(p) = dom.nodes.get_mut(prev as usize) {
            p.next = child;
        } else if let Some(p) = dom.nodes.get_mut(parent as usize) {
            p.first_child = child;
        }
    }

    /// Puts a node or text under `parent`, right before `before` (`NONE`: at
    /// the end). Text next to a text node joins it, as html5ever asks.
    fn insert(dom: &mut Dom, parent: NodeId, before: NodeId, child: NodeOrText<NodeId>) {
        let node = match child {
            NodeOrText::AppendNode(node) => {
                Sink::detach(dom, node);
                node
            }
            NodeOrText::AppendText(text) => {
                let prev = match dom.nodes.get(before as usize) {
                    Some(b) => b.prev,
                    None => dom
                        .nodes
                        .get(parent as usize)
                        .map_or(NONE, |p| p.last_child),
                };
                if Sink::is_text(dom, prev) {
                    Sink::extend_text(dom, prev, &text);
                    return;
                }
                let data = Sink::store_text(dom, &text);
                Sink::add(dom, data)
            }
        };
        Sink::link(dom, parent, before, node);
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Dom {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        Name {
            dom: self.0.borrow(),
            id: *target,
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        let template = name.local == local_name!("template");
        let attrs: Box<[(LocalName, Box<str>)]> = attrs
            .into_iter()
            .filter(|a| KEPT_ATTRIBUTES.contains(&&*a.name.local))
            .map(|a| (a.name.local, Box::from(&*a.value)))
            .collect();
        let ns = NAMESPACES
            .iter()
            .position(|n| *n == name.ns)
            .and_then(|i| u8::try_from(i).ok())
            .unwrap_or(0);
        let id = self.push(Data::Element {
            name: name.local,
            ns,
            attrs,
        });
        if template {
            let contents = self.push(Data::Document);
            self.0.borrow_mut().templates.push((id, contents));
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        Sink::insert(&mut self.0.borrow_mut(), *parent, NONE, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .0
            .borrow()
            .nodes
            .get(*element as usize)
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let dom = self.0.borrow();
        dom.templates
            .iter()
            .find(|(t, _)| t == target)
            .map_or(*target, |(_, c)| *c)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        let Some(parent) = dom.nodes.get(*sibling as usize).map(|n| n.parent) else {
            return;
        };
        Sink::insert(&mut dom, parent, *sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.0.borrow_mut();
        let Some(Data::Element { attrs: have, .. }) =
            dom.nodes.get_mut(*target as usize).map(|n| &mut n.data)
        else {
            return;
        };
        let mut merged: Vec<(LocalName, Box<str>)> = have.to_vec();
        for a in attrs {
            if KEPT_ATTRIBUTES.contains(&&*a.name.local)
                && !merged.iter().any(|(k, _)| *k == a.name.local)
            {
                merged.push((a.name.local, Box::from(&*a.value)));
            }
        }
        *have = merged.into_boxed_slice();
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Sink::detach(&mut self.0.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut dom = self.0.borrow_mut();
        let mut child = dom
            .nodes
            .get(*node as usize)
            .map_or(NONE, |n| n.first_child);
        while child != NONE {
            let next = dom.nodes.get(child as usize).map_or(NONE, |n| n.next);
            Sink::detach(&mut dom, child);
            Sink::link(&mut dom, *new_parent, NONE, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom) -> Vec<String> {
        dom.root()
            .descendants()
            .filter_map(|n| {
                n.name()
                    .map(str::to_string)
                    .or_else(|| n.text().map(|t| format!("'{t}'")))
            })
            .collect()
    }

    #[test]
    fn builds_the_tree_html5ever_describes() {
        let dom = Dom::parse(
            r#"<p class="a" onclick="x">一<b>二</b>三<p>四<table><tr><td rowspan="2">五</table>"#,
        );
        assert_eq!(
            names(&dom),
            [
                "html", "head", "body", "p", "'一'", "b", "'二'", "'三'", "p", "'四'", "table",
                "tbody", "tr", "td", "'五'"
            ]
        );
        let p = dom.root().descendants().find(|n| n.name() == Some("p"));
        assert_eq!(p.and_then(|p| p.attr("class")), Some("a"));
        assert_eq!(p.and_then(|p| p.attr("onclick")), None);
        let td = dom.root().descendants().find(|n| n.name() == Some("td"));
        assert_eq!(td.and_then(|t| t.attr("rowspan")), Some("2"));
        assert_eq!(
            td.map(|t| t.ancestors().filter_map(|a| a.name()).collect::<Vec<_>>()),
            Some(vec!["tr", "tbody", "table", "p", "body", "html"])
        );
    }

    #[test]
    fn text_misplaced_in_a_table_is_moved_before_it_and_joined() {
        // Foster parenting: text inside <table> but outside cells goes before the table.
        let dom = Dom::parse("<body><p>甲</p><table>乙<tr><td>丙</td></tr>丁</table></body>");
        assert_eq!(
            names(&dom),
            [
                "html", "head", "body", "p", "'甲'", "'乙丁'", "table", "tbody", "tr", "td", "'丙'"
            ]
        );
    }

    #[test]
    fn a_page_fed_in_pieces_keeps_characters_whole() {
        let para = "<p>本项目年初预算100.00万元，执行率98.00%。</p>\n";
        let page = para.repeat(3000);
        let dom = Dom::parse(&page);
        let texts: Vec<&str> = dom
            .root()
            .descendants()
            .filter(|n| n.parent().and_then(|p| p.name()) == Some("p"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(texts.len(), 3000);
        assert!(texts
            .iter()
            .all(|t| *t == "本项目年初预算100.00万元，执行率98.00%。"));
    }
}
