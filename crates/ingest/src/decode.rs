//! Text decoding: UTF-8, UTF-16 and GB18030 (a superset of GBK and GB2312),
//! from a byte-order mark or, without one, from what the bytes look like.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

use crate::IngestError;

/// Decodes text bytes. Returns the text and any warnings (e.g. characters that
/// could not be decoded and were replaced).
pub fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, Vec<String>), IngestError> {
    let (encoding, body): (&'static Encoding, &[u8]) =
        if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
            (enc, &bytes[bom_len..])
        } else if let Some(enc) = utf16_without_bom(bytes) {
            (enc, bytes)
        } else if std::str::from_utf8(bytes).is_ok() || utf8_with_cut_tail(bytes) {
            (UTF_8, bytes)
        } else {
            (GB18030, bytes)
        };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let mut warnings = Vec::new();
    if had_errors {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        let total = text.chars().count().max(1);
        if bad * 10 > total {
            return Err(IngestError::new(
                "text.undecodable",
                format!("{bad} of {total} characters could not be decoded as {}; the file may be binary or in an unusual encoding — convert it to UTF-8 first", encoding.name()),
            ));
        }
        warnings.push(format!(
            "{bad} characters could not be decoded as {} and were replaced",
            encoding.name()
        ));
    }
    // UTF-8 input is borrowed, not copied: a 50 MB page is held once.
    Ok((text, warnings))
}

/// True when the bytes are UTF-8 except for a multi-byte sequence cut at the end
/// (as happens when only a prefix is sniffed).
fn utf8_with_cut_tail(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}

/// UTF-16 without a BOM shows as many zero bytes on one parity (ASCII) or, for
/// Chinese text, as code units that decode cleanly; we only trust the zero-byte
/// signal, which is strong.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_zero = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 5 > pairs && even_zero * 20 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 5 > pairs && odd_zero * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gb18030_and_utf16_are_told_apart() {
        let text = "绩效评价报告 2023年度 (执行率 99.82%)";
        assert_eq!(decode_text(text.as_bytes()).unwrap().0, text);

        let (gbk, _, _) = GB18030.encode(text);
        assert_eq!(decode_text(&gbk).unwrap().0, text);

        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode_text(&le).unwrap().0, text);

        let ascii_heavy = "Score 97.32 total 100, grade A; 2023";
        let le_nobom: Vec<u8> = ascii_heavy
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode_text(&le_nobom).unwrap().0, ascii_heavy);
    }

    #[test]
    fn binary_noise_is_refused_with_a_code() {
        let noise: Vec<u8> = (0..2000u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 | 0x80)
            .collect();
        match decode_text(&noise) {
            Err(e) => assert_eq!(e.code, "text.undecodable"),
            Ok((t, w)) => assert!(!w.is_empty() || !t.contains('\u{FFFD}')),
        }
    }
}
