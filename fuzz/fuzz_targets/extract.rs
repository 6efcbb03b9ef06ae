//! Fuzzes extraction and checking on arbitrary text (tables, numbers, labels):
//! whatever the text says, no panic and no error finding without numbers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(doc) = jixiao_ingest::read(text.as_bytes()) {
        let report = jixiao_extract::extract(&doc);
        for f in jixiao_validate::check(&report) {
            assert!(f.stated.is_some(), "a finding without the stated number: {f:?}");
        }
    }
});
