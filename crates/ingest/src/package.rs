//! ZIP packages (workbooks, Word documents, OFD): the size check made before
//! anything is unpacked, and the reading of one XML part, shared by the readers.

use std::io::{Cursor, Read};

use quick_xml::events::BytesStart;

use crate::IngestError;

/// A zip bomb (a small file that unpacks to gigabytes) is refused from the
/// sizes its directory declares, before anything is unpacked. `kind` names the
/// package in the error code (`xlsx.too_large`, `docx.too_large`, `ofd.too_large`).
pub(crate) fn check_unpacked_size(
    bytes: &[u8],
    limits: &crate::Limits,
    kind: &str,
) -> Result<(), IngestError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        if let Ok(entry) = archive.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
    }
    let ratio = total / (bytes.len() as u64).max(1);
    if total > limits.max_unpacked || ratio > limits.max_ratio {
        let what = if kind == "xlsx" {
            "workbook"
        } else {
            "document"
        };
        return Err(IngestError::new(
            match kind {
                "docx" => "docx.too_large",
                "ofd" => "ofd.too_large",
                _ => "xlsx.too_large",
            },
            format!(
                "the {what} unpacks to {} MB ({ratio}× its size): a zip bomb or a data dump, not a report; raise --max-unpacked / --max-ratio if you trust it",
                total >> 20
            ),
        ));
    }
    Ok(())
}

/// One part of a package as text, or none when the package has no such part.
/// What it may unpack to is bounded by the limits, whatever its directory says.
pub(crate) fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &crate::Limits,
    corrupt: impl Fn(String) -> IngestError,
) -> Result<Option<String>, IngestError> {
    let name = name.trim_start_matches('/');
    let Ok(entry) = archive.by_name(name) else {
        return Ok(None);
    };
    let mut text = String::new();
    entry
        .take(limits.max_unpacked)
        .read_to_string(&mut text)
        .map_err(|e| corrupt(format!("{name}: {e}")))?;
    Ok(Some(text))
}

/// An XML attribute's value, by its qualified name (`w:val`) or its local name.
pub(crate) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}
