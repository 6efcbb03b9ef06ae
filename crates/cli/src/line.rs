//! One line of `reports.ndjson` as the JSON text it is written as. A report
//! line may be hundreds of megabytes (a page stating millions of figures):
//! held as text it costs its bytes, where a parsed JSON tree costs many times
//! that. The run reads only a line's head (source, status, error), parsed once
//! when the line is made or read back, and rewrites only its small `source`
//! object.

use serde::Deserialize;
use serde_json::{Map, Value};

/// A report line's JSON text (no line break), with its head.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportJson {
    text: String,
    head: Head,
}

/// What the run reads of a line: the rest is skipped without being built.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct Head {
    #[serde(default)]
    pub source: Map<String, Value>,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub error: Option<ErrorHead>,
}

/// A failed line's error.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct ErrorHead {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub message: String,
}

impl Head {
    /// A string field of `source` (`path`, `sha256`), or "".
    pub fn source_str(&self, key: &str) -> &str {
        self.source.get(key).and_then(Value::as_str).unwrap_or("")
    }
}

impl ReportJson {
    /// A line jixiao serialized itself.
    pub fn new(text: String) -> ReportJson {
        let head = serde_json::from_str(&text).unwrap_or_default();
        ReportJson { text, head }
    }

    /// A line read back from a file: none unless it is one whole JSON object
    /// (a line cut by a crash is not; reading its head reads it to the end).
    pub fn parse(bytes: &[u8]) -> Option<ReportJson> {
        let text = std::str::from_utf8(bytes).ok()?.trim_end_matches('\r');
        if !text.starts_with('{') {
            return None;
        }
        let head = serde_json::from_str(text).ok()?;
        Some(ReportJson {
            text: text.to_string(),
            head,
        })
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its head.
    pub fn head(&self) -> &Head {
        &self.head
    }

    /// The line under `path`, marked as a repeat of `duplicate_of` (or not):
    /// only its `source` object is rewritten.
    pub fn placed(mut self, path: &str, duplicate_of: Option<&str>) -> ReportJson {
        // Report lines open with `{"schema_version":"1","source":{`: the first
        // `"source":` is the top-level key (nothing before it holds that text).
        let key = "\"source\":";
        let Some(start) = self.text.find(key).map(|at| at + key.len()) else {
            return self;
        };
        let mut objects = serde_json::Deserializer::from_str(&self.text[start..])
            .into_iter::<Map<String, Value>>();
        let Some(Ok(mut source)) = objects.next() else {
            return self;
        };
        let end = start + objects.byte_offset();
        source.insert("path".into(), Value::String(path.to_string()));
        match duplicate_of {
            Some(first) => {
                source.insert("duplicate_of".into(), Value::String(first.to_string()));
            }
            None => {
                source.remove("duplicate_of");
            }
        }
        let Ok(object) = serde_json::to_string(&source) else {
            return self;
        };
        self.text.replace_range(start..end, &object);
        self.head.source = source;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_rewrites_only_the_source() {
        let line = ReportJson::new(r#"{"schema_version":"1","source":{"path":"a.txt","sha256":"ab","part":1},"status":"failed","error":{"code":"input.empty","message":"m"},"report":{"title":"source: x"}}"#.to_string());
        let head = line.head();
        assert_eq!(head.status, "failed");
        assert_eq!(
            head.error.as_ref().map(|e| e.code.as_str()),
            Some("input.empty")
        );
        assert_eq!(head.source_str("sha256"), "ab");
        let moved = line.clone().placed("b/c.txt", Some("a.txt"));
        assert_eq!(
            moved.as_str(),
            r#"{"schema_version":"1","source":{"path":"b/c.txt","sha256":"ab","part":1,"duplicate_of":"a.txt"},"status":"failed","error":{"code":"input.empty","message":"m"},"report":{"title":"source: x"}}"#
        );
        assert_eq!(moved.placed("a.txt", None), line);
    }

    #[test]
    fn a_cut_line_is_no_line() {
        assert!(ReportJson::parse(br#"{"schema_version":"1","source":{"path":"a"#).is_none());
        assert!(ReportJson::parse(b"[1]").is_none());
        assert!(ReportJson::parse(br#"{"schema_version":"1"}"#).is_some());
    }
}
