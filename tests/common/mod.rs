//! What the integration tests share: a scratch folder for a run's output that
//! is removed when dropped, so a test run leaves nothing in the temp dir
//! (before, every run left a few hundred folders behind); and the renderings
//! of a text that copies of real documents take, which tests read alike.

// Each test binary uses some of these, none all.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Scratch(PathBuf);

impl Scratch {
    /// A new empty folder `jixiao-{tag}-{pid}-{n}`: one per call, since the
    /// tests of one binary run side by side.
    pub fn new(tag: &str) -> Scratch {
        static CALLS: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "jixiao-{tag}-{}-{}",
            std::process::id(),
            CALLS.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }
}

impl Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<OsStr> for Scratch {
    fn as_ref(&self) -> &OsStr {
        self.0.as_os_str()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A text as a copy with its table cells between spaces and indentation lost:
/// each line's pipe and tab cells, trimmed, the empty ones left out, joined by
/// a space.
pub fn cells_between_spaces(text: &str) -> String {
    text.split('\n')
        .map(|l| {
            l.split(['|', '\t'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
