//! Fuzzes extraction and checking on arbitrary text (tables, numbers, labels):
//! whatever the text says, no panic and no error finding without numbers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let limits = jixiao_ingest::Limits::default();
    if let Ok(file) = jixiao_pipeline::read_reports(text.as_bytes(), &limits) {
        for f in file.reports.iter().flat_map(|r| &r.findings) {
            assert!(f.stated.is_some(), "a finding without the stated number: {f:?}");
        }
    }
});
