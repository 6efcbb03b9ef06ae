//! Fuzzes the Word 97–2003 binary reader: any bytes must give a document or a
//! typed error, never a panic or a hang. Whole files (the seeds) go in as
//! they are; any other input is cut into a WordDocument and a 1Table stream
//! and packed into a well-formed OLE2 container, so that the FIB, piece table
//! and paragraph-property parsers see the fuzzer's bytes, not only the
//! container's.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;

fn container(word: &[u8], table: &[u8]) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).ok()?;
    file.create_stream("/WordDocument").ok()?.write_all(word).ok()?;
    file.create_stream("/1Table").ok()?.write_all(table).ok()?;
    file.create_stream("/0Table").ok()?.write_all(table).ok()?;
    file.flush().ok()?;
    Some(file.into_inner().into_inner())
}

fuzz_target!(|data: &[u8]| {
    let limits = jixiao_ingest::Limits::default();
    if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // A container that no longer names a WordDocument stream is a workbook's
        // business (the xlsx target): calamine's own panics stay out of this one.
        if jixiao_ingest::detect_format(data) == jixiao_model::Format::Doc {
            let _ = jixiao_pipeline::read_reports(data, &limits);
        }
        return;
    }
    let cut = data
        .get(..2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]) as usize)
        .min(data.len().saturating_sub(2));
    let rest = data.get(2..).unwrap_or(&[]);
    let (word, table) = rest.split_at(cut.min(rest.len()));
    if let Some(bytes) = container(word, table) {
        let _ = jixiao_pipeline::read_reports(&bytes, &limits);
    }
});
