//! One line of `reports.ndjson` as the JSON text it is written as. A report
//! line may be hundreds of megabytes (a page stating millions of figures):
//! held as text it costs its bytes, where a parsed JSON tree costs many times
//! that. The run reads only a line's head (source, status, error), parsed on
//! demand, and rewrites only its small `source` object.

use serde::Deserialize;
use serde_json::{Map, Value};

/// A report line's JSON text (no line break).
#[derive(Clone, Debug, PartialEq)]
pub struct ReportJson(String);

/// What the run reads of a line: the rest is skipped without being built.
#[derive(Deserialize, Default)]
pub struct Head {
    #[serde(default)]
    pub source: Map<String, Value>,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub error: Option<ErrorHead>,
}

/// A failed line's error.
#[derive(Deserialize, Default)]
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
        ReportJson(text)
    }

    /// A line read back from a file: none unless it is one whole JSON object
    /// (a line cut by a crash is not).
    pub fn parse(bytes: &[u8]) -> Option<ReportJson> {
        let text = std::str::from_utf8(bytes).ok()?.trim_end_matches('\r');
        serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
        text.starts_with('{').then(|| ReportJson(text.to_string()))
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its head, read without building the rest.
    pub fn head(&self) -> Head {
        serde_json::from_str(&self.0).unwrap_or_default()
    }

    /// The byte range of the top-level `source` object's value.
    fn source_range(&self) -> Option<(usize, usize)> {
        // Report lines open with `{"schema_version":"1","source":{`: the first
        // `"source":` is the top-level key (nothing before it holds that text).
        let key = "\"source\":";
        let start = self.0.find(key)? + key.len();
        let mut values = serde_json::Deserializer::from_str(&self.0[start..]).into_iter::<Value>();
        match values.next()? {
            Ok(Value::Object(_)) => Some((start, start + values.byte_offset())),
            _ => None,
        }
    }

    /// The line under `path`, marked as a repeat of `duplicate_of` (or not):
    /// only its `source` object is rewritten.
    pub fn placed(self, path: &str, duplicate_of: Option<&str>) -> ReportJson {
        let Some((start, end)) = self.source_range() else {
            return self;
        };
        let Ok(mut source) = serde_json::from_str::<Map<String, Value>>(&self.0[start..end]) else {
            return self;
        };
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
        let mut text = String::with_capacity(self.0.len() + 64);
        text.push_str(&self.0[..start]);
        text.push_str(&object);
        text.push_str(&self.0[end..]);
        ReportJson(text)
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
