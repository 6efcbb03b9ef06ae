use std::fmt;

/// Why a file could not be read: a stable code (`pdf.encrypted`, `text.undecodable`)
/// and a message that says what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestError {
    /// Stable machine-readable code, `format.reason`.
    pub code: &'static str,
    /// Human-readable advice.
    pub message: String,
}

impl IngestError {
    /// A new error.
    pub fn new(code: &'static str, message: impl Into<String>) -> IngestError {
        IngestError {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for IngestError {}
