//! Fuzzes the OFD reader: any bytes must give a document or a typed error,
//! never a panic or a hang; what it reads goes through extraction and checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = Vec::with_capacity(data.len() + 8);
    // Seeds from the fixtures are whole files already; other inputs get the magic.
    if !data.starts_with(b"PK\x03\x04") {
        bytes.extend_from_slice(b"PK\x03\x04OFD.xml");
    }
    bytes.extend_from_slice(data);
    let _ = jixiao_pipeline::read_reports(&bytes, &jixiao_ingest::Limits::default());
});
